// A site as the device holds it (site_state.hpp).
#include "app/site/site_state.hpp"

#include "app/base/app.hpp"
#include "core/base/codes.hpp"
#include "core/directory/kinds.hpp"

namespace vsys {

std::string org_of_code(App& app, const std::string& code) {
    const Site* s = app.directory().generated_site(code);
    if (!s) return {};
    return site_org_id(*s);
}

// Why a code that names no site cannot be a site's code at all: a wrong length, prefecture or,
// for a code shaped like an insurance code (fee-table digit 1, 3 or 4), its check digit. A
// similar code (類似コード) has no check digit, so a code of another shape is merely not found.
Status impossible_code(std::string_view code) {
    auto st = check_institution_code(code, InstitutionCodeKind::insurance);
    if (!st && st.error().code == "code.fee_table") return ok_status();
    return st;
}

// A code that cannot exist says which check it fails (its check digit, its length), else it is
// merely not found.
Error site_not_found(const std::string& code) {
    if (auto st = impossible_code(code); !st) return st.error();
    return Error{"site.not_found", "no such site", {{"code", code}}};
}

Result<Site> effective_site(App& app, const std::string& code) {
    const Site* generated = app.directory().generated_site(code);
    if (!generated) return site_not_found(code);
    Site site = *generated;
    if (const auto* d = app.current(site_org_id(site), k_site_info_kind, "main")) {
        auto s = site_from_json(d->body);
        if (s) site = *s;
    }
    return site;
}

VaccineStatus vaccine_status(App& app, const Site& site) {
    VaccineStatus st;
    st.request = app.current(site_org_id(site), k_vaccine_change_kind, "main");
    if (st.request)
        if (const auto* d = app.current("muni:" + site.municipality, k_vaccine_decision_kind, site.code))
            if (d->body.value("request", "") == st.request->hash) st.decision = d;
    return st;
}

// Applies the newest approved vaccine change to a site.
Site with_approved_vaccines(App& app, Site site) {
    const auto* decision = app.current("muni:" + site.municipality, k_vaccine_decision_kind, site.code);
    if (!decision || !decision->body.value("approved", false)) return site;
    const auto* request = app.store().find(decision->body.value("request", ""));
    if (!request) return site;
    VaccineCategories v;
    if (const auto it = request->body.find("vaccines"); it != request->body.end() && it->is_array())
        for (const auto& c : *it)
            if (c.is_string())
                if (auto cat = parse_vaccine_category(c.get<std::string>())) v.add(*cat);
    site.vaccines = v;
    site.hub = request->body.value("hub", "");
    return site;
}

std::vector<std::string> category_ids(const VaccineCategories& v) {
    std::vector<std::string> out;
    for (int i = 0; i < 5; ++i)
        if (v.has(static_cast<VaccineCategory>(i))) out.push_back(vaccine_category_id(static_cast<VaccineCategory>(i)));
    return out;
}

Result<Site> site_as_it_stands(App& app, const std::string& code) {
    auto site = effective_site(app, code);
    if (!site) return site.error();
    return with_approved_vaccines(app, *site);
}

}  // namespace vsys
