// The list of features: adding one is its folders plus one line here.
#include "app/base/feature.hpp"

#include <vector>

namespace vsys {

std::span<const Feature> features() {
    static const std::vector<Feature> list = {
        session_feature(),  site_feature(), enrolment_feature(), claims_feature(),
        allocation_feature(), sync_feature(), settings_feature(), kiosk_feature(), reports_feature(), stock_feature(),
    };
    return list;
}

}  // namespace vsys
