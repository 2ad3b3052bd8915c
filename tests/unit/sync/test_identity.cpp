#include <doctest/doctest.h>

#include "test_sync_fixture.hpp"

TEST_SUITE_BEGIN("sync");

using namespace vsys;
using namespace vsys::sync;
using namespace vsys::sync::testing;

namespace {
// Tests use the smallest Argon2id limits; one test runs the deployment's own.
constexpr PasswordLimits k_fast{1, 8192};
}  // namespace

TEST_CASE("the device key is sealed under the password and opens only with it") {
    KeyPair k = key_pair_from_seed(seed_of(3));
    auto sealed = seal_device_key(k, "correct horse", k_fast);
    REQUIRE(sealed);
    CHECK(open_device_key(*sealed, "correct horse")->public_hex == k.public_hex);
    CHECK(open_device_key(*sealed, "wrong").error().code == "identity.password");
    auto j = to_json(*sealed);
    CHECK(j.dump().find("correct") == std::string::npos);
    CHECK(sealed_key_from_json(j)->box == sealed->box);
    CHECK(seal_device_key(k, "", k_fast).error().code == "identity.password_empty");
}

TEST_CASE("the deployment's Argon2id limits seal and open a key") {
    KeyPair k = key_pair_from_seed(seed_of(4));
    auto sealed = seal_device_key(k, "pw", k_password_limits);
    REQUIRE(sealed);
    CHECK(sealed->limits.memlimit == 32u << 20);
    CHECK(open_device_key(*sealed, "pw").ok());
}

TEST_CASE("five wrong passwords in a row lock the account on this device until an unlock") {
    auto sealed = *seal_device_key(key_pair_from_seed(seed_of(5)), "pw", k_fast);
    LoginRecord rec;
    const UtcTime now = t0();
    CHECK(attempt_login(sealed, "x", rec, 0, now).error().arg("remaining") == "4");
    CHECK(attempt_login(sealed, "pw", rec, 0, now).ok());  // success resets the count
    CHECK(rec.failures == 0);
    for (int i = 0; i < 4; ++i) CHECK(attempt_login(sealed, "x", rec, 0, now).error().code == "identity.password");
    CHECK(attempt_login(sealed, "x", rec, 0, now).error().code == "account.locked");
    CHECK(attempt_login(sealed, "pw", rec, 0, now + 10).error().code == "account.locked");
    Account a = account_for("site:0110113719");
    CHECK(access_state(a, rec, now, 0, now + 10) == AccessState::locked);
    // An unlock document newer than the lock lets the right password in again.
    CHECK(attempt_login(sealed, "pw", rec, now + 20, now + 30).ok());
    CHECK(access_state(a, rec, now, now + 20, now + 30) == AccessState::active);
}

TEST_CASE("the lockout limits are data") {
    auto sealed = *seal_device_key(key_pair_from_seed(seed_of(5)), "pw", k_fast);
    LoginRecord rec;
    LockoutLimits strict{2, 30};
    CHECK(attempt_login(sealed, "x", rec, 0, t0(), strict).error().code == "identity.password");
    CHECK(attempt_login(sealed, "x", rec, 0, t0(), strict).error().code == "account.locked");
}

TEST_CASE("90 days without signed activity restrict an account; an unlock document clears it") {
    Account a = account_for("site:0110113719");
    LoginRecord rec;
    const UtcTime last = t0();
    CHECK(access_state(a, rec, last, 0, last + 90 * k_seconds_per_day) == AccessState::active);
    CHECK(access_state(a, rec, last, 0, last + 90 * k_seconds_per_day + 1) == AccessState::restricted);
    const UtcTime unlocked = last + 100 * k_seconds_per_day;
    CHECK(access_state(a, rec, last, unlocked, unlocked + 5) == AccessState::active);
    a.state = "locked";
    CHECK(access_state(a, rec, last, unlocked, unlocked + 5) == AccessState::locked);
}

