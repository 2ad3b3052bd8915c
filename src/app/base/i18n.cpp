#include "app/base/i18n.hpp"

namespace vsys {

namespace assets {
std::string_view strings_tsv();
}

const char* language_code(Language l) { return l == Language::ja ? "ja" : "en"; }

bool parse_language(std::string_view code, Language& out) {
    if (code == "ja") out = Language::ja;
    else if (code == "en") out = Language::en;
    else return false;
    return true;
}

namespace {
std::string unescape(std::string_view s) {
    std::string r;
    r.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
            r += '\n';
            ++i;
        } else {
            r += s[i];
        }
    }
    return r;
}
}  // namespace

Strings Strings::parse(std::string_view tsv) {
    Strings s;
    size_t pos = 0;
    bool header_seen = false;
    while (pos < tsv.size()) {
        size_t end = tsv.find('\n', pos);
        if (end == std::string_view::npos) end = tsv.size();
        std::string_view line = tsv.substr(pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line[0] == '#') continue;
        size_t t1 = line.find('\t');
        size_t t2 = t1 == std::string_view::npos ? t1 : line.find('\t', t1 + 1);
        if (t2 == std::string_view::npos) continue;
        if (!header_seen) {
            header_seen = true;
            if (line.substr(0, t1) == "key") continue;
        }
        s.table_[std::string(line.substr(0, t1))] = {unescape(line.substr(t1 + 1, t2 - t1 - 1)),
                                                      unescape(line.substr(t2 + 1))};
    }
    return s;
}

const Strings& Strings::builtin() {
    static const Strings s = parse(assets::strings_tsv());
    return s;
}

const std::string& Strings::get(std::string_view key, Language lang) const {
    auto it = table_.find(std::string(key));
    if (it == table_.end()) {
        auto [m, _] = missing_.emplace(std::string(key), std::string(key));
        return m->second;
    }
    return lang == Language::ja ? it->second.first : it->second.second;
}

std::string fill_placeholders(std::string text, const std::vector<std::pair<std::string, std::string>>& args) {
    for (const auto& [k, v] : args) {
        const std::string token = "{" + k + "}";
        for (size_t p = text.find(token); p != std::string::npos; p = text.find(token, p + v.size()))
            text.replace(p, token.size(), v);
    }
    return text;
}

std::string Strings::format(std::string_view key, Language lang,
                            const std::vector<std::pair<std::string, std::string>>& args) const {
    return fill_placeholders(get(key, lang), args);
}

std::string Strings::error_message(const Error& e, Language lang) const {
    const std::string key = "err." + e.code;
    if (!has(key)) return e.detail.empty() ? e.code : e.detail;
    // {label} holds the key of a field's label (core/base/number_field.hpp), so a message names
    // the field as the user sees it, in the user's language.
    auto args = e.args;
    for (auto& [name, value] : args)
        if (name == "label" && has(value)) value = get(value, lang);
    return format(key, lang, args);
}

}  // namespace vsys
