// A vaccination site (医療機関・接種会場) or workplace venue (職域接種会場): its master data
// (DOMAIN.md §2-3) and the rules that make it valid. The same struct is the body of the site's
// "site_info" document (document.hpp), with a schema version and a canonical JSON form.
//
// Invariants of a valid Site (validate_site):
//   - code: 10 ASCII digits of the declared kind (codes.hpp), its prefecture that of the
//     municipality; municipality: an active municipality (local_gov.hpp)
//   - name, reading (kana), address, phone: present, no control characters, valid UTF-8, within
//     the k_max_* limits (counted in characters); mail optional, otherwise a plain address
//   - handled vaccines: one or several; never both Pfizer hub and satellite; a satellite names its
//     hub's code (and only a satellite names one); 武田/モデルナ（職域） only at a workplace venue,
//     and a workplace venue handles exactly that category
//   - doctors: at most k_max_doctors, each named and giving at least one vaccine product
//   - representative (代表者氏名, printed on the claim forms): optional, because site_info
//     documents written before the field existed lack it; when present, checked like a name
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base/codes.hpp"
#include "core/base/result.hpp"

namespace vsys {

// A set of enum values of a small enum (at most 8), kept as bits so that copies are free and
// the JSON order is canonical (enum order).
template <class E, int N>
struct EnumSet {
    std::uint8_t bits = 0;
    static constexpr int size = N;
    bool has(E e) const { return bits >> static_cast<int>(e) & 1; }
    void add(E e) { bits = static_cast<std::uint8_t>(bits | 1u << static_cast<int>(e)); }
    void remove(E e) { bits = static_cast<std::uint8_t>(bits & ~(1u << static_cast<int>(e))); }
    bool empty() const { return bits == 0; }
    friend bool operator==(EnumSet, EnumSet) = default;
};

// 取扱ワクチン: a product combined with the site's role in the cold chain (DOMAIN.md §3).
enum class VaccineCategory : std::uint8_t {
    pfizer_hub,        // ファイザー（基本型）
    pfizer_satellite,  // ファイザー（サテライト型）
    pfizer_child,      // ファイザー（5歳以上11歳以下）
    tm_general,        // 武田/モデルナ（職域以外）
    tm_workplace,      // 武田/モデルナ（職域）
};
using VaccineCategories = EnumSet<VaccineCategory, 5>;
const char* vaccine_category_id(VaccineCategory c);  // "pfizer_hub", ...
std::optional<VaccineCategory> parse_vaccine_category(std::string_view id);

// The three allocated products; what a doctor gives (接種担当医師の接種ワクチン).
enum class VaccineProduct : std::uint8_t { pfizer_12, pfizer_5_11, takeda_moderna };
using VaccineProducts = EnumSet<VaccineProduct, 3>;
const char* vaccine_product_id(VaccineProduct p);  // "pfizer_12", "pfizer_5_11", "takeda_moderna"
std::optional<VaccineProduct> parse_vaccine_product(std::string_view id);
VaccineProduct product_of(VaccineCategory c);

enum class SiteKind : std::uint8_t { site, workplace_venue };

struct Contact {
    std::string phone;  // ASCII digits and hyphens, 10 or 11 digits
    std::string mail;   // optional
    friend bool operator==(const Contact&, const Contact&) = default;
};

struct Doctor {
    std::string name;
    VaccineProducts vaccines;
    friend bool operator==(const Doctor&, const Doctor&) = default;
};

struct Site {
    SiteKind kind = SiteKind::site;
    std::string code;  // 10 digits
    InstitutionCodeKind code_kind = InstitutionCodeKind::insurance;
    std::string name;
    std::string reading;       // kana (ひらがな or カタカナ)
    std::string address;
    std::string municipality;  // 6-digit local-government code
    VaccineCategories vaccines;
    std::string hub;  // the hub's code, for a Pfizer satellite only
    Contact contact;
    std::vector<Doctor> doctors;
    std::string representative;  // 代表者氏名; "" when never entered (see site_representative)

    friend bool operator==(const Site&, const Site&) = default;
};

inline constexpr std::size_t k_max_site_name = 100;
inline constexpr std::size_t k_max_site_reading = 100;
inline constexpr std::size_t k_max_site_address = 200;
inline constexpr std::size_t k_max_phone = 20;
inline constexpr std::size_t k_max_mail = 254;
inline constexpr std::size_t k_max_doctor_name = 50;
inline constexpr std::size_t k_max_doctors = 100;
inline constexpr std::size_t k_max_representative = 50;
inline constexpr int k_site_schema = 1;

// "site:<code>" or "venue:<code>" (document.hpp's organisation ids).
std::string site_org_id(SiteKind kind, std::string_view code);
inline std::string site_org_id(const Site& s) { return site_org_id(s.kind, s.code); }

// The first rule the site breaks, as a translatable error.
Status validate_site(const Site& s);

// The name printed as the site's representative: the representative field, or, for a site
// whose information predates that field (or never had it entered), its first registered
// doctor, which is what the claim forms showed before; "" when there is neither.
std::string site_representative(const Site& s);

// The "site_info" document body: an object of strings, arrays and the integer schema version.
// "representative" is written only when set, so bodies of sites without one are unchanged.
// Write bodies of validated sites only: nlohmann::json::dump() throws on invalid UTF-8.
nlohmann::json site_to_json(const Site& s);
// Strict: a missing, wrongly typed or unknown field is refused; the result is validated.
Result<Site> site_from_json(const nlohmann::json& body);
// The "doctors" member of that body, read by the same rules (a set_doctors command carries it).
Result<std::vector<Doctor>> doctors_from_json(const nlohmann::json& list);
nlohmann::json doctors_to_json(const std::vector<Doctor>& doctors);

}  // namespace vsys
