// 分配シミュレーション: the nation (①), a prefecture (②) or a municipality (④) chooses a mode
// (only those valid for the round's product at its level), a rounding method, the total (the
// nation only) and fixed values per child, and runs the split; the table shows each child's
// request, weight, ideal share, result and difference with the engine's explanation on hover,
// a bar chart sets request against result, a second mode can be compared side by side, and the
// result shown is registered exactly as it was run. The amount can also be split in tranches
// (FACTS.md round 9: 8,000 boxes by population + 2,000 by request): the user adds parts (amount
// and mode), sees whether they and the fixed values add up to the amount to split, and the table
// shows each part's result and the total. The table is the shared Table (1,741 municipalities or
// thousands of sites drawn through its clipper; sorting, filter, totals, CSV), 理想配分 a decimal
// with the exact fraction on hover; the chart draws only the bars in view.
//
// Index:
// [SECTION] the screen state and the simulation run
// [SECTION] controls
// [SECTION] the result: summary, chart, table
// [SECTION] the screen
#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <map>
#include <unordered_map>

#include "app/allocation/chain_fields.hpp"
#include "ui/allocation/allocation_ui.hpp"
#include "ui/shell/screen_registry.hpp"
#include "ui/shell/shell.hpp"
#include "ui/allocation/simulation_tranches.hpp"
#include "ui/allocation/site_adjustment.hpp"
#include "ui/shell/theme.hpp"
#include "ui/widgets/fields.hpp"
#include "ui/widgets/table.hpp"
#include "ui/widgets/widgets.hpp"

