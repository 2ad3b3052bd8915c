// The national demo data set.
// [SECTION] helpers (strings, largest-remainder split)
// [SECTION] populations (municipal weights)
// [SECTION] sites and venues (codes, names, categories, doctors)
// [SECTION] accounts
// [SECTION] public API
#include "core/demo/demo_data.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <initializer_list>
#include <string_view>

#include "core/demo/demo_data_names.hpp"
#include "core/demo/demo_data_rng.hpp"
#include "core/directory/local_gov.hpp"

namespace vsys {

namespace assets {
std::string_view census_2020_tsv();
}

namespace {

// [SECTION] helpers (strings, largest-remainder split)

std::string cat(std::initializer_list<std::string_view> parts) {
    std::size_t n = 0;
    for (auto p : parts) n += p.size();
    std::string out;
    out.reserve(n);
    for (auto p : parts) out.append(p);
    return out;
}

// Zero-padded decimal of `width` digits.
std::string digits(std::uint64_t value, int width) {
    std::string out(static_cast<std::size_t>(width), '0');
    for (int i = width - 1; i >= 0; --i, value /= 10) out[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    return out;
}

// Largest-remainder (Hamilton) split of `total` in proportion to non-negative weights: each
// share is floor(total * w / W) and the leftover units go to the largest remainders, ties to the
// earlier index. The shares add up to `total` exactly. All zero weights give all zero shares.
std::vector<std::int64_t> split_largest_remainder(std::int64_t total, const std::vector<std::int64_t>& weights) {
    std::vector<std::int64_t> out(weights.size(), 0);
    __int128 sum = 0;
    for (auto w : weights) sum += w;
    if (sum == 0) return out;
    std::vector<std::pair<__int128, std::size_t>> rest(weights.size());
    std::int64_t given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        __int128 p = static_cast<__int128>(total) * weights[i];
        out[i] = static_cast<std::int64_t>(p / sum);
        rest[i] = {p % sum, i};
        given += out[i];
    }
    auto left = static_cast<std::size_t>(total - given);
    std::partial_sort(rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(left), rest.end(),
                      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    for (std::size_t k = 0; k < left; ++k) ++out[rest[k].second];
    return out;
}

// [SECTION] populations (municipal weights)

// Synthetic weight of a municipality for splitting its prefecture's population: by type (a
// designated city or Tokyo ward has a code 100-199 after the prefecture; a capital is usually
// 201), times a random factor of 50-150 %.
std::int64_t population_weight(const LocalGov& g, DemoRng& rng) {
    int local = (g.code[2] - '0') * 100 + (g.code[3] - '0') * 10 + (g.code[4] - '0');
    std::int64_t base;
    if (local >= 100 && local < 200) base = g.code.compare(0, 2, "13") == 0 ? 400000 : 1000000;
    else if (local == 201) base = 250000;
    else if (g.name.ends_with("市")) base = 70000;
    else if (g.name.ends_with("村")) base = 3500;
    else base = 12000;
    return base * (50 + rng.below(101)) / 100;
}

// [SECTION] sites and venues (codes, names, categories, doctors)

// Unique codes: insurance codes count per prefecture and district; 類似コード use fee-table digit
// 9, which no insurance code has, so the two kinds never collide.
class CodeMint {
public:
    std::string insurance(int pref, int district) {
        int d = district % 100;
        while (next_[pref][d] > 9999) d = (d + 1) % 100;
        std::string first9 = digits(pref, 2) + "1" + digits(d, 2) + digits(next_[pref][d]++, 4);
        return first9 + institution_check_digit(first9);
    }
    std::string similar(int pref) { return digits(pref, 2) + "9" + digits(similar_[pref]++, 7); }

private:
    std::array<std::array<int, 100>, 48> next_ = [] {
        std::array<std::array<int, 100>, 48> a{};
        for (auto& row : a) row.fill(1);
        return a;
    }();
    std::array<int, 48> similar_ = [] {
        std::array<int, 48> a{};
        a.fill(1);
        return a;
    }();
};

struct MuniContext {
    const LocalGov* gov;
    std::string_view pref_name;
    demo_names::Stem stem;
    int pref;
    int district;
};

std::string person_name(DemoRng& rng) {
    return cat({rng.pick(demo_names::surnames()).text, " ", rng.pick(demo_names::given_names()).text});
}

void fill_common(Site& s, const MuniContext& m, DemoRng& rng) {
    s.municipality = m.gov->code;
    s.address = cat({m.pref_name, m.gov->name, rng.pick(demo_names::town_words()).text,
                     std::to_string(1 + rng.below(5)), "丁目", std::to_string(1 + rng.below(30)), "-",
                     std::to_string(1 + rng.below(20))});
    s.contact.phone = cat({"0", std::to_string(1 + rng.below(9)), std::to_string(rng.below(10)), "-",
                           std::to_string(100 + rng.below(900)), "-", digits(rng.below(10000), 4)});
    s.contact.mail = cat({"v", s.code, "@example.com"});
    VaccineProducts products;
    for (int c = 0; c < VaccineCategories::size; ++c)
        if (s.vaccines.has(static_cast<VaccineCategory>(c))) products.add(product_of(static_cast<VaccineCategory>(c)));
    int doctors = 1 + static_cast<int>(rng.below(3));
    for (int k = 0; k < doctors; ++k) {
        Doctor d{person_name(rng), products};
        for (int p = 0; p < VaccineProducts::size; ++p) {
            auto product = static_cast<VaccineProduct>(p);
            VaccineProducts without = d.vaccines;
            without.remove(product);
            if (!without.empty() && rng.chance(30)) d.vaccines = without;
        }
        s.doctors.push_back(std::move(d));
    }
}

// The municipality's own mass vaccination venue: a 類似コード, a Pfizer hub.
Site mass_venue(const MuniContext& m, CodeMint& mint, DemoRng& rng) {
    Site s;
    s.code = mint.similar(m.pref);
    s.code_kind = InstitutionCodeKind::similar;
    s.name = cat({m.gov->name, "集団接種会場"});
    s.reading = cat({demo_names::to_katakana(m.gov->ruby), "シュウダンセッシュカイジョウ"});
    s.vaccines.add(VaccineCategory::pfizer_hub);
    s.vaccines.add(VaccineCategory::tm_general);
    if (rng.chance(50)) s.vaccines.add(VaccineCategory::pfizer_child);
    fill_common(s, m, rng);
    return s;
}

// Categories: 12 % Pfizer hubs, 48 % satellites, 15 % 5-11 only, 20 % Takeda/Moderna only, 5 %
// hub plus Takeda/Moderna; hubs and satellites may add the 5-11 vaccine.
void pick_categories(Site& s, DemoRng& rng, const std::vector<std::string>& hubs) {
    auto r = rng.below(100);
    if (r < 12 || r >= 95) {
        s.vaccines.add(VaccineCategory::pfizer_hub);
        if (r >= 95 || rng.chance(20)) s.vaccines.add(VaccineCategory::tm_general);
        if (rng.chance(40)) s.vaccines.add(VaccineCategory::pfizer_child);
    } else if (r < 60) {
        s.vaccines.add(VaccineCategory::pfizer_satellite);
        s.hub = rng.pick(hubs);
        if (rng.chance(20)) s.vaccines.add(VaccineCategory::pfizer_child);
    } else if (r < 75) {
        s.vaccines.add(VaccineCategory::pfizer_child);
    } else {
        s.vaccines.add(VaccineCategory::tm_general);
    }
}

Site ordinary_site(const MuniContext& m, CodeMint& mint, DemoRng& rng, const std::vector<std::string>& hubs) {
    Site s;
    pick_categories(s, rng, hubs);
    using namespace demo_names;
    const auto& town = rng.pick(town_words());
    if (rng.chance(3)) {  // a health centre or community hall without an insurance code
        s.code = mint.similar(m.pref);
        s.code_kind = InstitutionCodeKind::similar;
        if (rng.chance(50)) {
            s.name = cat({m.gov->name, town.text, "保健センター"});
            s.reading = cat({to_katakana(m.gov->ruby), town.reading, "ホケンセンター"});
        } else {
            s.name = cat({m.stem.text, town.text, "公民館接種会場"});
            s.reading = cat({m.stem.reading, town.reading, "コウミンカンセッシュカイジョウ"});
        }
    } else {
        s.code = mint.insurance(m.pref, m.district);
        VaccineCategories child;
        child.add(VaccineCategory::pfizer_child);
        bool child_only = s.vaccines == child;
        const auto& dept = child_only ? rng.pick(child_departments()) : rng.pick(departments());
        auto style = rng.below(10);
        if (style < 5) {
            const auto& who = rng.pick(surnames());
            s.name = cat({who.text, dept.text});
            s.reading = cat({who.reading, dept.reading});
        } else if (style < 7) {
            s.name = cat({m.stem.text, dept.text});
            s.reading = cat({m.stem.reading, dept.reading});
        } else if (style < 9) {
            s.name = cat({town.text, dept.text});
            s.reading = cat({town.reading, dept.reading});
        } else {
            const auto& h = rng.pick(hospitals());
            s.name = cat({m.stem.text, h.text});
            s.reading = cat({m.stem.reading, h.reading});
        }
    }
    fill_common(s, m, rng);
    return s;
}

Site workplace_venue(const MuniContext& m, CodeMint& mint, DemoRng& rng) {
    Site s;
    s.kind = SiteKind::workplace_venue;
    s.vaccines.add(VaccineCategory::tm_workplace);
    // Most workplaces have no insurance code; a company clinic does.
    if (rng.chance(90)) {
        s.code = mint.similar(m.pref);
        s.code_kind = InstitutionCodeKind::similar;
    } else {
        s.code = mint.insurance(m.pref, m.district);
    }
    const auto& trade = rng.pick(demo_names::trades());
    const auto& base = rng.chance(50) ? demo_names::Part{m.stem.text, m.stem.reading} : rng.pick(demo_names::surnames());
    s.name = cat({base.text, trade.text, "株式会社 職域接種会場"});
    s.reading = cat({base.reading, trade.reading, " ショクイキセッシュカイジョウ"});
    fill_common(s, m, rng);
    return s;
}

constexpr std::uint64_t k_population_stream = 0x706f70;  // independent streams per purpose
constexpr std::uint64_t k_site_stream = 0x73697465;
constexpr std::uint64_t k_account_stream = 0x61636374;
constexpr std::uint64_t k_representative_stream = 0x72657072;

// [SECTION] accounts

void add_accounts(DemoData& d) {
    std::uint64_t n = 0;
    auto add = [&](std::string id, const char* role, std::string org) {
        DemoRng rng(d.seed ^ k_account_stream, n++);
        d.accounts.push_back({std::move(id), person_name(rng), role, std::move(org)});
    };
    add("VN000000", "nation", "nation");
    for (const auto& c : census_2020()) add("VP" + c.code, "prefecture", "pref:" + c.code);
    for (const auto& p : d.populations) add("VM" + p.code, "municipality", "muni:" + p.code);
    for (const auto& s : d.sites) {
        bool venue = s.kind == SiteKind::workplace_venue;
        add((venue ? "VW" : "VS") + s.code, venue ? "workplace_venue" : "site", site_org_id(s));
    }
    for (const auto& c : census_2020()) add("VF" + c.code, "federation", "federation:" + c.code);
    add("VH000001", "support", "support");
}

}  // namespace

// [SECTION] public API

std::span<const CensusRow> census_2020() {
    static const std::vector<CensusRow> rows = [] {
        std::vector<CensusRow> out;
        std::string_view tsv = assets::census_2020_tsv();
        bool header = true;
        while (!tsv.empty()) {
            auto end = tsv.find('\n');
            std::string_view line = tsv.substr(0, end);
            tsv = end == std::string_view::npos ? std::string_view{} : tsv.substr(end + 1);
            if (line.empty() || line[0] == '#') continue;
            if (header) {
                header = false;
                continue;
            }
            auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
            if (t1 == std::string_view::npos || t2 == std::string_view::npos) continue;
            CensusRow r{std::string(line.substr(0, t1)), std::string(line.substr(t1 + 1, t2 - t1 - 1)), 0};
            auto num = line.substr(t2 + 1);
            std::from_chars(num.data(), num.data() + num.size(), r.total);
            out.push_back(std::move(r));
        }
        return out;
    }();
    return rows;
}

std::vector<SiteRef> DemoData::site_refs() const {
    std::vector<SiteRef> out;
    out.reserve(sites.size());
    for (const auto& s : sites) out.push_back({s.kind, s.code, s.municipality});
    return out;
}

DemoData generate_demo_data(const DemoOptions& options) {
    DemoData d;
    d.seed = options.seed;
    d.shares = k_demo_shares;

    // Populations: each census total split over its active municipalities by synthetic weights,
    // then the prefecture's 12+ and 5-11 populations split by the municipal totals.
    std::vector<const LocalGov*> munis;
    for (const auto& g : local_governments())
        if (g.kind == LocalGovKind::municipality && g.active) munis.push_back(&g);
    std::size_t next = 0;
    for (const auto& c : census_2020()) {
        std::size_t first = next;
        std::vector<std::int64_t> weights;
        for (; next < munis.size() && munis[next]->parent == c.code; ++next) {
            DemoRng rng(options.seed ^ k_population_stream, next);
            weights.push_back(population_weight(*munis[next], rng));
        }
        auto totals = split_largest_remainder(c.total, weights);
        auto eligible = split_largest_remainder((c.total * d.shares.eligible_per_10000 + 5000) / 10000, totals);
        auto child = split_largest_remainder((c.total * d.shares.child_per_10000 + 5000) / 10000, totals);
        for (std::size_t k = 0; k < totals.size(); ++k)
            d.populations.push_back({munis[first + k]->code, totals[k], eligible[k], child[k]});
    }

    // Sites: one mass venue per municipality, the rest by population; venues in large places.
    std::vector<std::int64_t> totals, large;
    for (const auto& p : d.populations) {
        totals.push_back(p.total);
        large.push_back(p.total >= 100000 ? p.total : 0);
    }
    auto active = static_cast<std::int64_t>(munis.size());
    std::int64_t extra = std::max<std::int64_t>(0, static_cast<std::int64_t>(options.sites) - active);
    auto site_counts = split_largest_remainder(extra, totals);
    auto venue_counts = split_largest_remainder(options.venues, large);
    d.sites.reserve(munis.size() + static_cast<std::size_t>(extra) + options.venues);

    CodeMint mint;
    std::vector<std::string> hubs;
    int district = 0;
    std::string_view last_pref;
    for (std::size_t i = 0; i < munis.size(); ++i) {
        const LocalGov* g = munis[i];
        district = g->parent == last_pref ? district + 1 : 0;
        last_pref = g->parent;
        MuniContext m{g, find_local_gov(g->parent)->name, demo_names::municipality_stem(*g), code_prefecture(g->code),
                      district};
        DemoRng rng(options.seed ^ k_site_stream, i);
        hubs.clear();
        d.sites.push_back(mass_venue(m, mint, rng));
        hubs.push_back(d.sites.back().code);
        for (std::int64_t k = 0; k < site_counts[i]; ++k) {
            d.sites.push_back(ordinary_site(m, mint, rng, hubs));
            if (d.sites.back().vaccines.has(VaccineCategory::pfizer_hub)) hubs.push_back(d.sites.back().code);
        }
        for (std::int64_t k = 0; k < venue_counts[i]; ++k) d.sites.push_back(workplace_venue(m, mint, rng));
    }
    // 代表者: drawn from a stream of its own, so adding the field left every other generated
    // value (and the golden fingerprint of the rest) as it was.
    for (std::size_t i = 0; i < d.sites.size(); ++i) {
        DemoRng rng(options.seed ^ k_representative_stream, i);
        d.sites[i].representative = person_name(rng);
    }
    add_accounts(d);
    return d;
}

}  // namespace vsys
