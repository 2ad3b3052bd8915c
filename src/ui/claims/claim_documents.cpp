// The documents of a saved claim month (view claim_print, typed: ClaimPrintView): one row per
// 市区町村別請求書 and the 請求総括書, with their print and CSV buttons.
#include <algorithm>
#include <string>
#include <vector>

#include "ui/claims/claim_parts.hpp"
#include "ui/claims/claims_ui.hpp"
#include "ui/shell/print_window.hpp"
#include "ui/shell/shell.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

// A row of the table: the document, the key of its anchors, and its municipality (none for
// the summary).
struct DocumentRow {
    std::string key;
    const ClaimDocument* doc;
    const MunicipalityClaimDocument* municipality;
};

}  // namespace

// One row per document, its print and CSV buttons in the last column (anchors
// claims.print.<municipality code or "summary"> and claims.csv.<...>).
// The buttons' column holds both of a row's buttons, 印刷 and CSV, in either language (a CSV
// button cut by its column could not be pressed).
static float buttons_width(Shell& shell) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float print = ImGui::CalcTextSize(shell.tr("claims.print").c_str()).x;
    return std::max(ImGui::GetFontSize() * 8, print + ImGui::CalcTextSize("CSV").x + 4 * st.FramePadding.x + st.ItemSpacing.x + 8);
}

void claim_documents_section(Shell& shell, const KeptView<ClaimPrintQuery>* saved, KeptTable& t) {
    section_title(shell.tr("claims.documents"));
    const ClaimPrintView* print = saved ? saved->view() : nullptr;
    if (!print) {
        wrapped_text(shell.tr("claims.documents.save_first"), colour::muted);
        return;
    }
    // The documents in the table's row order.
    std::vector<DocumentRow> docs;
    for (const auto& d : print->municipalities) docs.push_back({d.municipality, &d, &d});
    if (print->summary) docs.push_back({"summary", &*print->summary, nullptr});
    if (t.stale(saved->loads())) {
        // The first column, pinned on a phone, short: the municipality's name (or the summary);
        // the kind of document beside it.
        t.model.columns = {{shell.tr("claims.col.name"), false, "", 0, false},
                           {shell.tr("claims.col.document"), false, "", 0, false},
                           {shell.tr("claims.col.payer"), false, "", 0, false},
                           {shell.tr("claims.col.amount"), true, shell.tr("claims.yen"), 0, false},
                           {"", false, "", buttons_width(shell), false, true}};
        t.model.rows.clear();
        for (const auto& d : docs) {
            const bool summary = !d.municipality;
            t.model.rows.push_back({{summary ? shell.tr("claims.doc.summary") : d.municipality->name},
                                    {summary ? std::string() : shell.tr("claims.doc.municipality")},
                                    {d.doc->payer.name},
                                    {"", d.doc->total.amount},
                                    {""}});
        }
    }
    TableOptions o{"claims.documents", 0, false, ""};
    o.draw_cell = [&](int row, int) {
        if (row < 0 || row >= static_cast<int>(docs.size())) return;
        const DocumentRow& d = docs[static_cast<std::size_t>(row)];
        if (ImGui::Button(shell.tr("claims.print").c_str())) open_print_window(shell, d.doc->html);
        shell.anchor("claims.print." + d.key);
        ImGui::SameLine();
        if (ImGui::Button("CSV")) shell.host().download_text(d.doc->filename, d.doc->csv);
        shell.anchor("claims.csv." + d.key);
    };
    draw_table(shell, "claim_documents", t.model, t.built, t.state, o);
}

}  // namespace vsys::ui