namespace vsys::ui {

namespace {

using nlohmann::json;

const char* const k_methods[] = {"hamilton", "dhondt", "sainte_lague", "adams", "dean", "huntington_hill"};
const ImVec4 k_request_colour{0.62f, 0.70f, 0.82f, 1.0f};
const ImVec4 k_b_colour{0.85f, 0.55f, 0.15f, 1.0f};

struct SimScreen {
    std::string round;  // the children and the inputs belong to one split: this round's, the user's
    std::string level;  // the split level (requests view): nation, prefecture or municipality
    std::vector<SimModeChoice> modes;
    std::size_t max_parts = 0;
    int mode = 0, mode_b = 1, method = 0;
    bool compare = false, cap_by_request = false;
    std::int64_t total = 0;
    // Below the nation, what the level above gave (from round_state, then from each run): shown
    // beside the parts so that the user sees the remainder before running.
    std::optional<std::int64_t> amount;
    TrancheInputs tranches;
    json children = json::array();  // org, name, boxes (requested) before any run
    std::map<std::string, std::optional<std::int64_t>> fixed;  // 固定値 typed (none: not fixed)
    json result;                                    // the simulation view of the last run
    std::unordered_map<std::string, std::size_t> row_of;  // org → index in result rows
    json spec_a, spec_b;                            // what was run, registered as it is
    std::string error;
    SiteAdjustment adjustment;                      // ④: boxes, needles and syringes per site
    std::string fixed_refusal;  // a refused 固定値 of the last frame, shown above the table
    std::uint64_t runs = 0;  // counts the runs: the table's model is built again after each
    KeptTable table;
};

bool nation(const SimScreen& sim) { return sim.level == "nation"; }

// [SECTION] the screen state and the simulation run
// The inputs of a new split: the modes valid at the user's level for the round's product and
// the children with their requests, as the requests view gives them.
void reset(Shell& shell, SimScreen& sim, const json& round) {
    sim = SimScreen{};
    sim.round = round.value("code", "");
    auto v = shell.app().view("requests", {{"round", round.value("code", "")}});
    if (!v) {
        sim.error = shell.app().error_text(v.error());
        return;
    }
    sim.level = v->value("split_level", "");
    for (const auto& m : (*v)["modes"]) sim.modes.push_back({m.value("id", ""), m.value("population", false)});
    sim.max_parts = v->value("max_tranches", std::size_t{0});
    sim.mode_b = sim.modes.size() > 1 ? 1 : 0;
    sim.children = (*v)["children"];
    // The nation splits the boxes it has; start from what was requested in total.
    sim.total = (*v)["total"].value("boxes", 0);
    if (!nation(sim)) {
        auto state = shell.app().view("round_state", {{"round", round.value("code", "")}});
        if (state && (*state)["amount"].is_number_integer()) sim.amount = (*state)["amount"].get<std::int64_t>();
    }
}

// The fixed values given (a refused entry keeps the field's last valid value and blocks 実行).
std::map<std::string, std::int64_t> typed_fixed(const SimScreen& sim) {
    std::map<std::string, std::int64_t> out;
    for (const auto& [org, n] : sim.fixed)
        if (n) out[org] = *n;
    return out;
}

// The spec of mode A (with the parts, when split in tranches) or of mode B.
json spec_of(const SimScreen& sim, int mode_index, bool with_parts) {
    const SimModeChoice& m = sim.modes[static_cast<std::size_t>(mode_index)];
    json s = {{"mode", m.id}, {"method", k_methods[sim.method]}};
    if (nation(sim)) s["total"] = sim.total;
    if (m.population && sim.cap_by_request) s["cap_by_request"] = true;
    json fixed = json::object();
    for (const auto& [org, n] : typed_fixed(sim)) fixed[org] = n;
    if (!fixed.empty()) s["fixed"] = fixed;
    if (with_parts) s["tranches"] = tranches_arg(sim.modes, sim.tranches);
    return s;
}

void run(Shell& shell, SimScreen& sim, const std::string& round) {
    sim.spec_a = spec_of(sim, sim.mode, sim.tranches.on);
    sim.spec_b = sim.compare ? spec_of(sim, sim.mode_b, false) : json();
    json args = sim.spec_a;
    args["round"] = round;
    if (sim.compare) args["compare"] = sim.spec_b;
    auto v = shell.app().view("simulation", args);
    sim.error = v ? std::string() : shell.app().error_text(v.error());
    sim.result = v ? *v : json();
    sim.row_of.clear();
    ++sim.runs;
    if (!v) return;
    for (std::size_t i = 0; i < sim.result["rows"].size(); ++i) sim.row_of[sim.result["rows"][i].value("org", "")] = i;
    if (!nation(sim)) sim.amount = sim.result.value("total", std::int64_t{0});
}

// Whether the inputs changed since the result shown was run: registering it then would record a
// split other than the one the user now sees chosen (a mode switched after running, a fixed
// value typed), so it must be run again first.
bool stale(const SimScreen& sim) {
    if (sim.result.is_null()) return false;
    const json b = sim.compare ? spec_of(sim, sim.mode_b, false) : json();
    return spec_of(sim, sim.mode, sim.tranches.on) != sim.spec_a || b != sim.spec_b;
}

void register_result(Shell& shell, SimScreen& sim, const std::string& round, const json& spec) {
    const char* type = nation(sim)                 ? "set_prefecture_amounts"
                       : sim.level == "prefecture" ? "register_municipality_amounts"
                                                   : "register_site_amounts";
    sim.error = shell.run({{"type", type}, {"round", round}, {"simulation", spec}}, "sim.registered");
}

// [SECTION] controls
void mode_radios(Shell& shell, const SimScreen& sim, const char* label_key, const char* anchor, int& chosen) {
    if (label_key) form_label(shell.tr(label_key), 160);
    for (std::size_t i = 0; i < sim.modes.size(); ++i) {
        const char* id = sim.modes[i].id.c_str();
        // Radio buttons side by side while they fit on the line (a phone takes them one a line).
        const std::string label = shell.tr(std::string("chain.mode.") + id);
        if (i > 0) same_line_if_room(ImGui::GetFrameHeight() + ImGui::CalcTextSize(label.c_str()).x + 8, ImGui::GetStyle().ItemSpacing.x);
        ImGui::PushID(anchor);
        ImGui::RadioButton(label.c_str(), &chosen, static_cast<int>(i));
        ImGui::PopID();
        shell.anchor(std::string(anchor) + "." + id);
    }
}

// The amount the parts and the fixed values must add up to, when the screen knows it.
std::optional<std::int64_t> amount_to_split(const SimScreen& sim) {
    return nation(sim) ? std::optional<std::int64_t>(sim.total) : sim.amount;
}

std::int64_t fixed_sum(const SimScreen& sim) {
    std::int64_t sum = 0;
    for (const auto& [org, n] : typed_fixed(sim)) sum += n;
    return sum;
}

void controls(Shell& shell, SimScreen& sim, const std::string& round) {
    // Three compact rows, so that the table keeps most of a 1366x768 screen. In tranches each
    // part has its own mode: mode A's choice then does not apply.
    ImGui::BeginDisabled(sim.tranches.on);
    mode_radios(shell, sim, "sim.mode", "sim.mode", sim.mode);
    ImGui::EndDisabled();
    const std::string method = shell.tr("sim.method");
    same_line_if_room(ImGui::CalcTextSize(method.c_str()).x + 240, 36);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(method.c_str());
    ImGui::SameLine();
    field_width(230);
    if (ImGui::BeginCombo("##method", shell.tr(std::string("sim.method.") + k_methods[sim.method]).c_str())) {
        for (int i = 0; i < 6; ++i) {
            if (ImGui::Selectable(shell.tr(std::string("sim.method.") + k_methods[i]).c_str(), i == sim.method)) sim.method = i;
            shell.anchor("sim.method." + std::to_string(i));
        }
        ImGui::EndCombo();
    }
    shell.anchor("sim.method");
    if (!sim.tranches.on && sim.modes[static_cast<std::size_t>(sim.mode)].population) {
        same_line_if_room(ImGui::GetFrameHeight() + ImGui::CalcTextSize(shell.tr("sim.cap_by_request").c_str()).x + 8,
                          ImGui::GetStyle().ItemSpacing.x);
        ImGui::Checkbox(shell.tr("sim.cap_by_request").c_str(), &sim.cap_by_request);
        shell.anchor("sim.cap");
    }
    ImGui::Checkbox(shell.tr("sim.compare").c_str(), &sim.compare);
    shell.anchor("sim.compare");
    if (sim.compare && sim.modes.size() > 1) {
        same_line_if_room(ImGui::GetFontSize() * 8, 24);
        mode_radios(shell, sim, nullptr, "sim.mode_b", sim.mode_b);
    }
    tranche_section(shell, sim.modes, sim.tranches, amount_to_split(sim), fixed_sum(sim), sim.max_parts);
    if (nation(sim)) {
        form_label(shell.tr("sim.total"), 160);
        number_field(shell, "sim.total", sim.total, boxes_rule("sim.total"), 160, MessagePlace::beside,
                     shell.tr("alloc.boxes_unit"));
        ImGui::SameLine(0, 36);
    }
    ImGui::BeginDisabled(fields_invalid(shell));
    if (ImGui::Button(shell.tr("sim.run").c_str())) run(shell, sim, round);
    ImGui::EndDisabled();
    shell.anchor("sim.run");
    const bool changed = stale(sim);
    if (!sim.result.is_null()) {
        ImGui::SameLine();
        ImGui::BeginDisabled(changed);
        if (ImGui::Button(shell.tr(sim.spec_b.is_null() ? "sim.register" : "sim.register_a").c_str()))
            register_result(shell, sim, round, sim.spec_a);
        shell.anchor("sim.register");
        if (!sim.spec_b.is_null()) {
            ImGui::SameLine();
            if (ImGui::Button(shell.tr("sim.register_b").c_str())) register_result(shell, sim, round, sim.spec_b);
            shell.anchor("sim.register_b");
        }
        ImGui::EndDisabled();
    }
    if (changed) {
        notice(shell.tr("sim.stale"), ImGui::GetContentRegionAvail().x);
        shell.anchor("sim.stale");
    }
    field_message(sim.error, true);
}

// [SECTION] the result: summary, chart, table
std::string summary(Shell& shell, const json& s, const json& spec) {
    const bool in_parts = spec.contains("tranches") && !spec["tranches"].empty();
    return fill_placeholders(shell.tr("sim.summary"),
                             {{"mode", shell.tr("chain.mode." + (in_parts ? std::string("tranches") : spec.value("mode", "")))},
                              {"total", format_grouped(s.value("total", std::int64_t{0}))},
                              {"allocated", format_grouped(s.value("allocated", std::int64_t{0}))},
                              {"unallocated", format_grouped(s.value("unallocated", std::int64_t{0}))},
                              {"requested", format_grouped(s.value("requested", std::int64_t{0}))}});
}

// Request against result (and the second mode's result) per child: only the bars in view.
void chart(Shell& shell, const SimScreen& sim) {
    const json& rows = sim.result["rows"];
    const json* b_rows = sim.result.contains("compare") ? &sim.result["compare"]["rows"] : nullptr;
    const std::size_t n = rows.size();
    if (n == 0) return;
    std::int64_t top = 1;
    for (std::size_t i = 0; i < n; ++i) {
        top = std::max({top, rows[i].value("request", std::int64_t{0}), rows[i].value("result", std::int64_t{0})});
        if (b_rows) top = std::max(top, (*b_rows)[i].value("b", std::int64_t{0}));
    }
    ImGui::ColorButton("##lr", k_request_colour, ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
    ImGui::SameLine();
    ImGui::TextUnformatted(shell.tr("alloc.col.request").c_str());
    ImGui::SameLine();
    ImGui::ColorButton("##la", colour::confirmed, ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
    ImGui::SameLine();
    ImGui::TextUnformatted(shell.tr(b_rows ? "sim.col.a" : "sim.col.result").c_str());
    if (b_rows) {
        ImGui::SameLine();
        ImGui::ColorButton("##lb", k_b_colour, ImGuiColorEditFlags_NoTooltip, ImVec2(12, 12));
        ImGui::SameLine();
        ImGui::TextUnformatted(shell.tr("sim.col.b").c_str());
    }
    const float height = 100.0f;
    ImGui::BeginChild("##chart", ImVec2(0, height + 28), true, ImGuiWindowFlags_HorizontalScrollbar);
    const int bars = b_rows ? 3 : 2;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float group = std::clamp(avail / static_cast<float>(n), 4.0f * bars + 4, 48.0f);
    const float bar = (group - 4) / static_cast<float>(bars);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(group * static_cast<float>(n), height));
    const float scroll = ImGui::GetScrollX();
    const float width = ImGui::GetWindowWidth();
    const std::size_t first = static_cast<std::size_t>(std::max(0.0f, scroll / group));
    const std::size_t last = std::min(n, static_cast<std::size_t>((scroll + width) / group) + 2);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float base = origin.y + height;
    auto draw_bar = [&](std::size_t i, int k, std::int64_t value, const ImVec4& c) {
        const float x = origin.x + group * static_cast<float>(i) + 2 + bar * static_cast<float>(k);
        const float h = height * static_cast<float>(value) / static_cast<float>(top);
        dl->AddRectFilled(ImVec2(x, base - h), ImVec2(x + bar - 1, base), ImGui::GetColorU32(c));
    };
    for (std::size_t i = first; i < last; ++i) {
        draw_bar(i, 0, rows[i].value("request", std::int64_t{0}), k_request_colour);
        draw_bar(i, 1, rows[i].value("result", std::int64_t{0}), colour::confirmed);
        if (b_rows) draw_bar(i, 2, (*b_rows)[i].value("b", std::int64_t{0}), k_b_colour);
    }
    dl->AddLine(ImVec2(origin.x, base), ImVec2(origin.x + group * static_cast<float>(n), base), ImGui::GetColorU32(colour::muted));
    if (ImGui::IsWindowHovered()) {
        const float mx = ImGui::GetIO().MousePos.x - origin.x;
        const std::size_t i = static_cast<std::size_t>(std::max(0.0f, mx / group));
        if (i < n) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(rows[i].value("name", "").c_str());
            ImGui::Text("%s %s / %s %s", shell.tr("alloc.col.request").c_str(),
                        format_grouped(rows[i].value("request", std::int64_t{0})).c_str(), shell.tr("sim.col.result").c_str(),
                        format_grouped(rows[i].value("result", std::int64_t{0})).c_str());
            ImGui::EndTooltip();
        }
    }
    ImGui::EndChild();
    shell.anchor("sim.chart");
}

TableCell signed_cell(std::int64_t d, CellTone tone = CellTone::normal) {
    return {std::string(d > 0 ? "+" : "") + format_grouped(d), d, false, "", tone};
}

// The rows of the table: one per child, with the last run's result when there is one.
void build_model(Shell& shell, const SimScreen& sim, TableModel& m) {
    const bool compared = sim.result.contains("compare");
    const std::size_t parts = sim.result.is_object() ? sim.result.value("tranches", json::array()).size() : 0;
    const std::string unit = shell.tr("alloc.boxes_unit");
    m.columns = {{shell.tr("sim.col.child"), false, "", 0, false}, {shell.tr("alloc.col.request"), true, unit, 0, true}};
    if (parts > 0) {
        for (std::size_t t = 0; t < parts; ++t)
            m.columns.push_back({fill_placeholders(shell.tr("sim.tranche.part"), {{"n", std::to_string(t + 1)}}), true, "", 0, true});
    } else {
        m.columns.push_back({shell.tr("sim.col.weight"), true, "", 0, false});
        m.columns.push_back({shell.tr("sim.col.share"), true, "", 0, false, false, 2});  // in hundredths
    }
    m.columns.push_back({shell.tr("sim.col.fixed"), false, "", ImGui::GetFontSize() * 5, false, true});
    m.columns.push_back({shell.tr(compared ? "sim.col.a" : parts > 0 ? "sim.col.total" : "sim.col.result"), true, unit, 0, true});
    m.columns.push_back({shell.tr("sim.col.difference"), true, "", 0, true});
    if (compared) {
        m.columns.push_back({shell.tr("sim.col.b"), true, unit, 0, true});
        m.columns.push_back({shell.tr("sim.col.b_minus_a"), true, "", 0, true});
    }
    m.rows.clear();
    const TableCell none{"", 0, true};
    for (const json& c : sim.children) {
        const auto at = sim.row_of.find(c.value("org", ""));
        const json* r = at == sim.row_of.end() ? nullptr : &sim.result["rows"][at->second];
        // The engine's explanation of the row, on hover over its name and its numbers.
        const std::string why = r ? r->value("explanation", "") : std::string();
        std::vector<TableCell> row{{c.value("name", ""), 0, false, why}, {"", c.value("boxes", std::int64_t{0})}};
        if (parts > 0) {
            for (std::size_t t = 0; t < parts; ++t) {
                const bool has = r && (*r)["parts"].is_array() && t < (*r)["parts"].size();
                row.push_back(has ? TableCell{"", (*r)["parts"][t].value("result", std::int64_t{0}), false, why} : none);
            }
        } else {
            row.push_back(r ? TableCell{"", r->value("weight", std::int64_t{0})} : none);
            // 理想配分 as a decimal; the exact fraction the engine works with on hover.
            const json share = r ? (*r)["share"] : json();
            if (share.is_object()) {
                const auto whole = share.value("whole", std::int64_t{0}), num = share.value("num", std::int64_t{0}),
                           den = share.value("den", std::int64_t{1});
                row.push_back({"", scaled_decimal(whole, num, den), false, share.value("text", "") + (why.empty() ? "" : "\n" + why)});
            } else {
                row.push_back(none);
            }
        }
        row.push_back({});  // the fixed value's field
        if (r) {
            row.push_back({"", r->value("result", std::int64_t{0}), false, why, CellTone::confirmed});
            const std::int64_t d = r->value("difference", std::int64_t{0});
            row.push_back(signed_cell(d, d < 0 ? CellTone::error : CellTone::normal));
        } else {
            row.push_back(none);
            row.push_back(none);
        }
        if (compared) {
            const json& crow = sim.result["compare"]["rows"][at == sim.row_of.end() ? 0 : at->second];
            row.push_back(r ? TableCell{"", crow.value("b", std::int64_t{0}), false, "", CellTone::pending} : none);
            row.push_back(r ? signed_cell(crow.value("difference", std::int64_t{0})) : none);
        }
        m.rows.push_back(std::move(row));
    }
}

// In tranches the weight and share columns give way to one result column per part (each part's
// weight and share are in the explanation on hover), and the result column is the total.
void table(Shell& shell, SimScreen& sim) {
    field_message(sim.fixed_refusal, true);
    sim.fixed_refusal.clear();
    if (sim.table.stale(sim.runs)) build_model(shell, sim, sim.table.model);
    TableOptions o{"sim.table", 0, sim.children.size() > 8, "simulation.csv"};
    o.draw_cell = [&](int row, int) {
        const json& c = sim.children[static_cast<std::size_t>(row)];
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(4, 0));  // rows stay one line high
        // The refusal shows in the cell's tooltip and above the table (sim.fixed_refusal).
        const FieldResult f = optional_number_field(shell, "sim.fixed." + std::to_string(row), sim.fixed[c.value("org", "")],
                                                    boxes_rule("sim.col.fixed"), -1, MessagePlace::caller);
        if (!f.valid) sim.fixed_refusal = c.value("name", "") + ": " + f.message;
        ImGui::PopStyleVar();
    };
    draw_table(shell, "sim", sim.table.model, sim.table.built, sim.table.state, o);
    shell.anchor("sim.table");
}

}  // namespace

