// Messages name fields by their labels and organisations by their names (issue 13 item 3).
// A scan of the string table alone misses what is substituted into a message (a member name
// such as `boxes`, a product id, an organisation id), so this drives every command and view
// through App::command_json / App::view_json — the same entry as window.vsys — as every demo
// role, walking each one's error paths: a missing field is given a value, a wrongly typed one
// the type it asked for, and each string and integer field is tried with bad values (empty,
// too long, a code with a wrong check digit, an organisation id, negative, huge). Every refusal
// is rendered in Japanese and English and checked: its code has a message, and no argument that
// looks like an identifier reaches the text as it came (unless the caller typed that value).
#include <doctest/doctest.h>

#include <regex>
#include <set>
#include <string>
#include <vector>

#include "app/base/command_table.hpp"
#include "app_fixture.hpp"

TEST_SUITE_BEGIN("base");

namespace {

using nlohmann::json;

bool identifier_like(const std::string& v) {
    static const std::regex snake("^[a-z][a-z0-9]*(_[a-z0-9]+)+$");
    static const std::regex word("^[a-z]{3,}$");
    static const std::regex org("^(muni|pref|site|venue|fed|device):[A-Za-z0-9_]+$");
    return std::regex_match(v, snake) || std::regex_match(v, word) || std::regex_match(v, org) || v == "nation" ||
           v == "support";
}

// Every string the caller put in the command (values, not member names): echoing them is fine.
void typed_values(const json& j, std::set<std::string>& out) {
    if (j.is_string()) out.insert(j.get<std::string>());
    if (j.is_structured())
        for (const auto& v : j) typed_values(v, out);
}

struct Finding {
    std::string where, message;
};

class Explorer {
public:
    explicit Explorer(vsys::test::AppFixture& f) : f_(f) {}

    void check(const std::string& who, const json& input, const json& answer) {
        if (answer.value("ok", true)) return;
        const json& err = answer["error"];
        const std::string code = err.value("code", "");
        const std::string where = who + " " + input.dump();
        ++refusals_;
        codes_.insert(code);
        if (!vsys::Strings::builtin().has("err." + code)) {
            findings_.push_back({where, "no message for " + code});
            return;
        }
        std::set<std::string> typed;
        typed_values(input, typed);
        vsys::Error e{code, "", {}};
        if (err.contains("args"))
            for (auto it = err["args"].begin(); it != err["args"].end(); ++it)
                e.args.emplace_back(it.key(), it.value().is_string() ? it.value().get<std::string>() : it.value().dump());
        for (auto lang : {vsys::Language::ja, vsys::Language::en}) {
            const std::string text = f_.app.error_text(e, lang);
            const std::string& tmpl = vsys::Strings::builtin().get("err." + code, lang);
            for (const auto& [name, value] : e.args) {
                if (!identifier_like(value) || typed.count(value)) continue;
                // Named (its Japanese differs): an English label may be the same word ("month").
                if (f_.app.display_arg(name, value, vsys::Language::ja) != value) continue;
                if (code == "arg.unknown" && name == "name") continue;  // the caller's own member
                if (tmpl.find("{" + name + "}") == std::string::npos) continue;  // not shown
                if (text.find(value) != std::string::npos)
                    findings_.push_back({where, "{" + name + "}=" + value + " shown as is: " + text});
            }
        }
    }

    json call(bool view, const std::string& name, json args) {
        if (view) {
            json a = args;
            a.erase("type");
            return f_.app.view_json(name, a.dump());
        }
        return f_.app.command_json(args.dump());
    }

