// The training kiosk: the role switcher and reset (cmd_kiosk.cpp); its screen is the home page's.
#include "app/base/feature.hpp"

namespace vsys {

const Feature& kiosk_feature() {
    static const Feature f{"kiosk", kiosk_commands(), kiosk_views(), {}};
    return f;
}

}  // namespace vsys
