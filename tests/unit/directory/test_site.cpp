#include <doctest/doctest.h>

#include <string>

#include "app/base/i18n.hpp"
#include "core/directory/site.hpp"

TEST_SUITE_BEGIN("directory");

namespace {

using vsys::VaccineCategory;

vsys::Site sample_site() {
    vsys::Site s;
    s.code = "1311234569";
    s.code_kind = vsys::InstitutionCodeKind::insurance;
    s.name = "千代田内科医院";
    s.reading = "チヨダナイカイイン";
    s.address = "東京都千代田区本町1丁目2-3";
    s.municipality = "131016";
    s.vaccines.add(VaccineCategory::pfizer_satellite);
    s.vaccines.add(VaccineCategory::pfizer_child);
    s.hub = "1391234567";
    s.contact = {"03-1234-5678", "info@example.com"};
    vsys::Doctor d{"佐藤 太郎", {}};
    d.vaccines.add(vsys::VaccineProduct::pfizer_12);
    d.vaccines.add(vsys::VaccineProduct::pfizer_5_11);
    s.doctors.push_back(d);
    return s;
}

// The canonical body of sample_site() (keys sorted, as nlohmann::json dumps them).
constexpr const char* k_golden =
    R"({"address":"東京都千代田区本町1丁目2-3","code":"1311234569","code_kind":"insurance",)"
    R"("contact":{"mail":"info@example.com","phone":"03-1234-5678"},)"
    R"("doctors":[{"name":"佐藤 太郎","vaccines":["pfizer_12","pfizer_5_11"]}],)"
    R"("hub":"1391234567","kind":"site","municipality":"131016","name":"千代田内科医院",)"
    R"("reading":"チヨダナイカイイン","schema":1,"vaccines":["pfizer_satellite","pfizer_child"]})";

std::string refusal(const vsys::Site& s) {
    auto st = vsys::validate_site(s);
    return st ? std::string("ok") : st.error().code;
}

nlohmann::json golden() { return nlohmann::json::parse(k_golden); }

}  // namespace

TEST_CASE("a valid site serialises to its golden body and reads back identical") {
    auto s = sample_site();
    REQUIRE(vsys::validate_site(s));
    CHECK(vsys::site_to_json(s).dump() == k_golden);
    auto back = vsys::site_from_json(golden());
    REQUIRE(back);
    CHECK(*back == s);
    CHECK(vsys::site_to_json(*back).dump() == k_golden);
}

TEST_CASE("a workplace venue round-trips with its kind and 類似コード") {
    vsys::Site v = sample_site();
    v.kind = vsys::SiteKind::workplace_venue;
    v.code = "1391234500";
    v.code_kind = vsys::InstitutionCodeKind::similar;
    v.vaccines = {};
    v.vaccines.add(VaccineCategory::tm_workplace);
    v.hub.clear();
    REQUIRE(vsys::validate_site(v));
    auto back = vsys::site_from_json(vsys::site_to_json(v));
    REQUIRE(back);
    CHECK(*back == v);
    CHECK(vsys::site_org_id(v) == "venue:1391234500");
    CHECK(vsys::site_org_id(sample_site()) == "site:1311234569");
}

TEST_CASE("required text fields refuse empty, over-long, control characters and invalid UTF-8") {
    auto s = sample_site();
    s.name = "";
    CHECK(refusal(s) == "site.name.empty");
    s.name = std::string(300, 'a');
    CHECK(refusal(s) == "site.name.too_long");
    auto e = vsys::validate_site(s).error();
    CHECK(e.arg("max") == "100");
    CHECK(e.arg("actual") == "300");
    s.name = "";
    for (int i = 0; i < 100; ++i) s.name += "医";  // 100 characters, 300 bytes: allowed
    CHECK(refusal(s) == "ok");
    s.name = "千代田\n医院";
    CHECK(refusal(s) == "site.name.control");
    s.name = "千代田\xE5\x8D";
    CHECK(refusal(s) == "site.name.utf8");
    s = sample_site();
    s.address = std::string(201, 'x');
    CHECK(refusal(s) == "site.address.too_long");
    s = sample_site();
    s.doctors[0].name = "";
    CHECK(refusal(s) == "site.doctor_name.empty");
    CHECK(vsys::validate_site(s).error().arg("index") == "1");
}

TEST_CASE("the reading is kana only") {
    auto s = sample_site();
    s.reading = "ちよだないかいいん";
    CHECK(refusal(s) == "ok");
    s.reading = "チヨダ内科";
    CHECK(refusal(s) == "site.reading.not_kana");
    CHECK(vsys::validate_site(s).error().arg("char") == "内");
}

TEST_CASE("site codes with letters or the wrong length are refused; the kind decides the check digit") {
    auto s = sample_site();
    s.code = "13112345A4";
    CHECK(refusal(s) == "code.non_digit");
    s.code = "131123456";
    CHECK(refusal(s) == "code.length");
    s.code = "1311234565";
    CHECK(refusal(s) == "code.check_digit");
    s.code_kind = vsys::InstitutionCodeKind::similar;
    CHECK(refusal(s) == "ok");
}

TEST_CASE("the municipality must be active and in the code's prefecture") {
    auto s = sample_site();
    s.municipality = "016969";  // 泊村, Northern Territories: inactive
    CHECK(refusal(s) == "site.municipality.unknown");
    s.municipality = "130001";  // a prefecture
    CHECK(refusal(s) == "site.municipality.unknown");
    s.municipality = "011002";  // 札幌市, Hokkaido, for a Tokyo code
    CHECK(refusal(s) == "site.code.prefecture_mismatch");
}

