// ワクチン希望量の報告: a site chooses the product and the round, enters the boxes it wants and
// saves (report_request). It sees what it reported last and when, whether requests are still
// open, and why it may not report when it may not (a satellite's hub reports for it).
#include <cstring>

#include "app/allocation/chain_commands.hpp"
#include "app/allocation/chain_fields.hpp"
#include "app/allocation/requests_view.hpp"
#include "ui/allocation/allocation_ui.hpp"
#include "ui/shell/kept_view.hpp"
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
    std::string round;  // the round `requests` was last asked for
    KeptView<RequestsQuery> requests;
    std::string error;  // the last save's
    std::int64_t boxes = 0;
};

// What the site reported last (0 before its first report).
std::int64_t reported(const KeptView<RequestsQuery>& view) {
    const RequestsView* v = view.view();
    return v && v->own && v->own->boxes ? *v->own->boxes : 0;
}

void load(Shell& shell, RequestForm& form, const std::string& round) {
    // A reload of the same round (a sync brought new data) keeps boxes typed but not yet saved.
    const bool typed = form.round == round && form.boxes != reported(form.requests);
    form.round = round;
    form.requests.get(shell.app(), RequestsQuery{round, std::nullopt});
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
    if (begin_combo("##product", shell.tr(std::string("product.") + k_products[form.product]), "req.product")) {
        for (int i = 0; i < 3; ++i) {
            if (combo_choice(shell.tr(std::string("product.") + k_products[i]), i == form.product))
                form.product = i;
            shell.anchor("req.product." + std::to_string(i));
        }
        ImGui::EndCombo();
    }
    shell.anchor("req.product");
    form_label(shell.tr("alloc.round"), 200);
    round_picker(shell, "req.round", k_products[form.product]);
    const RoundListing* round = current_round(shell, k_products[form.product]);
    if (!round) {
        muted_text(shell.tr("alloc.no_round"));
        return;
    }
    const std::string code = round->code;
    load(shell, form, code);
    const RequestsView* view = form.requests.view();
    if (!form.requests.ok() || !view) {
        field_message(form.requests.error(), true);
        return;
    }
    const RequestsView& v = *view;  // kept until the next get(), whatever a save changes
    form_label(shell.tr("alloc.period"), 200);
    ImGui::TextUnformatted(period_text(shell, v.round.period_start, v.round.period_end).c_str());
    form_label(shell.tr("alloc.round_state"), 200);
    const bool open = v.round.requests_open;
    ImGui::TextColored(open ? colour::confirmed : colour::locked, "%s", v.round.state_name.c_str());
    if (!v.own || !v.own->may_request) {
        field_message(v.own ? v.own->refusal : std::string(), true);
        return;
    }
    form_label(shell.tr("req.reported"), 200);
    if (v.own->boxes)
        ImGui::TextUnformatted(fill_placeholders(shell.tr("req.reported_value"),
                                                 {{"boxes", format_grouped(*v.own->boxes)},
                                                  {"time", shell.time_text(v.own->updated.value_or(""))}})
                                   .c_str());
    else
        muted_text(shell.tr("req.not_reported"));
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
    if (!open) muted_text(shell.tr("req.closed"));
    if (save) {
        const std::string& org = shell.app().session().org;
        form.error = shell.run(ReportRequest{org.substr(org.find(':') + 1), code, form.boxes, k_products[form.product]},
                               "req.saved");
    }
    field_message(form.error, true);
}

}  // namespace vsys::ui
