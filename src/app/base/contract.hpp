// Typed contracts between the screens and the App (ARCHITECTURE.md "Typed contracts"): a
// command or a view's question is a C++ struct of its feature; screens emit the struct and read
// the typed answer, and JSON appears only at the window.vsys edge, through the one codec each
// type has.
//
// A typed command C (in namespace vsys, declared in its feature's header):
//   struct C {
//       static constexpr const char* type = "confirm_delivery";   // its name at the edge
//       ...members...
//       static Result<C> read(const nlohmann::json& args);       // the codec: strict, naming fields
//   };
//   Result<PreparedCommand> prepare(App&, const C&);            // the rules (cmd_*.cpp)
// registered with command_entry<C>(); screens call App::run(c) (Shell::run(c, toast)).
//
// A typed view question Q:
//   struct Q {
//       static constexpr const char* name = "deliveries";          // its name at the edge
//       using View = DeliveriesView;                               // the typed answer
//       ...arguments...
//       static Result<Q> read(const nlohmann::json& args);
//       bool operator==(const Q&) const = default;                 // screens keep answers by it
//   };
//   Result<Prepared<DeliveriesView>> prepare(App&, const Q&);
//   nlohmann::json to_json(const DeliveriesView&);                // the codec out
// registered with view_entry<Q>(); screens call App::ask(q) (ui::KeptView<Q>).
//
// A command that answers something besides its versions (a bundle file, an import's report)
// declares `using Answer = A;`, its prepare returns Result<PreparedAnswer<A>>, and
// `nlohmann::json to_json(const A&)` gives window.vsys the answer's members; App::run(c) then
// answers Result<A>.
// Either path is checked for access in the one place App::command and App::view use.
// read() is skipped on the typed path (a screen's command goes straight to prepare), so read()
// parses shapes and types only; every rule (number ranges through check_number, text lengths,
// existence, states) is checked in prepare(), and a typed command is refused as its JSON twin.
#pragma once

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/base/command_table.hpp"
#include "core/base/result.hpp"

namespace vsys {

// A view's question made ready: the organisation whose data it shows (access is checked on it
// before anything is built) and how to build the typed answer.
template <class V>
struct Prepared {
    std::string target_org;
    std::function<Result<V>()> build;
};

// A command made ready, with its typed answer (built after the command was applied).
template <class A>
struct PreparedAnswer {
    PreparedCommand command;
    std::function<A()> answer;
};

template <class C>
concept AnsweringCommand = requires { typename C::Answer; };

// The window.vsys edge of a typed command: its JSON read by C's codec, then its rules; an
// answer's members join the JSON answer.
template <class C>
CommandEntry command_entry() {
    return CommandEntry{C::type, [](App& app, const nlohmann::json& args) -> Result<PreparedCommand> {
                            auto c = C::read(args);
                            if (!c) return c.error();
                            if constexpr (AnsweringCommand<C>) {
                                auto p = prepare(app, *c);
                                if (!p) return p.error();
                                PreparedCommand out = std::move(p->command);
                                out.answer = [answer = std::move(p->answer)]() { return to_json(answer()); };
                                return out;
                            } else {
                                return prepare(app, *c);
                            }
                        }};
}

// The window.vsys edge of a typed view: the question read by Q's codec, the answer written by
// the answer's.
template <class Q>
ViewEntry view_entry() {
    return ViewEntry{Q::name, [](App& app, const nlohmann::json& args) -> Result<PreparedView> {
                         auto q = Q::read(args);
                         if (!q) return q.error();
                         auto p = prepare(app, *q);
                         if (!p) return p.error();
                         return PreparedView{p->target_org, [build = p->build]() -> Result<nlohmann::json> {
                                                 auto v = build();
                                                 if (!v) return v.error();
                                                 return to_json(*v);
                                             }};
                     }};
}

}  // namespace vsys