TEST_CASE("enrolment codes are 28 typable characters with a checksum") {
    CodeSecret s{};
    for (std::size_t i = 0; i < s.size(); ++i) s[i] = static_cast<std::uint8_t>(i * 37 + 11);
    std::string code = encode_enrolment_code(s);
    CHECK(code.size() == 34);
    CHECK(code[4] == '-');
    CHECK(*decode_enrolment_code(code) == s);
    // Lower case, spaces and the look-alikes I/L/O are accepted.
    std::string typed;
    for (char c : code) typed.push_back(c == '-' ? ' ' : static_cast<char>(std::tolower(c)));
    CHECK(*decode_enrolment_code(typed) == s);
    std::string typo = code;
    typo[0] = typo[0] == 'A' ? 'B' : 'A';
    CHECK(decode_enrolment_code(typo).error().code == "enrolment.code_checksum");
    CHECK(decode_enrolment_code("ABCD").error().code == "enrolment.code_format");
    CHECK(decode_enrolment_code(code + "U").error().code == "enrolment.code_format");
}

TEST_CASE("claiming an enrolment code: wrong code, expired, spent") {
    World w;
    Account a = account_for("site:0110113719");
    auto e = *issue_enrolment(w.rel, w.dev["muni:131016"].key, "muni:131016", "U-x", a, t0(), t0() + 86400, t0() + 86400 * 30);
    const auto& chain = w.dev["muni:131016"].chain;
    KeyPair dev = key_pair_from_seed(seed_of(77));
    CodeSecret other{1, 2, 3};
    CHECK(claim_enrolment(encode_enrolment_code(other), e.cert, chain, {}, dev, t0()).error().code ==
          "enrolment.code_wrong");
    // Expired: a second beyond valid_until and the clock skew the protocol tolerates.
    CHECK(claim_enrolment(e.code, e.cert, chain, {}, dev, t0() + 86401 + k_clock_skew).error().code ==
          "enrolment.expired");
    auto ok = claim_enrolment(e.code, e.cert, chain, {}, dev, t0() + 10);
    REQUIRE(ok);
    CHECK(ok->chain.size() == 2 + chain.size());
    CHECK(ok->document.kind == "device");
    SpentCodes spent{{e.cert.key, dev.public_hex}};
    CHECK(claim_enrolment(e.code, e.cert, chain, spent, key_pair_from_seed(seed_of(78)), t0()).error().code ==
          "enrolment.spent");
}

TEST_CASE("only the managing organisation issues codes for an account") {
    World w;
    Account a = account_for("site:0110113719");
    CHECK(issue_enrolment(w.rel, w.dev["muni:131024"].key, "muni:131024", "U-x", a, t0(), t0() + 1, t0() + 2)
              .error()
              .code == "authority.managing");
}

TEST_CASE("an account document belongs to the managing organisation and validates its fields") {
    TestRelations rel;
    Account a = account_for("site:0110113719");
    auto d = *account_document(rel, a, "U-muni", t0());
    CHECK(d.owner == "muni:131016");
    CHECK(account_from_document(d)->name == a.name);
    a.role = "municipality";
    CHECK(validate_account(a).error().arg("field") == "org");
    a = account_for("nation");
    CHECK(account_document(rel, a, "U", t0())->owner == "nation");
    a.state = "sleeping";
    CHECK(validate_account(a).error().arg("field") == "state");
    a.state = "active";
    a.name = "\xff";
    CHECK(validate_account(a).error().arg("field") == "name");
}

TEST_CASE("unlock requests carry ID, institution, code, name and mail; unlocks come from the manager or support") {
    World w;
    UnlockRequest r{"U-site-0110113719", "青空クリニック", "0110113719", "山田 花子", "hanako@example.jp"};
    auto req = *unlock_request_document(r, "site:0110113719", "U-site-0110113719", t0());
    CHECK(req.kind == "unlock_request");
    r.mail = "no-at-sign";
    CHECK(unlock_request_document(r, "site:0110113719", "U", t0()).error().arg("field") == "mail");

    Account a = account_for("site:0110113719");
    auto u = unlock_document("support", a, "U-support", t0() + 5);
    CHECK(unlock_time(u) == t0() + 5);
    Signer support{"k", "U-support", "support", Role::support, "d"};
    CHECK(check_authority(default_authority_rules(), w.rel, support, u).ok());
    auto by_muni = unlock_document("muni:131016", a, "U-m", t0());
    Signer muni{"k", "U-m", "muni:131016", Role::municipality, "d"};
    CHECK(check_authority(default_authority_rules(), w.rel, muni, by_muni).ok());
    auto by_other = unlock_document("muni:131024", a, "U-m", t0());
    Signer other{"k", "U-m", "muni:131024", Role::municipality, "d"};
    CHECK(check_authority(default_authority_rules(), w.rel, other, by_other).error().code == "authority.managing");
}

TEST_SUITE_END();
