// A site as the device holds it (cmd_site.cpp's commands and view_site.cpp's views share it):
// the generated master under the newest site_info its owner wrote, the newest request to change
// its handled vaccines and the municipality's decision on it (市町村承認).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.hpp"
#include "core/directory/site.hpp"
#include "core/documents/document.hpp"

namespace vsys {

class App;

// The organisation id of a generated site's code, "" when no site has it.
std::string org_of_code(App& app, const std::string& code);
// Why a code that names no site cannot be a site's code at all (a wrong length, prefecture or
// check digit); ok for a code that merely names no site.
Status impossible_code(std::string_view code);
// No site has this code: the failed check of impossible_code, else site.not_found.
Error site_not_found(const std::string& code);
// The newest site_info document over the generated master (vaccines as generated).
Result<Site> effective_site(App& app, const std::string& code);

struct VaccineStatus {
    const DocumentVersion* request = nullptr;   // newest request
    const DocumentVersion* decision = nullptr;  // decision on the newest request, if any
};
VaccineStatus vaccine_status(App& app, const Site& site);
// The site with the vaccines (and hub) of the newest approved change applied.
Site with_approved_vaccines(App& app, Site site);
// The categories' ids in the documents' order.
std::vector<std::string> category_ids(const VaccineCategories& v);

}  // namespace vsys
