// What other features read of a site's master data (cmd_site.cpp owns the rules).
#pragma once

#include <string>

#include "core/base/result.hpp"
#include "core/directory/site.hpp"

namespace vsys {

class App;

// The site as it stands: its newest site_info over the generated master, with the handled
// vaccines of the municipality's newest approval (市町村承認). Errors: site.not_found, code.*.
Result<Site> site_as_it_stands(App& app, const std::string& code);

}  // namespace vsys
