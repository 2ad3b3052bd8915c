// The text fields of a site's information and its doctors, with the core's limits (in
// characters), so the site screen states and counts the same limits update_site_info and
// set_doctors enforce.
#pragma once

#include <cstddef>

#include "core/directory/site.hpp"

namespace vsys::site_fields {

inline constexpr std::size_t name = k_max_site_name;
inline constexpr std::size_t reading = k_max_site_reading;
inline constexpr std::size_t address = k_max_site_address;
inline constexpr std::size_t phone = k_max_phone;
inline constexpr std::size_t mail = k_max_mail;
inline constexpr std::size_t representative = k_max_representative;
inline constexpr std::size_t doctor_name = k_max_doctor_name;
// 却下の理由 of a handled-vaccine change, in characters.
inline constexpr std::size_t decision_reason = 200;

}  // namespace vsys::site_fields
