#include "core/reports/kinds.hpp"

namespace vsys {

void register_reports_kinds(KindRegistry& kinds) {
    // Only those who may see personal rows export them: a municipality and its sites.
    kinds.add({k_report_export_kind, {OrgRole::municipality, OrgRole::site, OrgRole::venue}, false, false, {}, 1,
               [](const DocumentVersion& v) {
                   return BodyReader(v.body).string("report").string("format").integer("rows").string("file_name").finish();
               }});
}

}  // namespace vsys
