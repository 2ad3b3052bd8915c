// `vsys claim [FILE]`: prices, routes and dates one site's month of claims (docs/CLAIMS.md).
// Reads the claim JSON from FILE or stdin and prints the computed claim as JSON. Exit codes:
// 0 computed, 1 the claim is refused (the reason on stderr), 2 usage (arguments, unreadable
// file, not JSON, duplicate keys, over the input limits). Unknown fields are refused (exit 1).
#include <chrono>
#include <istream>
#include <ostream>

#include "cli/cli.hpp"
#include "core/claims/claims_json.hpp"
#include "core/base/input.hpp"

namespace vsys::cli {

namespace {

// The CLI is not core, so it may read the clock: today's date in Japan (UTC+9), where the
// claims are made, whatever the machine's time zone.
Date today_in_japan() {
    using namespace std::chrono;
    auto now = time_point_cast<seconds>(system_clock::now()) + hours(9);
    return date_from_days(floor<days>(now).time_since_epoch().count());
}

}  // namespace

int cmd_claim(const Args& args, std::istream& in, std::ostream& out, std::ostream& err) {
    if (args.size() > 1 || (args.size() == 1 && (args[0] == "-h" || args[0] == "--help"))) {
        err << "usage: vsys claim [FILE]   (reads the claim JSON from FILE or stdin; see docs/CLAIMS.md)\n";
        return 2;
    }
    std::string text;
    if (!read_input(args.empty() ? std::string() : args[0], in, text, err)) return 2;
    // Strict JSON within the input limits (duplicate keys refused); floats are left to the
    // claim reader, which names the field.
    input::JsonLimits limits;
    limits.max_bytes = k_max_input_bytes;
    limits.allow_float = true;
    auto j = input::parse_json(text, limits);
    if (!j) {
        const Error e = input::for_display(j.error());
        err << "vsys claim: the input is not accepted JSON: " << e.detail << " [" << e.code << "]\n";
        return 2;
    }
    auto request = claim_request_from_json(*j);
    if (!request) {
        const Error e = input::for_display(request.error());
        err << "vsys claim: " << e.detail << " [" << e.code << "]\n";
        return 1;
    }
    Date today = request->today ? *request->today : today_in_japan();
    auto computed = compute_claim(request->claim, request->routing, today);
    if (!computed) {
        const Error e = input::for_display(computed.error());
        err << "vsys claim: " << e.detail << " [" << e.code << "]\n";
        return 1;
    }
    out << to_json(*computed).dump(2) << "\n";
    return 0;
}

}  // namespace vsys::cli