TEST_CASE("handled vaccines: at least one, hub or satellite, a satellite names its hub, workplace only at venues") {
    auto s = sample_site();
    s.vaccines = {};
    CHECK(refusal(s) == "site.vaccines.empty");
    s = sample_site();
    s.hub.clear();
    CHECK(refusal(s) == "site.hub.missing");
    s = sample_site();
    s.hub = s.code;
    CHECK(refusal(s) == "site.hub.self");
    s = sample_site();
    s.hub = "12345";
    CHECK(refusal(s) == "site.hub.format");
    s = sample_site();
    s.vaccines.add(VaccineCategory::pfizer_hub);
    CHECK(refusal(s) == "site.vaccines.hub_and_satellite");
    s = sample_site();
    s.vaccines.remove(VaccineCategory::pfizer_satellite);
    CHECK(refusal(s) == "site.hub.unexpected");
    s.hub.clear();
    s.vaccines.add(VaccineCategory::tm_workplace);
    CHECK(refusal(s) == "site.vaccines.workplace_only_venue");
    s.kind = vsys::SiteKind::workplace_venue;
    CHECK(refusal(s) == "site.vaccines.venue_workplace");
}

TEST_CASE("contact: the phone is ASCII digits and hyphens, the mail a plain address or empty") {
    auto s = sample_site();
    s.contact.phone = "０３-1234-5678";
    CHECK(refusal(s) == "site.phone.fullwidth");
    s.contact.phone = "03-1234-567";
    CHECK(refusal(s) == "site.phone.format");
    s.contact.phone = "03(1234)5678";
    CHECK(refusal(s) == "site.phone.format");
    s.contact.phone = "";
    CHECK(refusal(s) == "site.phone.empty");
    s = sample_site();
    s.contact.mail = "";
    CHECK(refusal(s) == "ok");
    for (const char* bad : {"info", "@example.com", "a@b@example.com", "info@example", "info@.com", "in fo@example.com"}) {
        s.contact.mail = bad;
        CHECK_MESSAGE(refusal(s) == "site.mail.format", bad);
    }
}

TEST_CASE("doctors give at least one vaccine and a site lists at most 100 doctors") {
    auto s = sample_site();
    s.doctors[0].vaccines = {};
    CHECK(refusal(s) == "site.doctor.vaccines_empty");
    s = sample_site();
    const vsys::Doctor doctor = s.doctors[0];  // a copy: assign() must not read from its own storage
    s.doctors.assign(101, doctor);
    CHECK(refusal(s) == "site.doctors.too_many");
}

TEST_CASE("a site body with a missing, mistyped, unknown or duplicated field is refused") {
    auto j = golden();
    j.erase("name");
    CHECK(vsys::site_from_json(j).error().code == "arg.missing");
    j = golden();
    j["code"] = 1311234569;
    CHECK(vsys::site_from_json(j).error().code == "arg.type");
    j = golden();
    j["delegate_flag"] = true;  // 代行入力フラグ no longer exists
    CHECK(vsys::site_from_json(j).error().code == "arg.unknown");
    CHECK(vsys::site_from_json(j).error().arg("name") == "delegate_flag");
    j = golden();
    j["vaccines"] = {"pfizer_child", "pfizer_child"};
    CHECK(vsys::site_from_json(j).error().code == "site.vaccines.duplicate");
    j["vaccines"] = {"astrazeneca"};
    CHECK(vsys::site_from_json(j).error().code == "site.vaccines.unknown");
    j = golden();
    j["schema"] = 2;
    CHECK(vsys::site_from_json(j).error().code == "site.schema");
    j = golden();
    j["code_kind"] = "guess";
    CHECK(vsys::site_from_json(j).error().code == "site.code_kind.unknown");
    j = golden();
    j["contact"]["fax"] = "03";
    CHECK(vsys::site_from_json(j).error().code == "arg.unknown");
    CHECK(vsys::site_from_json(nlohmann::json::array()).error().code == "arg.type");
    j = golden();
    j["name"] = "";
    CHECK(vsys::site_from_json(j).error().code == "site.name.empty");
}

TEST_CASE("every site error has a Japanese and an English message") {
    const auto& s = vsys::Strings::builtin();
    for (const char* field : {"name", "reading", "address", "phone", "mail", "doctor_name"})
        for (const char* rule : {"empty", "utf8", "control", "too_long"})
            CHECK_MESSAGE(s.has(std::string("err.site.") + field + "." + rule), field << "." << rule);
    for (const char* code :
         {"site.reading.not_kana", "site.phone.fullwidth", "site.phone.format", "site.mail.format",
          "site.vaccines.empty", "site.vaccines.hub_and_satellite", "site.vaccines.workplace_only_venue",
          "site.vaccines.venue_workplace", "site.vaccines.unknown", "site.vaccines.duplicate", "site.hub.missing",
          "site.hub.unexpected", "site.hub.format", "site.hub.self", "site.municipality.unknown",
          "site.code.prefecture_mismatch", "site.doctors.too_many", "site.doctor.vaccines_empty", "site.schema",
          "site.kind.unknown", "site.code_kind.unknown", "arg.missing", "arg.type", "arg.unknown",
          "hierarchy.unknown_municipality", "hierarchy.duplicate"})
        CHECK_MESSAGE(s.has(std::string("err.") + code), code);
}

TEST_SUITE_END();
