// The `vsys` command-line tool: one function per subcommand, listed in main.cpp's table.
// Each reads its arguments and stdin, writes results to `out` and messages to `err`, and
// returns the process exit code (0 success, 1 a domain refusal such as an invalid code,
// 2 a usage error).
#pragma once

#include <cstddef>
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

// The most any subcommand reads from a file or stdin (docs/PROTOCOL.md "Input limits"); JSON
// input is also held to the nesting and value limits of core/base/input.hpp.
inline constexpr std::size_t k_max_input_bytes = 16u << 20;

// Reads a whole file, or stdin when path is empty or "-", of at most max_bytes. False with a
// message in err when it cannot be opened or is larger (refused once the limit is passed).
bool read_input(const std::string& path, std::istream& in, std::string& text, std::ostream& err,
                std::size_t max_bytes = k_max_input_bytes);
// One line (without its newline) of at most max_bytes; a longer line is skipped to its end
// without being kept and reported as too_long; end when nothing is left. `length` is the
// line's length in bytes either way.
enum class LineRead { line, too_long, end };
LineRead read_line(std::istream& in, std::string& line, std::size_t& length, std::size_t max_bytes = k_max_input_bytes);
int cmd_claim(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int cmd_allocate(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int cmd_codes(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int cmd_demo_data(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int cmd_deployment(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int cmd_verify(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int cmd_mirror(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int cmd_report(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
int cmd_stock(const Args& args, std::istream& in, std::ostream& out, std::ostream& err);
// demo-data --exchange DIR ...: the demo deployment written into an exchange folder.
int demo_exchange_command(const Args& args, std::ostream& out, std::ostream& err);
// deployment s3-users URL --org ID... --out DIR: one store user per organisation and the bucket policy.
int s3_users_command(const Args& args, std::ostream& out, std::ostream& err);

}  // namespace vsys::cli
