#include "core/directory/catalog.hpp"

#include <array>
#include <charconv>

#include "core/base/text.hpp"

namespace vsys::assets {
std::string_view catalog_products_tsv();
std::string_view catalog_rounds_tsv();
}  // namespace vsys::assets

namespace vsys {
namespace {

constexpr std::array<const char*, 5> k_round_states = {"requests", "allocating", "locked", "delivered", "closed"};
constexpr std::array<const char*, 3> k_split_levels = {"nation", "prefecture", "municipality"};
constexpr std::array<const char*, 3> k_sim_modes = {"request", "eligible_population", "child_population"};

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> out;
    while (true) {
        auto tab = line.find('\t');
        out.push_back(line.substr(0, tab));
        if (tab == std::string_view::npos) break;
        line.remove_prefix(tab + 1);
    }
    return out;
}

// Calls f(line_no, fields) for each data line (not a comment, not the header starting with `header`).
template <class F>
Status for_each_row(std::string_view tsv, std::string_view header, F f) {
    int line_no = 0;
    while (!tsv.empty()) {
        auto nl = tsv.find('\n');
        auto line = tsv.substr(0, nl);
        tsv.remove_prefix(nl == std::string_view::npos ? tsv.size() : nl + 1);
        ++line_no;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#' || line.substr(0, header.size()) == header) continue;
        if (auto s = f(line_no, split_tabs(line)); !s) return s;
    }
    return ok_status();
}

Error bad_row(const char* file, int line, std::string reason) {
    return Error{"catalog.bad_row", "a catalog row is malformed",
                 {{"file", file}, {"line", std::to_string(line)}, {"reason", std::move(reason)}}};
}

bool parse_count(std::string_view s, std::int64_t& out) {
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size() && out > 0 && out <= k_max_pack_count;
}

bool parse_optional_date(std::string_view s, std::optional<Date>& out) {
    if (s.empty()) return out.reset(), true;
    auto d = parse_iso_date(s);
    if (!d) return false;
    out = *d;
    return true;
}

Result<std::vector<ProductSpec>> parse_products(std::string_view tsv) {
    std::vector<ProductSpec> out;
    auto s = for_each_row(tsv, "product\t", [&](int line, const std::vector<std::string_view>& f) -> Status {
        const char* file = "products.tsv";
        if (f.size() != 10) return bad_row(file, line, "10 columns expected");
        ProductSpec p;
        auto product = parse_vaccine_product(f[0]);
        if (!product) return bad_row(file, line, "unknown product");
        p.product = *product;
        auto from = parse_iso_date(f[1]);
        if (!from || !parse_optional_date(f[2], p.valid_to)) return bad_row(file, line, "bad date");
        p.valid_from = *from;
        if (p.valid_to && *p.valid_to < p.valid_from) return bad_row(file, line, "valid_to before valid_from");
        if (!parse_count(f[3], p.vials_per_box) || !parse_count(f[4], p.doses_per_vial) ||
            !parse_count(f[5], p.needle_boxes_per_box) || !parse_count(f[6], p.syringe_boxes_per_box))
            return bad_row(file, line, "counts must be integers from 1 to 10000");
        if (f[7] != "public" && f[7] != "inferred" && f[7] != "assumed") return bad_row(file, line, "unknown basis");
        p.basis = f[7];
        if (f[8].empty() || f[9].empty() || !text::valid_utf8(f[8])) return bad_row(file, line, "names required");
        p.name_ja = f[8];
        p.name_en = f[9];
        out.push_back(std::move(p));
        return ok_status();
    });
    if (!s) return s.error();
    for (std::size_t i = 0; i < out.size(); ++i)
        for (std::size_t j = i + 1; j < out.size(); ++j) {
            const auto &a = out[i], &b = out[j];
            if (a.product != b.product) continue;
            bool a_before_b = a.valid_to && *a.valid_to < b.valid_from;
            bool b_before_a = b.valid_to && *b.valid_to < a.valid_from;
            if (!a_before_b && !b_before_a)
                return Error{"catalog.overlap", "two packaging periods of a product overlap",
                             {{"product", vaccine_product_id(a.product)}}};
        }
    return out;
}

Result<std::vector<Round>> parse_rounds(std::string_view tsv) {
    std::vector<Round> out;
    auto s = for_each_row(tsv, "code\t", [&](int line, const std::vector<std::string_view>& f) -> Status {
        const char* file = "rounds.tsv";
        if (f.size() != 9) return bad_row(file, line, "9 columns expected");
        Round r;
        if (!valid_round_code(f[0])) return bad_row(file, line, "bad round code");
        r.code = f[0];
        auto product = parse_vaccine_product(f[1]);
        if (!product) return bad_row(file, line, "unknown product");
        r.product = *product;
        if (f[2].empty() || !text::valid_utf8(f[2]) || text::has_control(f[2])) return bad_row(file, line, "name required");
        r.name = f[2];
        auto from = parse_iso_date(f[3]);
        auto start = parse_iso_date(f[5]);
        auto end = parse_iso_date(f[6]);
        if (!from || !start || !end || !parse_optional_date(f[4], r.requests_until) ||
            !parse_optional_date(f[7], r.listed_until))
            return bad_row(file, line, "bad date");
        r.requests_from = *from;
        r.period_start = *start;
        r.period_end = *end;
        bool ordered = r.requests_from <= r.period_start && r.period_start <= r.period_end &&
                       (!r.requests_until || (r.requests_from <= *r.requests_until && *r.requests_until <= r.period_start)) &&
                       (!r.listed_until || r.period_end <= *r.listed_until);
        if (!ordered) return bad_row(file, line, "dates out of order");
        auto state = parse_round_state(f[8]);
        if (!state) return bad_row(file, line, "unknown state");
        r.state = *state;
        for (const auto& other : out)
            if (other.code == r.code)
                return Error{"catalog.duplicate_round", "a round code appears twice", {{"round", r.code}}};
        out.push_back(std::move(r));
        return ok_status();
    });
    if (!s) return s.error();
    return out;
}

}  // namespace

