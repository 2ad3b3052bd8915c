// Site master data: validation and JSON.
// [SECTION] field checks (text, reading, phone, mail)
// [SECTION] vaccine rules
// [SECTION] JSON helpers (vaccine sets, strict field reader)
// [SECTION] public API
#include "core/directory/site.hpp"

#include <array>

#include "core/documents/document_store.hpp"
#include "core/directory/local_gov.hpp"
#include "core/base/text.hpp"

namespace vsys {

namespace {

constexpr std::array<const char*, 5> k_category_ids = {"pfizer_hub", "pfizer_satellite", "pfizer_child",
                                                       "tm_general", "tm_workplace"};
constexpr std::array<const char*, 3> k_product_ids = {"pfizer_12", "pfizer_5_11", "takeda_moderna"};

std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
    std::uint32_t cp = n == 0 ? c : c & (0x3F >> n);
    for (int k = 1; k <= n; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += n + 1;
    return cp;
}

// [SECTION] field checks (text, reading, phone, mail)

// The per-field errors are named "site.<field>.<rule>" so each message can name its field in
// both languages. `index` (1-based) identifies a doctor.
Status check_text(std::string_view value, const std::string& field, std::size_t max, int index = 0) {
    std::vector<std::pair<std::string, std::string>> args;
    if (index > 0) args.emplace_back("index", std::to_string(index));
    auto fail = [&](const char* rule, std::string detail) {
        return Error{"site." + field + "." + rule, field + ": " + detail, args};
    };
    if (value.empty()) return fail("empty", "required");
    if (!text::valid_utf8(value)) return fail("utf8", "not valid UTF-8");
    if (text::has_control(value)) return fail("control", "contains a control character");
    std::size_t n = text::length(value);
    if (n > max) {
        args.emplace_back("max", std::to_string(max));
        args.emplace_back("actual", std::to_string(n));
        return fail("too_long", std::to_string(n) + " characters, at most " + std::to_string(max));
    }
    return ok_status();
}

bool is_kana(std::uint32_t cp) {
    return (cp >= 0x3041 && cp <= 0x3096) || (cp >= 0x309D && cp <= 0x309E) || (cp >= 0x30A1 && cp <= 0x30FE) ||
           cp == 0x20 || cp == 0x3000;
}

Status check_reading(std::string_view reading) {
    if (auto s = check_text(reading, "reading", k_max_site_reading); !s) return s;
    for (std::size_t i = 0; i < reading.size();) {
        std::size_t from = i;
        if (!is_kana(next_code_point(reading, i))) {
            std::string ch(reading.substr(from, i - from));
            return Error{"site.reading.not_kana", "reading: not kana: " + ch, {{"char", ch}}};
        }
    }
    return ok_status();
}

Status check_phone(std::string_view phone) {
    if (auto s = check_text(phone, "phone", k_max_phone); !s) return s;
    int digits = 0;
    for (std::size_t i = 0; i < phone.size();) {
        std::uint32_t cp = next_code_point(phone, i);
        if (cp >= 0xFF10 && cp <= 0xFF19)
            return Error{"site.phone.fullwidth", "phone: full-width digits; use ASCII digits"};
        if (cp >= '0' && cp <= '9') ++digits;
        else if (cp != '-') return Error{"site.phone.format", "phone: only digits and hyphens, 10 or 11 digits"};
    }
    if (phone[0] != '0' || digits < 10 || digits > 11)
        return Error{"site.phone.format", "phone: only digits and hyphens, 10 or 11 digits starting with 0"};
    return ok_status();
}

Status check_mail(std::string_view mail) {
    if (mail.empty()) return ok_status();
    if (auto s = check_text(mail, "mail", k_max_mail); !s) return s;
    auto at = mail.find('@');
    bool ok = at != std::string_view::npos && at > 0 && mail.find('@', at + 1) == std::string_view::npos;
    for (unsigned char c : mail) ok = ok && c > 0x20 && c < 0x7F;
    if (ok) {
        auto domain = mail.substr(at + 1);
        auto dot = domain.find('.');
        ok = dot != std::string_view::npos && dot > 0 && domain.back() != '.';
    }
    if (!ok) return Error{"site.mail.format", "mail: not a mail address (name@example.jp)"};
    return ok_status();
}

// [SECTION] vaccine rules

Status check_vaccines(const Site& s) {
    const auto& v = s.vaccines;
    if (v.empty()) return Error{"site.vaccines.empty", "handled vaccines: at least one is required"};
    if (v.has(VaccineCategory::pfizer_hub) && v.has(VaccineCategory::pfizer_satellite))
        return Error{"site.vaccines.hub_and_satellite", "handled vaccines: a site is a Pfizer hub or a satellite, not both"};
    bool venue = s.kind == SiteKind::workplace_venue;
    if (!venue && v.has(VaccineCategory::tm_workplace))
        return Error{"site.vaccines.workplace_only_venue", "handled vaccines: Takeda/Moderna (workplace) is for workplace venues only"};
    VaccineCategories workplace_only;
    workplace_only.add(VaccineCategory::tm_workplace);
    if (venue && v != workplace_only)
        return Error{"site.vaccines.venue_workplace", "handled vaccines: a workplace venue handles Takeda/Moderna (workplace) only"};
    bool satellite = v.has(VaccineCategory::pfizer_satellite);
    if (satellite && s.hub.empty()) return Error{"site.hub.missing", "a Pfizer satellite must name its hub"};
    if (!satellite && !s.hub.empty()) return Error{"site.hub.unexpected", "only a Pfizer satellite names a hub"};
    if (satellite) {
        if (!check_institution_code(s.hub, InstitutionCodeKind::similar))
            return Error{"site.hub.format", "the hub's code must be 10 digits with a prefecture number", {{"hub", s.hub}}};
        if (s.hub == s.code) return Error{"site.hub.self", "a satellite cannot be its own hub"};
    }
    return ok_status();
}

// [SECTION] JSON helpers (vaccine sets, strict field reader)

template <class Set, std::size_t N>
nlohmann::json set_to_json(Set set, const std::array<const char*, N>& ids) {
    auto out = nlohmann::json::array();
    for (std::size_t i = 0; i < N; ++i)
        if (set.bits >> i & 1) out.push_back(ids[i]);
    return out;
}

// Reads an array of ids into a set; a duplicate or unknown id is refused.
template <class Set, std::size_t N>
Status set_from_json(const nlohmann::json& j, const std::array<const char*, N>& ids, const char* field, Set& out) {
    if (!j.is_array()) return Error{"arg.type", std::string(field) + ": array expected", {{"name", field}, {"expected", "array"}}};
    for (const auto& e : j) {
        if (!e.is_string()) return Error{"arg.type", std::string(field) + ": strings expected", {{"name", field}, {"expected", "string"}}};
        const auto& id = e.get_ref<const std::string&>();
        std::size_t i = 0;
        while (i < N && id != ids[i]) ++i;
        if (i == N) return Error{"site.vaccines.unknown", "unknown vaccine: " + id, {{"value", id}}};
        if (out.bits >> i & 1) return Error{"site.vaccines.duplicate", "listed twice: " + id, {{"value", id}}};
        out.bits = static_cast<std::uint8_t>(out.bits | 1u << i);
    }
    return ok_status();
}

// Strict reader of one JSON object: every field read once, types checked, unknown refused.
class Fields {
public:
    Fields(const nlohmann::json& j, std::initializer_list<const char*> names) : j_(j), names_(names) {}
    const nlohmann::json* get(const char* name, nlohmann::json::value_t type, const char* type_name, bool required = true) {
        if (error_) return nullptr;
        ++read_;
        auto it = j_.find(name);
        if (it == j_.end()) {
            --read_;
            if (required) error_ = Error{"arg.missing", std::string(name) + " is missing", {{"name", name}}};
            return nullptr;
        }
        if (it->type() != type && !(type == nlohmann::json::value_t::number_integer && it->is_number_unsigned())) {
            error_ = Error{"arg.type", std::string(name) + ": " + type_name + " expected", {{"name", name}, {"expected", type_name}}};
            return nullptr;
        }
        return &*it;
    }
    bool string(const char* name, std::string& out, bool required = true) {
        const auto* v = get(name, nlohmann::json::value_t::string, "string", required);
        if (v) out = v->get<std::string>();
        return v != nullptr;
    }
    std::optional<Error> finish() {
        if (error_) return error_;
        if (read_ != j_.size())
            for (const auto& [key, value] : j_.items())
                // "_resolves" belongs to the document store (a conflict's resolution), not the site.
                if (!known(key) && key != k_resolves_member)
                    return Error{"arg.unknown", "unknown field: " + key, {{"name", key}}};
        return std::nullopt;
    }

private:
    bool known(const std::string& key) const {
        for (const char* n : names_)
            if (key == n) return true;
        return false;
    }
    const nlohmann::json& j_;
    std::size_t read_ = 0;
    std::optional<Error> error_;
    std::vector<const char*> names_;
};

}  // namespace

// [SECTION] public API

const char* vaccine_category_id(VaccineCategory c) { return k_category_ids[static_cast<int>(c)]; }
const char* vaccine_product_id(VaccineProduct p) { return k_product_ids[static_cast<int>(p)]; }

std::optional<VaccineCategory> parse_vaccine_category(std::string_view id) {
    for (std::size_t i = 0; i < k_category_ids.size(); ++i)
        if (id == k_category_ids[i]) return static_cast<VaccineCategory>(i);
    return std::nullopt;
}

std::optional<VaccineProduct> parse_vaccine_product(std::string_view id) {
    for (std::size_t i = 0; i < k_product_ids.size(); ++i)
        if (id == k_product_ids[i]) return static_cast<VaccineProduct>(i);
    return std::nullopt;
}

VaccineProduct product_of(VaccineCategory c) {
    switch (c) {
        case VaccineCategory::pfizer_hub:
        case VaccineCategory::pfizer_satellite: return VaccineProduct::pfizer_12;
        case VaccineCategory::pfizer_child: return VaccineProduct::pfizer_5_11;
        default: return VaccineProduct::takeda_moderna;
    }
}

std::string site_org_id(SiteKind kind, std::string_view code) {
    return (kind == SiteKind::workplace_venue ? "venue:" : "site:") + std::string(code);
}

Status validate_site(const Site& s) {
    if (auto st = check_institution_code(s.code, s.code_kind); !st) return st;
    const LocalGov* muni = find_local_gov(s.municipality);
    if (!muni || muni->kind != LocalGovKind::municipality || !muni->active)
        return Error{"site.municipality.unknown", "not an active municipality: " + s.municipality, {{"code", s.municipality}}};
    if (s.code.compare(0, 2, s.municipality, 0, 2) != 0)
        return Error{"site.code.prefecture_mismatch", "the code's prefecture differs from the municipality's",
                     {{"code", s.code}, {"municipality", muni->name}}};
    if (auto st = check_text(s.name, "name", k_max_site_name); !st) return st;
    if (auto st = check_reading(s.reading); !st) return st;
    if (auto st = check_text(s.address, "address", k_max_site_address); !st) return st;
    if (auto st = check_phone(s.contact.phone); !st) return st;
    if (auto st = check_mail(s.contact.mail); !st) return st;
    if (auto st = check_vaccines(s); !st) return st;
    if (s.doctors.size() > k_max_doctors)
        return Error{"site.doctors.too_many", "too many doctors", {{"max", std::to_string(k_max_doctors)}}};
    if (!s.representative.empty())
        if (auto st = check_text(s.representative, "representative", k_max_representative); !st) return st;
    for (std::size_t i = 0; i < s.doctors.size(); ++i) {
        int index = static_cast<int>(i + 1);
        if (auto st = check_text(s.doctors[i].name, "doctor_name", k_max_doctor_name, index); !st) return st;
        if (s.doctors[i].vaccines.empty())
            return Error{"site.doctor.vaccines_empty", "a doctor gives at least one vaccine", {{"index", std::to_string(index)}}};
    }
    return ok_status();
}

std::string site_representative(const Site& s) {
    if (!s.representative.empty()) return s.representative;
    // Older site_info documents have no representative: the claim forms printed the first
    // doctor then, and keep doing so for them.
    return s.doctors.empty() ? std::string() : s.doctors.front().name;
}

nlohmann::json site_to_json(const Site& s) {
    nlohmann::json j = nlohmann::json::object();
    j["schema"] = k_site_schema;
    j["kind"] = s.kind == SiteKind::workplace_venue ? "workplace_venue" : "site";
    j["code"] = s.code;
    j["code_kind"] = institution_code_kind_id(s.code_kind);
    j["name"] = s.name;
    j["reading"] = s.reading;
    j["address"] = s.address;
    j["municipality"] = s.municipality;
    j["vaccines"] = set_to_json(s.vaccines, k_category_ids);
    if (!s.hub.empty()) j["hub"] = s.hub;
    j["contact"] = {{"phone", s.contact.phone}, {"mail", s.contact.mail}};
    j["doctors"] = doctors_to_json(s.doctors);
    if (!s.representative.empty()) j["representative"] = s.representative;
    return j;
}

Result<Site> site_from_json(const nlohmann::json& body) {
    using vt = nlohmann::json::value_t;
    if (!body.is_object()) return Error{"arg.type", "the site body must be an object", {{"name", "body"}, {"expected", "object"}}};
    Site s;
    Fields f(body, {"schema", "kind", "code", "code_kind", "name", "reading", "address", "municipality", "vaccines", "hub",
                    "contact", "doctors", "representative"});
    const auto* schema = f.get("schema", vt::number_integer, "integer");
    std::string kind, code_kind;
    f.string("kind", kind);
    f.string("code", s.code);
    f.string("code_kind", code_kind);
    f.string("name", s.name);
    f.string("reading", s.reading);
    f.string("address", s.address);
    f.string("municipality", s.municipality);
    f.string("hub", s.hub, false);
    f.string("representative", s.representative, false);
    const auto* vaccines = f.get("vaccines", vt::array, "array");
    const auto* contact = f.get("contact", vt::object, "object");
    const auto* doctors = f.get("doctors", vt::array, "array");
    if (auto e = f.finish()) return *e;
    if (schema->get<std::int64_t>() != k_site_schema)
        return Error{"site.schema", "unsupported schema version", {{"version", schema->dump()}}};
    if (kind == "site") s.kind = SiteKind::site;
    else if (kind == "workplace_venue") s.kind = SiteKind::workplace_venue;
    else return Error{"site.kind.unknown", "unknown site kind: " + kind, {{"value", kind}}};
    auto ck = parse_institution_code_kind(code_kind);
    if (!ck) return Error{"site.code_kind.unknown", "unknown code kind: " + code_kind, {{"value", code_kind}}};
    s.code_kind = *ck;
    if (auto st = set_from_json(*vaccines, k_category_ids, "vaccines", s.vaccines); !st) return st.error();
    Fields c(*contact, {"phone", "mail"});
    c.string("phone", s.contact.phone);
    c.string("mail", s.contact.mail);
    if (auto e = c.finish()) return *e;
    auto list = doctors_from_json(*doctors);
    if (!list) return list.error();
    s.doctors = std::move(*list);
    if (auto st = validate_site(s); !st) return st.error();
    return s;
}

Result<std::vector<Doctor>> doctors_from_json(const nlohmann::json& list) {
    using vt = nlohmann::json::value_t;
    if (!list.is_array()) return Error{"arg.type", "doctors: array expected", {{"name", "doctors"}, {"expected", "array"}}};
    std::vector<Doctor> out;
    for (const auto& dj : list) {
        if (!dj.is_object()) return Error{"arg.type", "doctors: objects expected", {{"name", "doctors"}, {"expected", "object"}}};
        Doctor d;
        Fields df(dj, {"name", "vaccines"});
        df.string("name", d.name);
        const auto* dv = df.get("vaccines", vt::array, "array");
        if (auto e = df.finish()) return *e;
        if (auto st = set_from_json(*dv, k_product_ids, "vaccines", d.vaccines); !st) return st.error();
        out.push_back(std::move(d));
    }
    return out;
}

nlohmann::json doctors_to_json(const std::vector<Doctor>& doctors) {
    auto out = nlohmann::json::array();
    for (const auto& d : doctors) out.push_back({{"name", d.name}, {"vaccines", set_to_json(d.vaccines, k_product_ids)}});
    return out;
}

}  // namespace vsys
