// A typed view kept between frames (app/base/contract.hpp): get() asks the App again only when
// the App's revision (every applied change, sign-in or sync), the signed-in organisation or the
// question changed, and otherwise answers what it kept. A refused question keeps its translated
// error and no answer. A screen keeps its KeptViews in its state struct (Shell::state), so they
// go with the user. The one cache of the screens: nothing else keeps a view by revision.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/base/app.hpp"

namespace vsys::ui {

template <class Q>
class KeptView {
public:
    using View = typename Q::View;

    // The answer to `question` at the App's current revision, or nullptr when refused (error()).
    const View* get(App& app, const Q& question) {
        fresh_ = !question_ || revision_ != app.revision() || org_ != app.session().org || !(*question_ == question);
        if (fresh_) {
            question_ = question;
            revision_ = app.revision();
            org_ = app.session().org;
            ++loads_;
            auto v = app.ask(question);
            if (v) {
                view_ = std::move(*v);
                error_.clear();
            } else {
                view_.reset();
                error_ = app.error_text(v.error());
            }
        }
        return view_ ? &*view_ : nullptr;
    }
    // What the last get() answered (nullptr before the first, or when refused).
    const View* view() const { return view_ ? &*view_ : nullptr; }
    // True when the last get() asked the App (the answer is new): edit buffers copy from it then.
    bool fresh() const { return fresh_; }
    bool ok() const { return error_.empty(); }
    const std::string& error() const { return error_; }
    // Forgets the answer: the next get() asks the App whatever the key (a discard, a running sync).
    void reset() { question_.reset(); }
    // How many times get() asked the App (tests count rebuilds with it).
    std::uint64_t loads() const { return loads_; }

private:
    std::optional<Q> question_;
    std::uint64_t revision_ = 0;
    std::string org_;
    std::optional<View> view_;
    std::string error_;
    bool fresh_ = false;
    std::uint64_t loads_ = 0;
};

}  // namespace vsys::ui
