// Enrolment's typed contract (app/base/contract.hpp): the managing organisation issues a
// one-time code for one of its accounts; a new device claims it and sets its own password.
// window.vsys sends the same JSON through each type's codec (cmd_enrolment.cpp).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "app/base/contract.hpp"

namespace vsys {

class App;

// {type: "issue_enrolment_code", vsys_id}: answers {code, vsys_id, valid_until}.
struct IssuedCode {
    std::string code, vsys_id;
    std::string valid_until;  // UTC, ISO 8601
};
nlohmann::json to_json(const IssuedCode& c);
struct IssueEnrolmentCode {
    static constexpr const char* type = "issue_enrolment_code";
    using Answer = IssuedCode;
    std::string vsys_id;
    static Result<IssueEnrolmentCode> read(const nlohmann::json& args);
};
Result<PreparedAnswer<IssuedCode>> prepare(App& app, const IssueEnrolmentCode& c);

// {type: "enrol", vsys_id, code, password}; window.vsys's answer says {claim_at_sync: true}
// when the code was issued elsewhere and the next sync claims it.
struct Enrol {
    static constexpr const char* type = "enrol";
    std::string vsys_id, code, password;
    static Result<Enrol> read(const nlohmann::json& args);
};
Result<PreparedCommand> prepare(App& app, const Enrol& c);

}  // namespace vsys
