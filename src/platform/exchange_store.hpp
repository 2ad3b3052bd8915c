// An exchange as the command-line tools see it (vsys verify, vsys mirror, deployment init,
// demo-data --exchange): the sync transport (list, get, put_new, the exchange's clock) plus
// all_files(), every file at once with its size, which a store can answer far more cheaply than
// a walk through list() (S3: one listing per 1,000 keys; a folder: one directory walk).
// Implementations: FolderStore here (a local folder), S3Transport (transport_s3.hpp),
// HttpTransport (transport_http.hpp); platform/native/open_exchange.hpp picks one from a string.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "platform/transport_folder.hpp"
#include "sync/transport.hpp"

namespace vsys {

struct ExchangeFile {
    std::string path;  // exchange path, '/'-separated
    std::uint64_t size = 0;
};

class ExchangeStore : public sync::Transport {
public:
    // Every file, sorted by path; names starting with '.' (a writer's unfinished files) left out.
    virtual Result<std::vector<ExchangeFile>> all_files() = 0;
    // Where it is, for messages: the folder or the URL it was opened from.
    virtual std::string where() const = 0;
    // True when deployment.json is there: init and demo-data refuse to write into a deployment.
    bool holds_deployment();
};

// A local folder (FolderTransport) as an ExchangeStore.
class FolderStore final : public ExchangeStore {
public:
    explicit FolderStore(std::string root) : root_(root), folder_(std::move(root)) {}
    Result<std::vector<std::string>> list(std::string_view folder) override { return folder_.list(folder); }
    Result<std::string> get(std::string_view path) override { return folder_.get(path); }
    Status put_new(std::string_view path, std::string_view bytes) override { return folder_.put_new(path, bytes); }
    Result<std::vector<ExchangeFile>> all_files() override;
    std::string where() const override { return root_; }

private:
    std::string root_;
    FolderTransport folder_;
};

}  // namespace vsys
