// Entry point of the `vsys` tool (tools/vsys runs it): dispatches to one subcommand.
#include <iostream>
#include <string>

#include "cli/cli.hpp"
#include "core/base/input.hpp"

namespace vsys::cli {

namespace {

const Subcommand k_subcommands[] = {
    // Subcommands are added here, one line each.
    {"claim", "price, route and date a site's month of fee claims (JSON in, JSON out)", cmd_claim},
    {"allocate", "split a whole number of units among children by weight (JSON in, JSON out)", cmd_allocate},
    {"codes", "check local-government and institution codes (codes check [--similar] CODE...)", cmd_codes},
    {"demo-data", "generate the national demo data set and summarise it (demo-data --summary [--seed N])", cmd_demo_data},
    {"deployment", "start a new deployment (deployment init DIR|s3://…); store users per organisation (deployment s3-users)", cmd_deployment},
    {"verify", "check every file of an exchange and summarise (verify DIR|s3://…|http://… [--root HEX])", cmd_verify},
    {"mirror", "copy an exchange between folders, s3:// and http:// exchanges, verifying as it goes (mirror SRC DST)", cmd_mirror},
    {"report", "run a report as an organisation sees it (report --list; report ID --demo|--exchange DIR --as WHO)", cmd_report},
    {"stock", "replay a stock ledger: balances, transfers in transit, accounting per lot (JSON in, JSON out)", cmd_stock},
    {nullptr, nullptr, nullptr},
};

void usage(std::ostream& out) {
    out << "usage: vsys [--version] <command> [args]\n\ncommands:\n";
    for (const auto* c = k_subcommands; c->name; ++c) out << "  " << c->name << "\t" << c->summary << "\n";
}

}  // namespace
}  // namespace vsys::cli

int main(int argc, char** argv) {
    using namespace vsys::cli;
    std::ios::sync_with_stdio(false);
    if (argc < 2) {
        usage(std::cerr);
        return 2;
    }
    const std::string name = argv[1];
    if (name == "--version" || name == "version") {
        std::cout << "vsys " << VSYS_VERSION << "\n";
        return 0;
    }
    if (name == "--help" || name == "help") {
        usage(std::cout);
        return 0;
    }
    Args args(argv + 2, argv + argc);
    for (const auto* c = k_subcommands; c->name; ++c)
        if (name == c->name) return c->run(args, std::cin, std::cout, std::cerr);
    std::cerr << "vsys: unknown command '" << vsys::input::excerpt(name) << "'\n";
    usage(std::cerr);
    return 2;
}
