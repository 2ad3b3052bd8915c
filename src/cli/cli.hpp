// The `vsys` command-line tool: one function per subcommand, listed in main.cpp's table.
// Each reads its arguments and stdin, writes results to `out` and messages to `err`, and
// returns the process exit code (0 success, 1 a domain refusal such as an invalid code,
// 2 a usage error).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace vsys::cli {

using Args = std::vector<std::string>;
using Handler = int (*)(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);

struct Subcommand {
    const char* name;
    const char* summary;
    Handler run;
};

// Reads a whole file, or stdin when path is empty or "-". False with a message in err on failure.
bool read_input(const std::string& path, std::istream& in, std::string& text, std::ostream& err);
int cmd_claim(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int cmd_allocate(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int cmd_codes(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int cmd_demo_data(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int cmd_deployment(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int cmd_verify(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
// demo-data --exchange DIR ...: the demo deployment written into an exchange folder.
int demo_exchange_command(const Args& args, std::ostream& out, std::ostream& err);

}  // namespace vsys::cli
