#include "ui/shell/cached_view.hpp"

#include "app/base/app.hpp"

namespace vsys::ui {

const nlohmann::json& CachedView::get(App& app, const std::string& name, const nlohmann::json& args) {
    fresh_ = !loaded_ || revision_ != app.revision() || org_ != app.session().org || name_ != name || args_ != args;
    if (!fresh_) return value_;
    loaded_ = true;
    revision_ = app.revision();
    org_ = app.session().org;
    name_ = name;
    args_ = args;
    ++loads_;
    auto v = app.view(name, args);
    value_ = v ? std::move(*v) : nlohmann::json();
    error_ = v ? std::string() : app.error_text(v.error());
    return value_;
}

const nlohmann::json& CachedView::operator[](const char* key) const {
    static const nlohmann::json k_none;
    if (!value_.is_object()) return k_none;
    const auto it = value_.find(key);
    return it == value_.end() ? k_none : *it;
}

}  // namespace vsys::ui
