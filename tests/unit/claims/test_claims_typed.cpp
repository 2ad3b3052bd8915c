// The claims' typed paths agree with their JSON twins: each typed question asked with
// App::ask answers, through its to_json, what App::view answers window.vsys for the same
// arguments (or the same refusal), for several demo roles; and a typed command writes the same
// versions, or is refused with the same error, as the JSON command window.vsys sends.
#include <doctest/doctest.h>

#include "app/claims/claim_check_view.hpp"
#include "app/claims/claim_commands.hpp"
#include "app/claims/claim_view.hpp"
#include "app/claims/upper_claims_views.hpp"
#include "app_fixture.hpp"

TEST_SUITE_BEGIN("claims");

using namespace vsys;
using nlohmann::json;

namespace {

json line_json(const char* muni, const char* form, int category, std::int64_t normal, std::int64_t outside = 0) {
    return {{"municipality", muni}, {"form", form},        {"category", category},  {"normal", normal},
            {"outside_hours", outside}, {"holiday", 0}, {"pre_exam_only", 0}, {"under_6", 0}};
}

ClaimLine typed_line(const char* muni, ClaimForm form, RecipientCategory category, std::int64_t normal,
                     std::int64_t outside = 0) {
    ClaimLine l;
    l.municipality = muni;
    l.form = form;
    l.category = category;
    l.counts.normal = normal;
    l.counts.outside_hours = outside;
    return l;
}

// The typed answer to q, as window.vsys would read it, or the refusal's code.
template <class Q>
json typed_answer(App& app, const Q& q) {
    auto v = app.ask(q);
    if (!v) return json{{"refused", v.error().code}};
    return to_json(*v);
}

json json_answer(App& app, const std::string& name, const json& args) {
    auto v = app.view(name, args);
    if (!v) return json{{"refused", v.error().code}};
    return *v;
}

template <class Q>
void same_answer(App& app, const Q& q, const json& args, const std::string& who) {
    const json typed = typed_answer(app, q);
    const json plain = json_answer(app, Q::name, args);
    CHECK_MESSAGE(typed == plain, who << " " << Q::name << " " << args.dump() << "\n typed: " << typed.dump().substr(0, 400)
                                      << "\n  json: " << plain.dump().substr(0, 400));
    // The typed question is what the JSON codec reads.
    auto read = Q::read(args);
    REQUIRE_MESSAGE(read, Q::name << " " << args.dump());
    CHECK(*read == q);
}

}  // namespace

TEST_CASE("each typed claims question answers, through its codec, what the JSON view answers, for several demo roles") {
    test::AppFixture f;
    const Site& a = f.site_in("131016");
    REQUIRE(f.login(test::site_account(a)));
    REQUIRE(f.run({{"type", "save_claim"},
                   {"site", a.code},
                   {"month", "2022-01"},
                   {"lines", json::array({line_json("131016", "new", 2, 100, 10), line_json("131024", "new", 2, 40),
                                          line_json("271004", "old", 1, 7)})}})["ok"] == true);
    REQUIRE(f.run({{"type", "submit_claim"}, {"site", a.code}, {"month", "2022-01"}})["ok"] == true);
    f.logout();
    const std::vector<ClaimLine> lines = {typed_line("131016", ClaimForm::new_form, RecipientCategory::with_coupon, 12, 1),
                                          typed_line("131016", ClaimForm::new_form, RecipientCategory::with_coupon, 2),
                                          typed_line("999999", ClaimForm::old_form, RecipientCategory::no_coupon, 1)};
    const json lines_json = json::array({line_json("131016", "new", 2, 12, 1), line_json("131016", "new", 2, 2),
                                         line_json("999999", "old", 1, 1)});
    for (const char* who : {"VN000000", "VM131016", "VF130001", "VM131024"}) {
        REQUIRE(f.login(who));
        App& app = f.app;
        same_answer(app, ClaimQuery{a.code, {2022, 1}}, {{"site", a.code}, {"month", "2022-01"}}, who);
        same_answer(app, ClaimQuery{a.code, {2021, 12}}, {{"site", a.code}, {"month", "2021-12"}}, who);
        same_answer(app, ClaimPrintQuery{a.code, {2022, 1}}, {{"site", a.code}, {"month", "2022-01"}}, who);
        same_answer(app, ClaimCheckQuery{a.code, {2022, 1}, lines}, {{"site", a.code}, {"month", "2022-01"}, {"lines", lines_json}},
                    who);
        same_answer(app, FederationTotalsQuery{{2022, 1}, std::nullopt}, {{"month", "2022-01"}}, who);
        same_answer(app, FederationTotalsQuery{{2022, 1}, "130001"}, {{"month", "2022-01"}, {"prefecture", "130001"}}, who);
        same_answer(app, MunicipalityClaimsQuery{{2022, 1}, std::nullopt}, {{"month", "2022-01"}}, who);
        same_answer(app, MunicipalityClaimsQuery{{2022, 1}, "131016"}, {{"month", "2022-01"}, {"municipality", "131016"}}, who);
        same_answer(app, ClaimLegacyQuery{a.code, std::nullopt}, {{"site", a.code}}, who);
        same_answer(app, ClaimLegacyQuery{std::nullopt, "131016"}, {{"municipality", "131016"}}, who);
        f.logout();
    }
    // The site itself: its typed answer has the domain's values the screen reads.
    REQUIRE(f.login(test::site_account(a)));
    auto claim = f.app.ask(ClaimQuery{a.code, {2022, 1}});
    REQUIRE(claim);
    CHECK(claim->submitted);
    REQUIRE(claim->priced);
    CHECK(claim->lines.size() == 3);
    CHECK(claim->priced->payers.size() == 2);
    auto check = f.app.ask(ClaimCheckQuery{a.code, {2022, 1}, lines});
    REQUIRE(check);
    REQUIRE(check->lines.size() == 3);
    CHECK(check->lines[0].ok());
    CHECK(check->lines[0].amounts.amount_before_tax == 12 * 2070 + 2800);
    CHECK_FALSE(check->lines[1].ok());  // the same municipality, form and category again
    CHECK_FALSE(check->lines[2].ok());
    CHECK(check->lines[2].municipality_name.empty());
    CHECK(to_json(*check) == f.view("claim_check", {{"site", a.code}, {"month", "2022-01"}, {"lines", lines_json}})["view"]);
}

