// Reading the CLI's input within its limit (docs/PROTOCOL.md "Input limits"): a file or stdin is
// read in blocks and refused as soon as it passes the limit, so an endless or huge input costs
// at most the limit in memory and the time to read that much.
#include <fstream>
#include <istream>
#include <ostream>

#include "cli/cli.hpp"

namespace vsys::cli {

namespace {

void too_large(std::ostream& err, std::size_t max_bytes) {
    err << "vsys: the input is larger than the limit of " << max_bytes << " bytes\n";
}

bool read_bounded(std::istream& in, std::string& text, std::size_t max_bytes, std::ostream& err) {
    text.clear();
    char block[1 << 16];
    while (in) {
        in.read(block, sizeof block);
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n > max_bytes - text.size()) {
            too_large(err, max_bytes);
            text.clear();
            return false;
        }
        text.append(block, n);
    }
    return true;
}

}  // namespace

bool read_input(const std::string& path, std::istream& in, std::string& text, std::ostream& err, std::size_t max_bytes) {
    if (path.empty() || path == "-") return read_bounded(in, text, max_bytes, err);
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        err << "vsys: cannot open " << path << "\n";
        return false;
    }
    return read_bounded(file, text, max_bytes, err);
}

LineRead read_line(std::istream& in, std::string& line, std::size_t& length, std::size_t max_bytes) {
    line.clear();
    length = 0;
    auto* buf = in.rdbuf();
    bool any = false, over = false;
    for (int c = buf->sbumpc(); c != std::char_traits<char>::eof(); c = buf->sbumpc()) {
        any = true;
        if (c != '\n') ++length;
        if (c == '\n') return over ? LineRead::too_long : LineRead::line;
        if (over) continue;  // the rest of a line that is too long is skipped, not kept
        if (line.size() == max_bytes) {
            over = true;
            line.clear();
            line.shrink_to_fit();
            continue;
        }
        line.push_back(static_cast<char>(c));
    }
    if (!any) return LineRead::end;
    return over ? LineRead::too_long : LineRead::line;
}

}  // namespace vsys::cli
