// ワクチン希望量の報告: a site chooses the product and the round, enters the boxes it wants and
// saves (report_request). It sees what it reported last and when, whether requests are still
// open, and why it may not report when it may not (a satellite's hub reports for it).
#include <cstring>

#include "app/allocation/chain_fields.hpp"
#include "ui/allocation/allocation_ui.hpp"
#include "ui/shell/cached_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {
const char* const k_products[] = {"pfizer_12", "pfizer_5_11", "takeda_moderna"};

struct RequestForm {
    int product = 0;
    std::string round;    // the round `requests` was last asked for
    CachedView requests;  // requests {round}
    std::string error;    // the last save's
    std::int64_t boxes = 0;
};

std::int64_t reported(const CachedView& view) {
    const nlohmann::json& boxes = view["boxes"];
    return boxes.is_number_integer() ? boxes.get<std::int64_t>() : 0;
}

void load(Shell& shell, RequestForm& form, const std::string& round) {
    // A reload of the same round (a sync brought new data) keeps boxes typed but not yet saved.
    const bool typed = form.round == round && form.boxes != reported(form.requests);
    form.round = round;
    form.requests.get(shell.app(), "requests", {{"round", round}});
    if (!form.requests.fresh()) return;
    form.error = form.requests.error();
    if (!typed) form.boxes = reported(form.requests);
}
}  // namespace

void draw_requests(Shell& shell) {
    screen_title(shell.tr("screen.requests"));
    RequestForm& form = shell.state<RequestForm>();
    form_label(shell.tr("alloc.product"), 200);
    field_width(420);
    if (ImGui::BeginCombo("##product", shell.tr(std::string("product.") + k_products[form.product]).c_str())) {
        for (int i = 0; i < 3; ++i) {
            if (ImGui::Selectable(shell.tr(std::string("product.") + k_products[i]).c_str(), i == form.product))
                form.product = i;
            shell.anchor("req.product." + std::to_string(i));
        }
        ImGui::EndCombo();
    }
    shell.anchor("req.product");
    form_label(shell.tr("alloc.round"), 200);
    round_picker(shell, "req.round", k_products[form.product]);
    const nlohmann::json* round = current_round(shell, k_products[form.product]);
    if (!round) {
        ImGui::TextDisabled("%s", shell.tr("alloc.no_round").c_str());
        return;
    }
    const std::string code = round->value("code", "");
    load(shell, form, code);
    if (!form.requests.ok()) {
        field_message(form.requests.error(), true);
        return;
    }
    const auto& v = form.requests.value();
    form_label(shell.tr("alloc.period"), 200);
    ImGui::TextUnformatted(period_text(shell, v).c_str());
    form_label(shell.tr("alloc.round_state"), 200);
    const bool open = v.value("requests_open", false);
    ImGui::TextColored(open ? colour::confirmed : colour::locked, "%s", v.value("state_name", "").c_str());
    if (!v.value("may_request", false)) {
        field_message(v.value("refusal", ""), true);
        return;
    }
    form_label(shell.tr("req.reported"), 200);
    if (v["boxes"].is_number_integer())
        ImGui::TextUnformatted(fill_placeholders(shell.tr("req.reported_value"),
                                                 {{"boxes", format_grouped(v["boxes"].get<std::int64_t>())},
                                                  {"time", shell.time_text(v.value("updated", ""))}})
                                   .c_str());
    else
        ImGui::TextDisabled("%s", shell.tr("req.not_reported").c_str());
    shell.anchor("req.reported");
    section_title(shell.tr("req.enter"));
    form_label(shell.tr("req.boxes"), 200);
    ImGui::BeginDisabled(!open);
    const FieldResult boxes = number_field(shell, "req.boxes", form.boxes, boxes_rule("req.boxes"), 160,
                                           MessagePlace::beside, shell.tr("alloc.boxes_unit"));
    // Typed and not saved; before the first report, anything but the empty field's 0.
    const bool unsaved = form.boxes != reported(form.requests) || !boxes.valid;
    if (unsaved && open) shell.mark_unsaved();
    ImGui::BeginDisabled(!boxes.valid);
    const bool save = ImGui::Button(shell.tr("req.save").c_str()) || (boxes.enter && boxes.valid);
    shell.anchor("req.save");
    ImGui::EndDisabled();
    ImGui::EndDisabled();
    if (!open) ImGui::TextDisabled("%s", shell.tr("req.closed").c_str());
    if (save) {
        const std::string& org = shell.app().session().org;
        form.error = shell.run({{"type", "report_request"}, {"site", org.substr(org.find(':') + 1)}, {"round", code},
                                {"product", k_products[form.product]}, {"boxes", form.boxes}},
                               "req.saved");
    }
    field_message(form.error, true);
}

}  // namespace vsys::ui
