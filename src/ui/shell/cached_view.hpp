// One view of the App kept between frames, so that a screen does not rebuild it every frame:
// get() asks the App again only when the key changed — the App's revision (every applied
// change, sign-in or sync), the signed-in organisation, the view's name or its arguments — and
// otherwise answers what it kept. A refused view keeps its translated error beside a null value.
// A screen keeps its CachedViews in its state struct (Shell::state), so they go with the user.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace vsys {
class App;
}

namespace vsys::ui {

class CachedView {
public:
    // The view for these arguments at the App's current revision (null when refused).
    const nlohmann::json& get(App& app, const std::string& name,
                              const nlohmann::json& args = nlohmann::json::object());
    // True when the last get() asked the App (the value is new): edit buffers copy from it then.
    bool fresh() const { return fresh_; }
    // Whether the value it holds was answered (no error); true before the first get().
    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    const nlohmann::json& value() const { return value_; }
    // A member of the value, or null (which iterates as empty) when the view was refused or
    // has no such member: screens read big views in place, without copying them.
    const nlohmann::json& operator[](const char* key) const;
    // Forgets the value: the next get() asks the App whatever the key (a discard, a running sync).
    void reset() { loaded_ = false; }
    // How many times get() asked the App (tests count rebuilds with it).
    std::uint64_t loads() const { return loads_; }

private:
    bool loaded_ = false;
    bool fresh_ = false;
    std::uint64_t revision_ = 0;
    std::string org_, name_;
    nlohmann::json args_;
    nlohmann::json value_;
    std::string error_;
    std::uint64_t loads_ = 0;
};

}  // namespace vsys::ui
