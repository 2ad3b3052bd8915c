// An organisation's key to an S3 exchange, sealed to one of its devices (docs/PROTOCOL.md §15
// "Credentials in the browser"). The operator (`vsys deployment s3-users`) makes one store user
// per organisation and writes, for each device key and each unclaimed enrolment code key of that
// organisation it finds on the exchange, a file
//   credentials/<org segment>/<recipient key hex>.sealed            (version 1)
//   credentials/<org segment>/<recipient key hex>/<version>.sealed  (version 2 and later: rotations)
// = canonical JSON {"key_id":ACCESS KEY,"org":O,"recipient":HEX,"schema":1,"sealed":BASE64,"version":N}
// where `sealed` is libsodium's crypto_box_seal, to the X25519 key converted from the recipient's
// Ed25519 key, of canonical JSON {"access_key","key_id","org","secret_key","version"}. Only the
// holder of the recipient's secret (the device, or whoever claims the code) can open it; the
// store lets only its administrator write under credentials/. Opening checks that the inner and
// outer key id, organisation and version agree and name the organisation asked for, so a file
// copied to another name or edited is refused, as is one opened with any other key.
// Every file is put-new, like the rest of the exchange: a rotation adds the next version beside
// the earlier ones, so a device finds its newest by listing its own folder (PROTOCOL §15
// "Rotation"). A device keeps its key in its own storage sealed the same way to its own key,
// never in a document, a bundle or an export; decode_clear_store_credential reads the clear form
// earlier builds kept, once, to seal it (app/sync/store_key.cpp).
#pragma once

#include <string>
#include <string_view>

#include "core/base/result.hpp"
#include "sync/keys.hpp"

namespace vsys::sync {

struct StoreCredential {
    std::string org;         // "muni:312011"
    std::string access_key;  // the store user's key id (not secret)
    std::string secret_key;
    int version = 1;         // raised by the operator when the organisation's key is replaced
};

// "credentials/<org segment>/<recipient hex>.sealed" for version 1 (the name kept from before
// rotations), "credentials/<org segment>/<recipient hex>/<version>.sealed" for version 2 and later.
std::string credential_path(std::string_view org, std::string_view recipient_public_hex, int version = 1);
// "credentials/<org segment>/<recipient hex>": the folder of a recipient's versions 2 and later.
std::string credential_folder(std::string_view org, std::string_view recipient_public_hex);
// The version a name in that folder holds ("7.sealed" → 7), 0 for any other name (or version 1,
// which is never stored there).
int credential_version_of(std::string_view name);

// The file for one recipient (an Ed25519 public key, hex). Errors: credential.recipient.
Result<std::string> seal_store_credential(const StoreCredential& c, std::string_view recipient_public_hex);

// Opens a file with the recipient's key pair. Errors: credential.format {detail} (not the JSON
// above), credential.recipient (sealed for another key), credential.open (wrong key, or the
// sealed bytes were altered), credential.mismatch {field} (inner and outer disagree, or another
// organisation's).
Result<StoreCredential> open_store_credential(std::string_view file, const KeyPair& recipient, std::string_view org);

// A file on the exchange as a reader can check it without the key (vsys verify): the JSON above,
// stored under the name its organisation, recipient and version give. Errors: credential.format {detail}.
Status check_credential_file(std::string_view path, std::string_view file);

// The clear form earlier builds kept in device storage ({"access_key","key_id","org","secret_key",
// "version"}), read only to seal it; anything incomplete is refused (credential.format).
Result<StoreCredential> decode_clear_store_credential(std::string_view text);

}  // namespace vsys::sync