namespace {

// The claim documents of the store: owner/kind/id, version, body and proxy mark (not the
// signature or the time, which a second App writes again).
json claim_versions(const test::AppFixture& f) {
    json out = json::object();
    for (const auto& key : f.app.store().keys()) {
        const auto* d = f.app.store().current(key);
        if (!d || (d->kind != "claim" && d->kind != "claim_routing")) continue;
        out[d->owner + "/" + d->kind + "/" + d->id] = {{"version", d->version}, {"body", d->body}, {"proxy", d->proxy}};
    }
    return out;
}

std::string code_of(const Result<Versions>& r) { return r ? "ok" : r.error().code + " " + r.error().arg("name") + r.error().arg("label"); }

}  // namespace

TEST_CASE("a typed claim command writes the versions, or the refusal, of its JSON twin") {
    test::AppFixture typed, plain;
    const Site& a = typed.site_in("131016");
    REQUIRE(typed.login(test::site_account(a)));
    REQUIRE(plain.login(test::site_account(a)));
    const SaveClaim save{a.code, {2022, 1}, {typed_line("131016", ClaimForm::new_form, RecipientCategory::with_coupon, 10, 2),
                                             typed_line("271004", ClaimForm::additional, RecipientCategory::no_coupon, 3)}};
    const json save_json = {{"type", "save_claim"},
                            {"site", a.code},
                            {"month", "2022-01"},
                            {"lines", json::array({line_json("131016", "new", 2, 10, 2), line_json("271004", "additional", 1, 3)})}};
    CHECK(code_of(typed.app.run(save)) == code_of(plain.app.command(save_json)));
    // A count out of range: the same refusal naming the column.
    SaveClaim too_many = save;
    too_many.lines[1].counts.holiday = 2'000'000;
    json too_many_json = save_json;
    too_many_json["lines"][1]["holiday"] = 2'000'000;
    const std::string refused = code_of(typed.app.run(too_many));
    CHECK(refused == code_of(plain.app.command(too_many_json)));
    CHECK(refused.rfind("number.", 0) == 0);
    // Another site's claim: the same refusal.
    const Site& b = typed.site_in("131024");
    SaveClaim other = save;
    other.site = b.code;
    json other_json = save_json;
    other_json["site"] = b.code;
    CHECK(code_of(typed.app.run(other)) == code_of(plain.app.command(other_json)));
    // Submitted twice: the second refused alike.
    const SubmitClaim submit{a.code, {2022, 1}};
    const json submit_json = {{"type", "submit_claim"}, {"site", a.code}, {"month", "2022-01"}};
    CHECK(code_of(typed.app.run(submit)) == code_of(plain.app.command(submit_json)));
    CHECK(code_of(typed.app.run(submit)) == "claims.already_submitted ");
    CHECK(code_of(plain.app.command(submit_json)) == "claims.already_submitted ");
    typed.logout();
    plain.logout();
    REQUIRE(typed.login("VM131024"));
    REQUIRE(plain.login("VM131024"));
    CHECK(code_of(typed.app.run(SetClaimRouting{"131024", true})) ==
          code_of(plain.app.command({{"type", "set_claim_routing"}, {"municipality", "131024"}, {"commissioned", true}})));
    CHECK(code_of(typed.app.run(SetClaimRouting{"131025", true})) ==
          code_of(plain.app.command({{"type", "set_claim_routing"}, {"municipality", "131025"}, {"commissioned", true}})));
    CHECK(claim_versions(typed).size() == 2);
    CHECK(claim_versions(typed) == claim_versions(plain));
}
