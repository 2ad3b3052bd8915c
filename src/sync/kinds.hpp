// The registry of every document kind (core/documents/kind_registry.hpp), built by one explicit
// list of the features' registrations. It lives in sync, the lowest layer that sees every
// feature: core's features (directory, allocation, claims, settings and the reserved kinds) and
// identity's, which is defined here. Authority (authority.hpp), received versions' validation
// (bundle.cpp), the audience of a bundle and the app's check of what it writes all read it.
//
// Adding a document kind: register it in its feature's kinds.cpp; a new feature adds its
// register_<feature>_kinds call to the list in kinds.cpp.
#pragma once

#include "core/documents/kind_registry.hpp"

namespace vsys::sync {

const KindRegistry& document_kinds();

// Identity's kinds (identity_kinds.cpp): account, enrolment, unlock, unlock_request, device,
// and the device-local records of keys and enrolment (credential, chain, login,
// enrolment_code, enrolment_claim, kiosk, code_key: a claimed code's key, kept to open what
// was sealed to the code, sync/code_key.hpp).
void register_identity_kinds(KindRegistry& kinds);

}  // namespace vsys::sync
