// Error messages as users read them (issue 13 item 3): a refusal carries machine values in its
// arguments (a JSON member "boxes", a product "takeda_moderna", an organisation "muni:131016",
// a round state "allocating"), and the message must name each by what the user sees on the
// screen: the field's label, the product's name, the organisation's name. The families of
// identifiers are data: an argument's name says which strings namespace translates its value
// (k_families), field and member names have labels under "label.", and an organisation id is
// looked up in the directory. A value nothing translates is shown as it came (a user's own
// typing, a number, a name) — tests/unit/base/test_messages.cpp drives every command's error
// paths and fails on any identifier that still reaches a message.
#include <string_view>

#include "app/base/app.hpp"
#include "core/stock/stock_rules.hpp"

namespace vsys {

namespace {

struct Family {
    std::string_view argument;  // the Error arg's name
    std::string_view prefix;    // strings.tsv namespace of its values
};
constexpr Family k_families[] = {
    {"mode", "chain.mode."},      {"method", "sim.method."},    {"product", "product."},
    {"category", "category."},    {"level", "sim.level."},      {"from", "chain.round_state."},
    {"to", "chain.round_state."}, {"state", "chain.round_state."}, {"role", "role."},
    {"kind", "kind."},            {"expected", "type."},        {"action", "action."},
    {"from_category", "category."}, {"to_category", "category."},
};

bool looks_like_org(std::string_view v) {
    return v == "nation" || v == "support" || v.find(':') != std::string_view::npos;
}

}  // namespace

std::string App::display_arg(std::string_view name, const std::string& value, Language lang) const {
    const Strings& s = Strings::builtin();
    // {label} already holds the key of the field's own label (core/base/number_field.hpp).
    if (name == "label" && s.has(value)) return s.get(value, lang);
    if (directory_ && looks_like_org(value) && directory_->tree().find(value) != k_no_org)
        return directory_->org_name(value);
    for (const Family& f : k_families)
        if (name == f.argument) {
            std::string key(f.prefix);
            key += value;
            if (s.has(key)) return s.get(key, lang);
        }
    // Stock's cold-chain conditions and reasons are data (assets/stock): named as the lists show them.
    if (name == "condition")
        if (const auto* c = StockRules::builtin().find_condition(value)) return lang == Language::en ? c->name_en : c->name_ja;
    if (name == "reason")
        for (const auto& r : StockRules::builtin().all_reasons())
            if (r.id == value) return lang == Language::en ? r.name_en : r.name_ja;
    // A field or member: by its label ("boxes" → 箱数). A path names its last member
    // ("tranches.1.amount" → 金額).
    std::string_view last = value;
    if (const auto dot = last.rfind('.'); dot != std::string_view::npos) last.remove_prefix(dot + 1);
    const std::string field = "label." + std::string(last);
    if (s.has(field)) return s.get(field, lang);
    return value;
}

std::string App::error_text(const Error& e, Language lang) const {
    Error shown = e;
    for (auto& [name, value] : shown.args) value = display_arg(name, value, lang);
    return Strings::builtin().error_message(shown, lang);
}

}  // namespace vsys
