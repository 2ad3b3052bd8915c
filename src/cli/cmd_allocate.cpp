// `vsys allocate [--jsonl] [FILE]`: one apportionment problem as JSON in (stdin without FILE),
// the result as JSON out; with --jsonl, one problem per line and one result (or
// {"error": ...}) per line, for differential tests that run thousands of problems in one
// process. Schema: docs/ALLOCATION.md.
#include <istream>
#include <ostream>
#include <sstream>
#include <string>

#include "cli/cli.hpp"
#include "core/allocation_problem.hpp"

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
            err << "vsys allocate: unknown option " << a << "\nusage: vsys allocate [--jsonl] [FILE]\n";
            return 2;
        } else if (path.empty()) {
            path = a;
        } else {
            err << "vsys allocate: more than one input file\n";
            return 2;
        }
    }
    std::string text;
    if (!read_input(path, in, text, err)) return 2;

    if (!jsonl) {
        auto r = alloc::solve_allocation_json(text);
        if (!r) {
            err << "vsys allocate: " << r.error().detail << " (" << r.error().code << ")\n";
            return 1;
        }
        out << r->dump(2) << "\n";
        return 0;
    }
    // Blank lines are skipped; every other line gets exactly one output line.
    int status = 0;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
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
