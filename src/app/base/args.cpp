#include "app/base/args.hpp"

#include "sync/archive.hpp"

namespace vsys {

static_assert(k_max_command_bytes > sync::k_default_max_archive_bytes + sync::k_default_max_archive_bytes / 8,
              "import_bundle must be able to carry the largest bundle file");

input::JsonLimits command_text_limits() {
    input::JsonLimits l;
    l.max_bytes = k_max_command_bytes;
    l.max_values = k_max_command_values;
    return l;
}

input::JsonLimits view_text_limits() {
    input::JsonLimits l;
    l.max_bytes = k_max_view_bytes;
    l.max_values = k_max_command_values;
    return l;
}

ArgReader::ArgReader(const nlohmann::json& obj, std::set<std::string> ignored) : obj_(obj), read_(std::move(ignored)) {
    if (!obj_.is_object()) fail(Error{"command.invalid_json", "a JSON object is required"});
}

void ArgReader::fail(Error e) {
    if (!error_) error_ = std::move(e);
}

const nlohmann::json* ArgReader::find(const std::string& name) {
    read_.insert(name);
    if (!obj_.is_object()) return nullptr;
    auto it = obj_.find(name);
    if (it == obj_.end() || it->is_null()) return nullptr;
    return &*it;
}

static Error type_error(const std::string& name, const char* expected) {
    return Error{"arg.type", "field '" + input::excerpt(name) + "' must be " + expected,
                 {{"name", input::excerpt(name)}, {"expected", expected}}};
}

std::optional<std::string> ArgReader::optional_string(const std::string& name) {
    const auto* v = find(name);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        fail(type_error(name, "string"));
        return std::nullopt;
    }
    return v->get<std::string>();
}

std::optional<std::int64_t> ArgReader::optional_int(const std::string& name) {
    const auto* v = find(name);
    if (!v) return std::nullopt;
    if (!v->is_number_integer() || (v->is_number_unsigned() && v->get<std::uint64_t>() > INT64_MAX)) {
        fail(type_error(name, "integer"));
        return std::nullopt;
    }
    return v->get<std::int64_t>();
}

// A JSON value given for a number field, read by the field's rule.
static Result<std::int64_t> number_value(const nlohmann::json& v, const std::string& name, const NumberRule& rule) {
    if (v.is_string()) return read_number(v.get_ref<const std::string&>(), rule);
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > INT64_MAX) return number_out_of_range(rule);
    if (v.is_number_integer()) return check_number(v.get<std::int64_t>(), rule);
    return type_error(name, "integer");
}

std::optional<std::int64_t> ArgReader::optional_number(const std::string& name, const NumberRule& rule) {
    const auto* v = find(name);
    if (!v) return std::nullopt;
    auto n = number_value(*v, name, rule);
    if (!n) {
        fail(n.error());
        return std::nullopt;
    }
    return *n;
}

std::int64_t ArgReader::number(const std::string& name, const NumberRule& rule) {
    auto v = optional_number(name, rule);
    if (!v && !error_) fail(Error{"arg.missing", "field '" + name + "' is missing", {{"name", name}}});
    return v.value_or(0);
}

std::optional<bool> ArgReader::optional_bool(const std::string& name) {
    const auto* v = find(name);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
        fail(type_error(name, "boolean"));
        return std::nullopt;
    }
    return v->get<bool>();
}

std::string ArgReader::string(const std::string& name) {
    auto v = optional_string(name);
    if (!v && !error_) fail(Error{"arg.missing", "field '" + name + "' is missing", {{"name", name}}});
    return v.value_or("");
}

std::int64_t ArgReader::integer(const std::string& name) {
    auto v = optional_int(name);
    if (!v && !error_) fail(Error{"arg.missing", "field '" + name + "' is missing", {{"name", name}}});
    return v.value_or(0);
}

bool ArgReader::optional_object(const std::string& name, const std::function<void(ArgReader&)>& read) {
    const auto* v = find(name);
    if (!v) return false;
    if (!v->is_object()) {
        fail(type_error(name, "object"));
        return false;
    }
    ArgReader inner(*v, {});
    read(inner);
    if (auto e = inner.finish()) fail(std::move(*e));
    return true;
}

std::optional<Error> ArgReader::finish() {
    if (error_) return error_;
    if (obj_.is_object())
        for (auto it = obj_.begin(); it != obj_.end(); ++it)
            if (!read_.count(it.key()))
                return Error{"arg.unknown", "unknown field '" + input::excerpt(it.key()) + "'",
                             {{"name", input::excerpt(it.key())}}};
    return std::nullopt;
}

}  // namespace vsys
