// UI strings in Japanese and English, loaded from assets/i18n/strings.tsv (embedded at build
// time). Japanese is the default. A missing key shows the key itself, so a gap is visible
// rather than blank; a unit test checks that every key has both languages.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/base/result.hpp"

namespace vsys {

enum class Language { ja, en };

const char* language_code(Language l);
bool parse_language(std::string_view code, Language& out);

class Strings {
public:
    // Parses the TSV text (key, ja, en). Lines starting with '#' and the header are skipped.
    static Strings parse(std::string_view tsv);
    // The table built into this binary.
    static const Strings& builtin();

    const std::string& get(std::string_view key, Language lang) const;
    bool has(std::string_view key) const { return table_.count(std::string(key)) != 0; }
    // Fills {placeholders} from args.
    std::string format(std::string_view key, Language lang,
                       const std::vector<std::pair<std::string, std::string>>& args) const;
    // "err.<code>" with the error's arguments; falls back to the error's English detail.
    std::string error_message(const Error& e, Language lang) const;

    const std::unordered_map<std::string, std::pair<std::string, std::string>>& entries() const { return table_; }

private:
    std::unordered_map<std::string, std::pair<std::string, std::string>> table_;
    mutable std::unordered_map<std::string, std::string> missing_;
};

std::string fill_placeholders(std::string text, const std::vector<std::pair<std::string, std::string>>& args);

}  // namespace vsys