    // Walks one command's (or view's) error paths from {type} alone.
    void explore(const std::string& who, bool view, const std::string& name) {
        json args = {{"type", name}};
        std::set<std::string> seen;
        std::vector<std::string> strings, integers;
        for (int step = 0; step < 16; ++step) {
            const json answer = call(view, name, args);
            check(who, args, answer);
            if (answer.value("ok", false)) break;
            const json& err = answer["error"];
            const std::string code = err.value("code", "");
            const std::string field = err.contains("args") ? err["args"].value("name", "") : "";
            if (!seen.insert(code + "/" + field).second) break;
            if (code == "arg.missing" && !field.empty()) {
                args[field] = "x";
                strings.push_back(field);
            } else if (code == "arg.type" && !field.empty()) {
                const std::string expected = err["args"].value("expected", "");
                std::erase(strings, field);
                if (expected == "integer") args[field] = 1, integers.push_back(field);
                else if (expected == "boolean") args[field] = true;
                else if (expected == "object") args[field] = json::object();
                else if (expected == "array") args[field] = json::array();
                else break;
            } else if (code == "arg.unknown" && !field.empty()) {
                args.erase(field);
            } else {
                break;
            }
        }
        // Bad values, one field at a time, the others as the walk left them.
        static const std::vector<json> bad_strings = {"", std::string(300, 'a'), "0110113710", "muni:999999",
                                                      "pref:130001", "2021-13", "１２", "takeda_moderna"};
        static const std::vector<json> bad_integers = {-1, std::int64_t{9'000'000'000'000'000'000}, 0, "１２", "12a"};
        for (const auto& s : strings)
            for (const auto& v : bad_strings) {
                json a = args;
                a[s] = v;
                check(who, a, call(view, name, a));
            }
        for (const auto& s : integers)
            for (const auto& v : bad_integers) {
                json a = args;
                a[s] = v;
                check(who, a, call(view, name, a));
            }
        json extra = args;
        extra["probe_member"] = 1;
        check(who, extra, call(view, name, extra));
    }

    std::vector<Finding> findings_;
    std::set<std::string> codes_;
    std::size_t refusals_ = 0;

private:
    vsys::test::AppFixture& f_;
};

}  // namespace

TEST_CASE("every refusal of every command and view names fields and organisations as users see them") {
    vsys::test::AppFixture f;
    Explorer x(f);
    // Commands whose success changes who is signed in or wipes the data are walked signed out
    // only up to their refusals (login with a wrong password), never run to success.
    const std::set<std::string> session_changing = {"login", "logout", "kiosk_switch", "kiosk_reset", "sync"};
    std::vector<std::string> who = {""};
    for (const auto* a : f.app.directory().sample_accounts()) who.push_back(a->vsys_id);
    for (const auto& id : who) {
        if (!id.empty()) REQUIRE(f.login(id));
        for (const auto& c : vsys::command_table())
            if (!session_changing.count(c.type)) x.explore(id.empty() ? "(signed out)" : id, false, c.type);
        for (const auto& v : vsys::view_table()) x.explore(id.empty() ? "(signed out)" : id, true, v.name);
        if (!id.empty()) f.logout();
    }
    x.check("(signed out)", {{"type", "login"}, {"vsys_id", "VN0000000001"}, {"password", "wrong"}},
            f.run({{"type", "login"}, {"vsys_id", "VN0000000001"}, {"password", "wrong"}}));
    MESSAGE(x.refusals_ << " refusals of " << x.codes_.size() << " kinds checked");
    CHECK(x.codes_.size() > 20);  // the walk reaches past argument errors into the domain's own
    for (const auto& finding : x.findings_) CHECK_MESSAGE(false, finding.where << ": " << finding.message);
}

TEST_CASE("the string table itself carries no identifiers in its texts") {
    static const std::regex snake("[a-z][a-z0-9]*_[a-z0-9_]+");
    static const std::regex org("\\b(muni|pref|site|venue):[0-9]");
    for (const auto& entry : vsys::Strings::builtin().entries()) {
        const std::string& key = entry.first;  // not a structured binding: clang 14 cannot capture one
        for (const auto* t : {&entry.second.first, &entry.second.second}) {
            // Placeholders are {names}: not shown.
            const std::string shown = std::regex_replace(*t, std::regex("\\{[a-z_]+\\}"), "");
            CHECK_MESSAGE(!std::regex_search(shown, snake), key << ": " << *t);
            CHECK_MESSAGE(!std::regex_search(shown, org), key << ": " << *t);
        }
    }
}

TEST_CASE("arguments are named by labels, products and organisations by their names") {
    vsys::test::AppFixture f;
    f.app.directory();
    using vsys::Language;
    CHECK(f.app.display_arg("name", "boxes", Language::ja) == "箱数");
    CHECK(f.app.display_arg("product", "takeda_moderna", Language::ja) == "武田/モデルナ");
    CHECK(f.app.display_arg("org", "muni:131016", Language::ja) == "千代田区");
    CHECK(f.app.display_arg("expected", "integer", Language::en) == "a whole number");
    CHECK(f.app.display_arg("name", "佐藤内科医院", Language::ja) == "佐藤内科医院");  // a name stays
}

TEST_SUITE_END();
