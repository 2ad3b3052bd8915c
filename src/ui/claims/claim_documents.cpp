#include <string>

#include "ui/claims/claim_parts.hpp"
#include "ui/claims/claims_ui.hpp"
#include "ui/shell/shell.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

using nlohmann::json;

void claim_documents_section(Shell& shell, const json& print) {
    section_title(shell.tr("claims.documents"));
    if (!print.is_object()) {
        ImGui::TextDisabled("%s", shell.tr("claims.documents.save_first").c_str());
        return;
    }
    if (!ImGui::BeginTable("claim_documents", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) return;
    ImGui::TableSetupColumn(shell.tr("claims.col.document").c_str(), 0, 340);
    ImGui::TableSetupColumn(shell.tr("claims.col.payer").c_str(), 0, 280);
    ImGui::TableSetupColumn(shell.tr("claims.col.amount").c_str(), 0, 130);
    ImGui::TableSetupColumn("", 0, 130);
    ImGui::TableHeadersRow();
    auto doc_row = [&](const std::string& key, const std::string& label, const std::string& payer, const json& d) {
        ImGui::PushID(key.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label.c_str());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(payer.c_str());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        yen_right(d["total"].value("amount", std::int64_t{0}));
        ImGui::TableNextColumn();
        if (ImGui::Button(shell.tr("claims.print").c_str())) shell.host().open_print_window(d.value("html", ""));
        shell.anchor("claims.print." + key);
        ImGui::SameLine();
        if (ImGui::Button("CSV")) shell.host().download_text(d.value("filename", "claim.csv"), d.value("csv", ""));
        shell.anchor("claims.csv." + key);
        ImGui::PopID();
    };
    for (const auto& d : print["municipalities"])
        doc_row(d.value("municipality", ""), shell.tr("claims.doc.municipality") + "　" + d.value("name", ""),
                d["payer"].value("name", ""), d);
    const json& summary = print["summary"];
    if (summary.is_object()) doc_row("summary", shell.tr("claims.doc.summary"), summary["federation"].value("name", ""), summary);
    ImGui::EndTable();
}

void claim_legacy_section(Shell& shell, const json& legacy) {
    if (!legacy.is_object()) return;
    if (!ImGui::CollapsingHeader(shell.tr("claims.legacy.site").c_str())) return;
    ImGui::TextDisabled("%s", shell.tr("claims.legacy.demo").c_str());
    if (ImGui::BeginTable("legacy", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit)) {
        ImGui::TableSetupColumn(shell.tr("claims.col.month").c_str(), 0, 100);
        ImGui::TableSetupColumn(shell.tr("claims.col.name").c_str(), 0, 160);
        ImGui::TableSetupColumn(shell.tr("claims.col.legacy_count").c_str(), 0, 120);
        ImGui::TableHeadersRow();
        for (const auto& r : legacy["rows"]) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.value("month", "").c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.value("municipality_name", "").c_str());
            ImGui::TableNextColumn();
            yen_right(r.value("count", std::int64_t{0}));
        }
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(1);
        ImGui::TextUnformatted(shell.tr("claims.total").c_str());
        ImGui::TableSetColumnIndex(2);
        yen_right(legacy.value("total", std::int64_t{0}));
        ImGui::EndTable();
    }
}

}  // namespace vsys::ui
