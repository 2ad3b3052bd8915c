// 医療機関情報: a site's information (「この医療機関の情報を見る」 → 「編集」), its doctors, and
// its handled vaccines with the request for a change that the municipality approves. The same
// screen serves the site itself (site_info) and its municipality's proxy input (site/<code>).
//
// Index:
// [SECTION] the form: loading, dirty checks
// [SECTION] information (基本情報)
// [SECTION] doctors (医師)
// [SECTION] handled vaccines (取扱ワクチン)
// [SECTION] the page and its entry points
#include <algorithm>
#include <cstring>

#include "app/site/site_contract.hpp"
#include "app/site/site_fields.hpp"
#include "core/base/codes.hpp"
#include "ui/shell/kept_view.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/dialogs.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

const char* k_categories[] = {"pfizer_hub", "pfizer_satellite", "pfizer_child", "tm_general", "tm_workplace"};

struct SiteForm {
    std::string code;
    KeptView<SiteQuery> view;  // not asked again while the information is edited
    std::string error;  // the last command's
    bool editing = false;
    // Whole strings: a text over its limit is kept as typed and refused, never cut to a buffer.
    std::string name, reading, address, phone, mail, representative;
    bool want[5] = {};
    char hub[16] = {};
    // The user changed the vaccine selection and has not sent it: a reload (a sync that brought
    // new data, another save) must not put the ticks back.
    bool vaccines_touched = false;
    KeptTable doctors;
};

// [SECTION] the form: loading, dirty checks
// Whether the site handles the vaccine category of k_categories[i].
bool handles(const Site& site, int i) {
    return site.vaccines.has(static_cast<VaccineCategory>(i));
}

// The edit buffers from the view as it stands.
void fill(SiteForm& form) {
    form.error.clear();
    const SiteView* v = form.view.view();
    if (!v) return;
    form.name = v->site.name;
    form.reading = v->site.reading;
    form.address = v->site.address;
    form.phone = v->site.contact.phone;
    form.mail = v->site.contact.mail;
    form.representative = v->site.representative;
    if (form.vaccines_touched) return;
    for (int i = 0; i < 5; ++i) form.want[i] = handles(v->site, i);
    std::snprintf(form.hub, sizeof form.hub, "%s", v->site.hub.c_str());
}

// The site's view at the App's revision; the buffers follow when it was asked again.
void load(Shell& shell, SiteForm& form, const std::string& code) {
    if (code != form.code) form.vaccines_touched = false;
    form.code = code;
    form.view.get(shell.app(), SiteQuery{code});
    if (form.view.fresh()) fill(form);
}

bool dirty(const SiteForm& form, const Site& site) {
    return site.name != form.name || site.reading != form.reading || site.address != form.address ||
           site.contact.phone != form.phone || site.contact.mail != form.mail || site.representative != form.representative;
}

// Whether the ticked vaccines (and hub) differ from the site's current ones.
bool vaccines_differ(const SiteForm& form, const Site& site) {
    for (int i = 0; i < 5; ++i)
        if (handles(site, i) != form.want[i]) return true;
    return form.want[1] && site.hub != form.hub;
}

// A field of the information, its limit counted; true when Enter was pressed in it.
bool text_row(Shell& shell, const char* key, const char* anchor, std::string& value, std::size_t max, bool& valid) {
    form_label(shell.tr(key), 200);
    const float count_w = ImGui::CalcTextSize("000/000文字").x + 16;
    const FieldResult r = text_field(shell, anchor, value, key, max,
                                     std::max(160.0f, ImGui::GetContentRegionAvail().x - count_w - 8));
    valid = valid && r.valid;
    return r.enter;
}

void row(Shell& shell, const char* key, const std::string& value) {
    form_label(shell.tr(key), 200);
    form_value(value);
}

bool edit_row(Shell& shell, const char* key, const char* anchor, char* buf, size_t n) {
    form_label(shell.tr(key), 200);
    ImGui::SetNextItemWidth(std::max(std::min(160.0f, ImGui::GetContentRegionAvail().x), ImGui::GetContentRegionAvail().x - 8));
    const bool changed = ImGui::InputText((std::string("##") + anchor).c_str(), buf, n);
    shell.anchor(anchor);
    return changed;
}

