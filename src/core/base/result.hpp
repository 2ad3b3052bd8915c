// Errors as values. A domain function that can fail returns Result<T>: either a value or an
// Error whose `code` names a translatable message ("err.<code>" in assets/i18n/strings.tsv)
// and whose `args` fill its {placeholders}. Nothing in core throws across its API, so the
// same code behaves identically natively and in WebAssembly.
#pragma once

#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace vsys {

struct Error {
    std::string code;  // stable identifier, e.g. "code.check_digit"
    std::vector<std::pair<std::string, std::string>> args;  // placeholder → value
    std::string detail;  // English fallback text for logs and the CLI

    Error() = default;
    Error(std::string c, std::string d = {},
          std::vector<std::pair<std::string, std::string>> a = {})
        : code(std::move(c)), args(std::move(a)), detail(std::move(d)) {}

    std::string arg(const std::string& name) const {
        for (const auto& [k, v] : args)
            if (k == name) return v;
        return {};
    }
};

template <class T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

struct Unit {};
using Status = Result<Unit>;
inline Status ok_status() { return Unit{}; }

}  // namespace vsys