const char* round_state_id(RoundState s) { return k_round_states[static_cast<int>(s)]; }

std::optional<RoundState> parse_round_state(std::string_view id) {
    for (std::size_t i = 0; i < k_round_states.size(); ++i)
        if (id == k_round_states[i]) return static_cast<RoundState>(i);
    return std::nullopt;
}

Result<Catalog> Catalog::parse(std::string_view products_tsv, std::string_view rounds_tsv) {
    auto products = parse_products(products_tsv);
    if (!products) return products.error();
    auto rounds = parse_rounds(rounds_tsv);
    if (!rounds) return rounds.error();
    Catalog c;
    c.products_ = std::move(*products);
    c.rounds_ = std::move(*rounds);
    return c;
}

const Catalog& Catalog::builtin() {
    static const Catalog c = [] {
        auto r = parse(assets::catalog_products_tsv(), assets::catalog_rounds_tsv());
        // The embedded tables are checked by a unit test; an empty catalog lists no round.
        return r ? std::move(*r) : Catalog{};
    }();
    return c;
}

const Round* Catalog::find_round(std::string_view code) const {
    for (const auto& r : rounds_)
        if (r.code == code) return &r;
    return nullptr;
}

const ProductSpec* Catalog::product_at(VaccineProduct p, const Date& date) const {
    for (const auto& s : products_)
        if (s.product == p && s.valid_from <= date && (!s.valid_to || date <= *s.valid_to)) return &s;
    return nullptr;
}

bool valid_round_code(std::string_view code) {
    if (code.empty() || !text::valid_utf8(code) || text::has_control(code) || text::length(code) > k_max_round_code)
        return false;
    for (char c : code)
        if (c == ' ' || c == '/' || c == '@') return false;
    // U+3000 (ideographic space) is a space too.
    return code.find("\xE3\x80\x80") == std::string_view::npos;
}

bool round_listed(const Round& r, RoundState state, const Date& today) {
    return state != RoundState::closed && r.requests_from <= today && (!r.listed_until || today <= *r.listed_until);
}

bool requests_open(const Round& r, RoundState state, const Date& today) {
    return state == RoundState::requests && r.requests_from <= today && (!r.requests_until || today <= *r.requests_until);
}

std::optional<VaccineProduct> requested_product(VaccineCategory c) {
    switch (c) {
        case VaccineCategory::pfizer_hub: return VaccineProduct::pfizer_12;
        case VaccineCategory::pfizer_child: return VaccineProduct::pfizer_5_11;
        case VaccineCategory::tm_general: return VaccineProduct::takeda_moderna;
        case VaccineCategory::pfizer_satellite:
        case VaccineCategory::tm_workplace: return std::nullopt;
    }
    return std::nullopt;
}

Status may_request(VaccineCategories handled, VaccineProduct p, std::string_view site) {
    for (int i = 0; i < VaccineCategories::size; ++i) {
        auto c = static_cast<VaccineCategory>(i);
        if (handled.has(c) && requested_product(c) == p) return ok_status();
    }
    std::vector<std::pair<std::string, std::string>> args = {{"site", std::string(site)},
                                                             {"product", vaccine_product_id(p)}};
    if (p == VaccineProduct::pfizer_12 && handled.has(VaccineCategory::pfizer_satellite))
        return Error{"chain.satellite_request", "a satellite site does not request: its hub requests for it", args};
    if (p == VaccineProduct::takeda_moderna && handled.has(VaccineCategory::tm_workplace))
        return Error{"chain.workplace_request", "a workplace venue is supplied by its vaccination plan, not by requests",
                     args};
    return Error{"chain.product_not_handled", "the site does not handle this product", args};
}

const char* split_level_id(SplitLevel l) { return k_split_levels[static_cast<int>(l)]; }

const char* sim_mode_id(SimMode m) { return k_sim_modes[static_cast<int>(m)]; }

bool splits_by_population(SimMode m) { return m == SimMode::eligible_population || m == SimMode::child_population; }

std::optional<SimMode> parse_sim_mode(std::string_view id) {
    for (std::size_t i = 0; i < k_sim_modes.size(); ++i)
        if (id == k_sim_modes[i]) return static_cast<SimMode>(i);
    return std::nullopt;
}

std::vector<SimMode> valid_modes(VaccineProduct p, SplitLevel level) {
    if (level == SplitLevel::municipality) return {SimMode::request};
    auto population = p == VaccineProduct::pfizer_5_11 ? SimMode::child_population : SimMode::eligible_population;
    return {population, SimMode::request};
}

bool mode_valid(VaccineProduct p, SplitLevel level, SimMode m) {
    for (auto v : valid_modes(p, level))
        if (v == m) return true;
    return false;
}

}  // namespace vsys
