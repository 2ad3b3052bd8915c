// The fields of the unlock request form (sign-in screen), with the limits the request document
// enforces (sync/identity.hpp), so the form states and counts them as the user types.
#pragma once

#include <cstddef>

#include "sync/identity.hpp"

namespace vsys::unlock_fields {

inline constexpr std::size_t institution = sync::k_unlock_institution_max;
inline constexpr std::size_t code = sync::k_unlock_code_max;
inline constexpr std::size_t name = sync::k_unlock_name_max;
inline constexpr std::size_t mail = sync::k_unlock_mail_max;

}  // namespace vsys::unlock_fields
