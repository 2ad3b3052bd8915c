// `vsys codes check [--similar] [--lang ja|en] CODE...`: checks local-government codes (6 digits)
// and institution codes (10 digits: insurance codes, or 類似コード with --similar), one line per
// code: "<code>\t<valid|invalid>\t<kind>\t<detail>". Exit 1 if any code is invalid.
#include <ostream>
#include <string>

#include "app/base/i18n.hpp"
#include "cli/cli.hpp"
#include "core/base/codes.hpp"
#include "core/base/input.hpp"
#include "core/directory/local_gov.hpp"
#include "core/base/text.hpp"

namespace vsys::cli {

namespace {

int usage(std::ostream& err) {
    err << "usage: vsys codes check [--similar] [--lang ja|en] CODE...\n"
           "  6 characters: a local-government code (JIS X 0402)\n"
           "  otherwise:    a 10-digit insurance code, or a 類似コード with --similar\n";
    return 2;
}

}  // namespace

int cmd_codes(const Args& args, std::istream&, std::ostream& out, std::ostream& err) {
    if (args.empty() || args[0] != "check") return usage(err);
    bool similar = false;
    Language lang = Language::en;
    std::vector<std::string> codes;
    for (std::size_t i = 1; i < args.size(); ++i) {
        if (args[i] == "--similar") similar = true;
        else if (args[i] == "--lang" && i + 1 < args.size()) {
            if (!parse_language(args[++i], lang)) return usage(err);
        } else if (args[i].starts_with("--")) return usage(err);
        else codes.push_back(args[i]);
    }
    if (codes.empty()) return usage(err);
    const auto& strings = Strings::builtin();
    int status = 0;
    for (const auto& code : codes) {
        // The kind follows what was declared: six characters are a local-government code, any
        // other length is checked as the declared institution code (and its length reported).
        bool local = text::valid_utf8(code) && text::length(code) == 6;
        Status st = local ? check_local_gov_code(code)
                          : check_institution_code(code, similar ? InstitutionCodeKind::similar : InstitutionCodeKind::insurance);
        std::size_t length = text::valid_utf8(code) ? text::length(code) : 0;
        bool unknown_length = !local && !similar && length != 10;
        const char* kind = local ? "local-government code"
                           : similar ? "類似コード (similar code)"
                           : unknown_length ? "unknown kind" : "insurance code";
        if (!st && unknown_length && st.error().code == "code.length") {
            // Neither a local-government code nor an institution code: say both lengths.
            st = Error{"code.length", "the code has " + std::to_string(length) + " digits; 6 or 10 are required",
                       {{"expected", "6 / 10"}, {"actual", std::to_string(length)}}};
        }
        out << input::excerpt(code) << '\t' << (st ? "valid" : "invalid") << '\t' << kind << '\t';
        if (!st) {
            out << strings.error_message(input::for_display(st.error()), lang);
            status = 1;
        } else if (local) {
            const LocalGov* g = find_local_gov(code);
            if (!g) out << "(not a current local government)";
            else {
                out << g->name;
                if (g->kind == LocalGovKind::municipality)
                    if (const LocalGov* p = find_local_gov(g->parent)) out << " (" << p->name << ")";
                if (!g->active) out << " [inactive: " << g->note << "]";
            }
        } else {
            const LocalGov* pref = nullptr;
            for (const auto& g : local_governments())
                if (g.kind == LocalGovKind::prefecture && g.code.compare(0, 2, code, 0, 2) == 0) pref = &g;
            out << "prefecture " << code.substr(0, 2) << (pref ? " " + pref->name : std::string());
            if (!similar) out << ", fee table " << code[2] << " (" << fee_table_name(code[2]) << ")";
        }
        out << '\n';
    }
    return status;
}

}  // namespace vsys::cli
