// Enrolment codes issued by the managing organisation (cmd_enrolment.cpp).
#include "app/base/feature.hpp"

namespace vsys {

namespace {
const ScreenInfo k_screens[] = {
    {"enrolment", "home.group.accounts", "screen.enrolment", "screen.enrolment.desc", k_managers, ""},
};
}  // namespace

const Feature& enrolment_feature() {
    static const Feature f{"enrolment", enrolment_commands(), {}, k_screens};
    return f;
}

}  // namespace vsys