// [SECTION] information (基本情報)
void information(Shell& shell, SiteForm& form, const SiteView& v) {
    const Site& site = v.site;
    row(shell, "site.code", site.code + "（" + shell.tr(std::string("code_kind.") + institution_code_kind_id(site.code_kind)) + "）");
    row(shell, "site.municipality", v.municipality_name + " " + site.municipality);
    if (!form.editing) {
        row(shell, "site.name", site.name);
        row(shell, "site.reading", site.reading);
        row(shell, "site.address", site.address);
        row(shell, "site.phone", site.contact.phone);
        row(shell, "site.mail", site.contact.mail);
        // Site information saved before the field existed has no representative: the claim
        // forms then print the first doctor, and the screen says so.
        if (!site.representative.empty()) row(shell, "site.representative", site.representative);
        else
            row(shell, "site.representative",
                fill_placeholders(shell.tr("site.representative.fallback"), {{"name", v.printed_representative}}));
        shell.anchor("site.representative.value");
        if (v.updated)
            muted_text(fill_placeholders(shell.tr(v.updated->proxy ? "site.updated_proxy" : "site.updated"),
                                                        {{"time", shell.time_text(v.updated->time)}, {"by", v.updated->by}})
                                          );
        const bool edit = ImGui::Button(shell.tr("site.edit").c_str());
        shell.anchor("site.edit");
        if (edit) form.editing = true;
        return;
    }
    bool valid = true, enter = false;
    enter |= text_row(shell, "site.name", "site.name", form.name, site_fields::name, valid);
    enter |= text_row(shell, "site.reading", "site.reading", form.reading, site_fields::reading, valid);
    enter |= text_row(shell, "site.address", "site.address", form.address, site_fields::address, valid);
    enter |= text_row(shell, "site.phone", "site.phone", form.phone, site_fields::phone, valid);
    enter |= text_row(shell, "site.mail", "site.mail", form.mail, site_fields::mail, valid);
    enter |= text_row(shell, "site.representative", "site.representative", form.representative,
                      site_fields::representative, valid);
    if (dirty(form, site)) shell.mark_unsaved();
    ImGui::BeginDisabled(!valid);
    const bool save = ImGui::Button(shell.tr("settings.save").c_str()) || (enter && valid);
    ImGui::EndDisabled();
    shell.anchor("site.save");
    ImGui::SameLine();
    const bool cancel = ImGui::Button(shell.tr("common.cancel").c_str());
    if (save) {
        auto err = shell.run(UpdateSiteInfo{form.code, form.name, form.reading, form.address, form.phone, form.mail,
                                            form.representative});
        if (err.empty()) {
            form.editing = false;
            load(shell, form, form.code);
        }
        form.error = err;
    }
    if (cancel) {
        form.editing = false;
        fill(form);
    }
    field_message(form.error, true);
}

const VaccineProduct k_products[] = {VaccineProduct::pfizer_12, VaccineProduct::pfizer_5_11, VaccineProduct::takeda_moderna};

// The doctor being edited: -1 none, size() a new one.
struct DoctorEdit {
    int row = -1;
    // Frames the form is still being scrolled into view after it opened: two, since the first
    // frame's scroll is clamped to the page's height before the form was added to it.
    int reveal = 2;
    std::string name;
    bool gives[3] = {};
    int remove = -1;
};

// [SECTION] doctors (医師)
void save_doctors(Shell& shell, SiteForm& form, DoctorEdit& doctor_edit, std::vector<Doctor> list) {
    const std::string err = shell.run(SetDoctors{form.code, std::move(list)});
    if (err.empty()) {
        doctor_edit.row = -1;
        load(shell, form, form.code);
    }
    form.error = err;
}

