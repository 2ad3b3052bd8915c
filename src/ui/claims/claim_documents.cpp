#include <string>

#include "ui/claims/claim_parts.hpp"
#include "ui/claims/claims_ui.hpp"
#include "ui/shell/cached_view.hpp"
#include "ui/shell/shell.hpp"
#include "ui/widgets/table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

using nlohmann::json;

// One row per document, its print and CSV buttons in the last column (anchors
// claims.print.<municipality code or "summary"> and claims.csv.<...>).
void claim_documents_section(Shell& shell, const CachedView* saved, KeptTable& t) {
    section_title(shell.tr("claims.documents"));
    if (!saved || !saved->value().is_object()) {
        ImGui::TextDisabled("%s", shell.tr("claims.documents.save_first").c_str());
        return;
    }
    const CachedView& print = *saved;
    // The documents in the table's row order, and the key of each for its anchors.
    std::vector<std::pair<std::string, const json*>> docs;
    for (const auto& d : print["municipalities"]) docs.push_back({d.value("municipality", ""), &d});
    if (print["summary"].is_object()) docs.push_back({"summary", &print["summary"]});
    if (t.stale(print.loads())) {
        t.model.columns = {{shell.tr("claims.col.document"), false, "", 0, false},
                           {shell.tr("claims.col.payer"), false, "", 0, false},
                           {shell.tr("claims.col.amount"), true, shell.tr("claims.yen"), 0, false},
                           {"", false, "", ImGui::GetFontSize() * 8, false, true}};
        t.model.rows.clear();
        for (const auto& [key, d] : docs) {
            const bool summary = key == "summary";
            const std::string label = summary ? shell.tr("claims.doc.summary")
                                              : shell.tr("claims.doc.municipality") + "　" + d->value("name", "");
            const std::string payer = summary ? (*d)["federation"].value("name", "") : (*d)["payer"].value("name", "");
            t.model.rows.push_back({{label}, {payer}, {"", (*d)["total"].value("amount", std::int64_t{0})}, {""}});
        }
    }
    TableOptions o{"claims.documents", 0, false, ""};
    o.draw_cell = [&](int row, int) {
        if (row < 0 || row >= static_cast<int>(docs.size())) return;
        const auto& [key, d] = docs[static_cast<std::size_t>(row)];
        if (ImGui::Button(shell.tr("claims.print").c_str())) shell.host().open_print_window(d->value("html", ""));
        shell.anchor("claims.print." + key);
        ImGui::SameLine();
        if (ImGui::Button("CSV")) shell.host().download_text(d->value("filename", "claim.csv"), d->value("csv", ""));
        shell.anchor("claims.csv." + key);
    };
    draw_table(shell, "claim_documents", t.model, t.built, t.state, o);
}

}  // namespace vsys::ui