// [SECTION] the screen
void draw_simulation(Shell& shell) {
    screen_title(shell.tr("screen.simulation"));
    form_label(shell.tr("alloc.round"), 160);
    round_picker(shell, "sim.round");
    const json* round = current_round(shell);
    if (!round) {
        ImGui::TextDisabled("%s", shell.tr("alloc.no_round").c_str());
        return;
    }
    const std::string code = round->value("code", "");
    SimScreen& sim = shell.state<SimScreen>();
    if (sim.round != code) reset(shell, sim, *round);
    if (sim.modes.empty()) {
        field_message(sim.error, true);
        return;
    }
    ImGui::SameLine(0, 24);
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("%s", fill_placeholders(shell.tr("sim.about"), {{"product", round->value("product_name", "")},
                                                                       {"level", shell.tr("sim.level." + sim.level)}})
                                  .c_str());
    controls(shell, sim, code);
    if (!sim.result.is_null()) {
        ImGui::TextUnformatted(summary(shell, sim.result, sim.spec_a).c_str());
        shell.anchor("sim.summary");
        const json parts = sim.result.value("tranches", json::array());
        if (!parts.empty()) {
            std::string line;
            for (std::size_t t = 0; t < parts.size(); ++t) {
                const std::string label = fill_placeholders(
                    shell.tr("sim.tranche.label"), {{"n", std::to_string(t + 1)},
                                                    {"mode", shell.tr("chain.mode." + parts[t].value("mode", ""))},
                                                    {"amount", format_grouped(parts[t].value("amount", std::int64_t{0}))}});
                if (t > 0) line += "   ";
                line += fill_placeholders(shell.tr("sim.tranche.summary"),
                                          {{"label", label},
                                           {"allocated", format_grouped(parts[t].value("allocated", std::int64_t{0}))},
                                           {"unallocated", format_grouped(parts[t].value("unallocated", std::int64_t{0}))}});
            }
            ImGui::PushStyleColor(ImGuiCol_Text, colour::muted);
            ImGui::TextWrapped("%s", line.c_str());
            ImGui::PopStyleColor();
            shell.anchor("sim.tranche.summary");
        }
        if (sim.result.contains("compare"))
            ImGui::TextColored(k_b_colour, "%s", summary(shell, sim.result["compare"], sim.spec_b).c_str());
        chart(shell, sim);
        if (sim.level == "municipality" && !sim.result.contains("compare"))
            site_adjustment_section(shell, sim.adjustment, sim.result, sim.spec_a, code, stale(sim));
    }
    table(shell, sim);
}

}  // namespace vsys::ui