void doctors(Shell& shell, SiteForm& form, const SiteView& v) {
    DoctorEdit& doctor_edit = shell.state<DoctorEdit>();
    section_title(shell.tr("site.doctors"));
    // A copy: saving below asks for the view again, which replaces what a reference would see.
    const std::vector<Doctor> list = v.site.doctors;
    KeptTable& t = form.doctors;
    if (t.stale(form.view.loads())) {
        // The buttons' column as wide as both buttons (「Remove」 was cut in English).
        const float buttons = button_width(shell.tr("site.edit")) + button_width(shell.tr("site.doctor_remove")) +
                              ImGui::GetStyle().ItemSpacing.x;
        t.model.columns = {{"", false, "", buttons, false, true},
                           {shell.tr("site.doctor_name"), false, "", 0, false},
                           {shell.tr("site.doctor_vaccines"), false, "", 0, false}};
        t.model.rows.clear();
        for (const auto& d : list) {
            std::string vs;
            for (VaccineProduct p : k_products)
                if (d.vaccines.has(p)) vs += (vs.empty() ? "" : "、") + shell.tr(std::string("product.") + vaccine_product_id(p));
            t.model.rows.push_back({{}, {d.name}, {vs}});
        }
    }
    // 「編集」 left of the doctor, as in the deck (anchors doctor.edit.<i>).
    TableOptions o{"doctors", 0, false, ""};
    o.draw_cell = [&](int i, int) {
        const auto& d = list[static_cast<std::size_t>(i)];
        if (ImGui::SmallButton(shell.tr("site.edit").c_str())) {
            doctor_edit.row = i;
            doctor_edit.name = d.name;
            doctor_edit.reveal = 2;
            for (int p = 0; p < 3; ++p) doctor_edit.gives[p] = d.vaccines.has(k_products[p]);
        }
        shell.anchor("doctor.edit." + std::to_string(i));
        ImGui::SameLine();
        if (ImGui::SmallButton(shell.tr("site.doctor_remove").c_str())) doctor_edit.remove = i;
        shell.anchor("doctor.remove." + std::to_string(i));
    };
    if (!list.empty()) draw_table(shell, "##doctors", t.model, t.built, t.state, o);
    if (doctor_edit.row < 0 && ImGui::SmallButton(shell.tr("site.doctor_add").c_str())) {
        doctor_edit = DoctorEdit{};
        doctor_edit.row = static_cast<int>(list.size());
    }
    shell.anchor("doctor.add");
    if (doctor_edit.row >= 0) {
        // A form opened below the fold is brought into view once, its first field focused.
        if (doctor_edit.reveal == 2) ImGui::SetKeyboardFocusHere();
        const FieldResult name = text_field(shell, "doctor.name", doctor_edit.name, "site.doctor_name",
                                            site_fields::doctor_name, 260, shell.tr("site.doctor_name").c_str());
        for (int p = 0; p < 3; ++p) {
            ImGui::Checkbox(shell.tr(std::string("product.") + vaccine_product_id(k_products[p])).c_str(), &doctor_edit.gives[p]);
            shell.anchor(std::string("doctor.gives.") + vaccine_product_id(k_products[p]));
        }
        shell.mark_unsaved();
        ImGui::BeginDisabled(!name.valid);
        const bool save = ImGui::Button(shell.tr("settings.save").c_str()) || (name.enter && name.valid);
        ImGui::EndDisabled();
        shell.anchor("doctor.save");
        if (doctor_edit.reveal > 0) {
            // Only a form that runs past the bottom moves: 保存 near the bottom, the form above it.
            if (ImGui::GetItemRectMax().y > ImGui::GetWindowPos().y + ImGui::GetWindowHeight())
                ImGui::SetScrollHereY(0.9f);
            --doctor_edit.reveal;
        }
        ImGui::SameLine();
        if (ImGui::Button(shell.tr("common.cancel").c_str())) doctor_edit.row = -1;
        if (save) {
            std::vector<Doctor> next = list;
            Doctor d;
            d.name = doctor_edit.name;
            for (int p = 0; p < 3; ++p)
                if (doctor_edit.gives[p]) d.vaccines.add(k_products[p]);
            if (doctor_edit.row < static_cast<int>(next.size())) next[static_cast<size_t>(doctor_edit.row)] = d;
            else next.push_back(d);
            save_doctors(shell, form, doctor_edit, next);
        }
    }
    const bool removing = doctor_edit.remove >= 0 && doctor_edit.remove < static_cast<int>(list.size());
    const std::string who = removing ? list[static_cast<std::size_t>(doctor_edit.remove)].name : std::string();
    Confirmation c{.anchor = "doctor.remove",
                   .question = fill_placeholders(shell.tr("site.doctor_remove_confirm"), {{"name", who}}),
                   .confirm_label = shell.tr("site.doctor_remove")};
    c.confirm_anchor = "doctor.remove.confirm";
    c.destructive = true;
    const Answer a = confirmation(shell, removing, c);
    if (a == Answer::confirmed) {
        std::vector<Doctor> next = list;
        next.erase(next.begin() + doctor_edit.remove);
        save_doctors(shell, form, doctor_edit, next);
    }
    if (a != Answer::none || !removing) doctor_edit.remove = -1;
}

