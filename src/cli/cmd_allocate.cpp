// `vsys allocate [--jsonl] [FILE]`: one apportionment problem as JSON in (stdin without FILE),
// the result as JSON out; with --jsonl, one problem per line and one result (or
// {"error": ...}) per line, for differential tests that run thousands of problems in one
// process. Schema: docs/ALLOCATION.md. Input limits: the whole input (or, with --jsonl, each
// line) at most k_max_input_bytes; a problem at most alloc::k_max_children children.
#include <fstream>
#include <istream>
#include <ostream>
#include <string>

#include "cli/cli.hpp"
#include "core/allocation/allocation_problem.hpp"
#include "core/base/input.hpp"

namespace vsys::cli {

int cmd_allocate(const Args& args, std::istream& in, std::ostream& out, std::ostream& err) {
    bool jsonl = false;
    std::string path;
    for (const std::string& a : args) {
        if (a == "--jsonl") {
            jsonl = true;
        } else if (a == "--help" || a == "-h") {
            out << "usage: vsys allocate [--jsonl] [FILE]\n";
            return 0;
        } else if (!a.empty() && a[0] == '-' && a != "-") {
            err << "vsys allocate: unknown option " << input::excerpt(a) << "\nusage: vsys allocate [--jsonl] [FILE]\n";
            return 2;
        } else if (path.empty()) {
            path = a;
        } else {
            err << "vsys allocate: more than one input file\n";
            return 2;
        }
    }

    if (!jsonl) {
        std::string text;
        if (!read_input(path, in, text, err)) return 2;
        auto r = alloc::solve_allocation_json(text);
        if (!r) {
            const Error e = input::for_display(r.error());
            err << "vsys allocate: " << e.detail << " (" << e.code << ")\n";
            return 1;
        }
        out << r->dump(2) << "\n";
        return 0;
    }
    // Line by line, so that memory holds one problem at a time whatever the input's length.
    std::ifstream file;
    std::istream* src = &in;
    if (!path.empty() && path != "-") {
        file.open(path, std::ios::binary);
        if (!file) {
            err << "vsys: cannot open " << input::excerpt(path) << "\n";
            return 2;
        }
        src = &file;
    }
    // Blank lines are skipped; every other line gets exactly one output line.
    int status = 0;
    std::string line;
    std::size_t length = 0;
    for (LineRead got; (got = read_line(*src, line, length)) != LineRead::end;) {
        if (got == LineRead::too_long) {
            out << alloc::error_to_json(Error{"json.too_large", "the line is over the size limit",
                                              {{"size", std::to_string(length)}, {"max", std::to_string(k_max_input_bytes)}}})
                       .dump()
                << "\n";
            status = 1;
            continue;
        }
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        auto r = alloc::solve_allocation_json(line);
        if (r) {
            out << r->dump() << "\n";
        } else {
            out << alloc::error_to_json(r.error()).dump() << "\n";
            status = 1;
        }
    }
    return status;
}

}  // namespace vsys::cli
