// The app's storage over a file system (platform/posix_storage): what is written reads back
// byte for byte, large files included (the nation's segment is hundreds of MB, read in blocks);
// a missing file reads as nothing; a write replaces the whole file; list names the files.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "platform/posix_storage.hpp"

TEST_SUITE_BEGIN("session");

TEST_CASE("a file written atomically reads back byte for byte, past one read block; a missing one reads as nothing") {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("vsys-posix-storage-" + std::to_string(reinterpret_cast<std::uintptr_t>(&dir)));
    fs::remove_all(dir);
    vsys::PosixStorage storage;
    const std::string path = (dir / "seg-00000001.json").string();
    CHECK_FALSE(storage.read(path).has_value());

    std::string big;
    big.reserve(3 * (1 << 20) + 17);
    for (std::size_t i = 0; big.size() < 3 * (1 << 20) + 17; ++i) big += static_cast<char>((i * 131 + i / 7) & 0xff);  // NULs too
    REQUIRE(storage.write_atomic(path, big));
    const auto back = storage.read(path);
    REQUIRE(back.has_value());
    CHECK(back->size() == big.size());
    CHECK(*back == big);

    REQUIRE(storage.write_atomic(path, "short"));  // replaces the whole file
    CHECK(storage.read(path) == std::optional<std::string>("short"));
    REQUIRE(storage.write_atomic((dir / "empty").string(), ""));
    CHECK(storage.read((dir / "empty").string()) == std::optional<std::string>(""));
    CHECK(storage.list(dir.string()) == std::vector<std::string>{"empty", "seg-00000001.json"});
    REQUIRE(storage.remove(path));
    CHECK(storage.list(dir.string()) == std::vector<std::string>{"empty"});
    CHECK_FALSE(storage.read(path).has_value());  // in wasm, the file it replaced too (memfs_growth.js)
    fs::remove_all(dir);
}

TEST_SUITE_END();