// [SECTION] handled vaccines (取扱ワクチン)
void vaccines(Shell& shell, SiteForm& form, const SiteView& v) {
    section_title(shell.tr("site.vaccines").c_str());
    std::string current;
    for (int i = 0; i < 5; ++i)
        if (handles(v.site, i)) current += (current.empty() ? "" : "、") + shell.tr(std::string("category.") + k_categories[i]);
    row(shell, "site.vaccines.current", current);
    if (v.change) {
        const std::string& status = v.change->status;
        const ImVec4 colour_of = status == "approved" ? colour::confirmed : status == "rejected" ? colour::error : colour::pending;
        std::string requested;
        for (const auto& c : v.change->vaccines) requested += (requested.empty() ? "" : "、") + shell.tr("category." + c);
        form_label(shell.tr("site.vaccines.request"), 200);
        ImGui::TextColored(colour_of, "● %s", shell.tr("status." + status).c_str());
        shell.anchor("site.vaccines.status");
        ImGui::SameLine();
        text_wrapped(requested);
        if (status == "rejected") row(shell, "site.vaccines.reason", v.change->reason.value_or(""));
    }
    ImGui::Spacing();
    muted_text(shell.tr("site.vaccines.explain"));
    for (int i = 0; i < 5; ++i) {
        if (ImGui::Checkbox(shell.tr(std::string("category.") + k_categories[i]).c_str(), &form.want[i]))
            form.vaccines_touched = true;
        shell.anchor(std::string("site.want.") + k_categories[i]);
    }
    if (form.want[1] && edit_row(shell, "site.hub", "site.hub", form.hub, sizeof form.hub)) form.vaccines_touched = true;
    if (form.vaccines_touched && vaccines_differ(form, v.site)) shell.mark_unsaved();  // leaving asks first
    const bool send = ImGui::Button(shell.tr("site.vaccines.send").c_str());
    shell.anchor("site.vaccines.send");
    if (send) {
        RequestVaccineChange cmd{form.code, {}, form.want[1] ? std::string(form.hub) : std::string()};
        for (int i = 0; i < 5; ++i)
            if (form.want[i]) cmd.vaccines.push_back(k_categories[i]);
        const std::string err = shell.run(cmd, "site.vaccines.sent");
        if (err.empty()) {
            form.vaccines_touched = false;
            load(shell, form, form.code);
        }
        form.error = err;
    }
}

// [SECTION] the page and its entry points
void draw_site_page(Shell& shell, const std::string& code) {
    SiteForm& form = shell.state<SiteForm>();
    if (code != form.code || !form.editing) load(shell, form, code);
    if (!form.view.ok() || !form.view.view()) {
        shell.no_access_page();
        return;
    }
    // A copy: a save below asks for the view again, which replaces what a reference would see.
    const SiteView v = *form.view.view();
    screen_title(v.site.name);
    if (shell.app().session().org != v.org) {
        ImGui::TextColored(colour::pending, "%s", shell.tr("site.proxy_note").c_str());
    }
    // Two columns so that a 1366x768 clinic PC shows the whole page without scrolling; one
    // under the other where two would be too narrow for a label beside its value (a tablet
    // held upright, a phone).
    if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 50) {
        information(shell, form, v);
        doctors(shell, form, v);
        vaccines(shell, form, v);
    } else if (ImGui::BeginTable("##site_layout", 2, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        information(shell, form, v);
        doctors(shell, form, v);
        ImGui::TableNextColumn();
        vaccines(shell, form, v);
        ImGui::EndTable();
    }
}

}  // namespace

void draw_site_info(Shell& shell) {
    const std::string& org = shell.app().session().org;
    draw_site_page(shell, org.substr(org.find(':') + 1));
}

void draw_site(Shell& shell) { draw_site_page(shell, shell.param()); }

}  // namespace vsys::ui
