#include "app/app.hpp"

#include "sync/crypto.hpp"

namespace vsys {

namespace {
const std::string k_settings_key = "device/settings/main";

std::string version_hash(const DocumentVersion& d) {
    auto j = to_json(d);
    j.erase("hash");
    return crypto::blake2b_256_hex(j.dump());
}
}  // namespace

App::App(Storage& storage, std::string data_dir, AppInfo info, Clock clock)
    : persistence_(storage, std::move(data_dir)), info_(std::move(info)), clock_(std::move(clock)) {}

void App::open() {
    heads_.clear();
    settings_ = Settings{};
    for (auto& v : persistence_.load()) absorb(v);
    ++revision_;
}

void App::absorb(const DocumentVersion& v) {
    auto& head = heads_[v.key()];
    if (head.hash.empty() || v.version >= head.version) head = v;
    if (v.key() == k_settings_key) settings_ = settings_from_document(head);
}

DocumentVersion App::next_version(const std::string& owner, const std::string& kind, const std::string& id,
                                  nlohmann::json body) const {
    DocumentVersion d;
    d.owner = owner;
    d.kind = kind;
    d.id = id;
    d.body = std::move(body);
    d.time = clock_();
    d.author = "device";
    if (auto it = heads_.find(d.key()); it != heads_.end()) {
        d.version = it->second.version + 1;
        d.replaces = it->second.hash;
    }
    d.hash = version_hash(d);
    return d;
}

Result<std::vector<DocumentVersion>> App::commit(std::vector<DocumentVersion> versions) {
    auto st = persistence_.append(versions);
    if (!st) return st.error();
    for (const auto& v : versions) absorb(v);
    ++revision_;
    std::vector<DocumentVersion> current;
    for (const auto& [_, v] : heads_) current.push_back(v);
    persistence_.compact_if_needed(current);  // best effort: the append above is already safe
    return versions;
}

Result<std::vector<DocumentVersion>> App::apply(const UpdateSettings& c) {
    Settings next = settings_;
    if (c.language) next.language = *c.language;
    if (c.device_name) {
        auto st = validate_device_name(*c.device_name);
        if (!st) return st.error();
        next.device_name = *c.device_name;
    }
    return commit({next_version("device", "settings", "main", settings_body(next))});
}

Result<std::vector<DocumentVersion>> App::dispatch(const Command& c) {
    return std::visit([this](const auto& cmd) { return apply(cmd); }, c);
}

nlohmann::json App::error_json(const Error& e) const {
    nlohmann::json err = {{"code", e.code}, {"message", error_text(e)}};
    if (!e.args.empty()) {
        nlohmann::json args = nlohmann::json::object();
        for (const auto& [k, v] : e.args) args[k] = v;
        err["args"] = args;
    }
    return {{"ok", false}, {"error", err}};
}

nlohmann::json App::command_json(const std::string& text) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) return error_json(Error{"command.invalid_json", "invalid JSON"});
    auto c = parse_command(j);
    if (!c) return error_json(c.error());
    auto r = dispatch(*c);
    if (!r) return error_json(r.error());
    nlohmann::json out = {{"ok", true}, {"revision", revision_}, {"versions", nlohmann::json::array()}};
    for (const auto& v : *r) out["versions"].push_back({{"key", v.key()}, {"version", v.version}, {"hash", v.hash}});
    return out;
}

nlohmann::json App::view_json(const std::string& name, const std::string& args_text) {
    auto args = args_text.empty() ? nlohmann::json::object() : nlohmann::json::parse(args_text, nullptr, false);
    if (args.is_discarded() || !args.is_object()) return error_json(Error{"command.invalid_json", "invalid JSON"});
    auto r = view(name, args);
    if (!r) return error_json(r.error());
    return {{"ok", true}, {"view", *r}};
}

Result<nlohmann::json> App::view(const std::string& name, const nlohmann::json& args) {
    if (name == "settings") {
        if (!args.empty()) return Error{"arg.unknown", "settings takes no arguments", {{"name", args.begin().key()}}};
        return settings_body(settings_);
    }
    if (name == "about") {
        if (!args.empty()) return Error{"arg.unknown", "about takes no arguments", {{"name", args.begin().key()}}};
        auto u = persistence_.usage();
        nlohmann::json problems = persistence_.problems();
        return nlohmann::json{{"version", info_.version},
                              {"build_id", info_.build_id},
                              {"storage", {{"files", u.files}, {"bytes", u.bytes}, {"segments", persistence_.segment_count()}}},
                              {"storage_problems", problems}};
    }
    return Error{"view.unknown", "unknown view " + name, {{"name", name}}};
}

}  // namespace vsys
