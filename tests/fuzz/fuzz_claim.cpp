// libFuzzer target: claim input, as `vsys claim` reads it from stdin (src/cli/cmd_claim.cpp:
// JSON, claim_request_from_json, compute_claim, the JSON output) and as the app reads a claim
// document's body (site_claim_from_json). Properties: the exit code is 0, 1 or 2 and output
// goes to exactly one of stdout and stderr; an accepted claim survives its JSON form.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "cli/cli.hpp"
#include "core/claims/claims_json.hpp"
#include "fuzz_support.hpp"

using namespace vsys;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::istringstream in(text);
    std::ostringstream out, err;
    const int rc = cli::cmd_claim({}, in, out, err);
    VSYS_FUZZ_CHECK(rc == 0 || rc == 1 || rc == 2);
    VSYS_FUZZ_CHECK((rc == 0) == !out.str().empty());
    VSYS_FUZZ_CHECK((rc == 0) == err.str().empty());

    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) return 0;
    if (auto c = site_claim_from_json(j)) {
        const auto once = to_json(*c);
        auto back = site_claim_from_json(once);
        VSYS_FUZZ_CHECK(back.ok());
        VSYS_FUZZ_CHECK(to_json(*back) == once);
    }
    return 0;
}
