#include "core/directory/local_gov_index.hpp"

#include <span>
#include <vector>

namespace vsys {

namespace {

constexpr std::uint32_t k_not_a_code = 0xFFFFFFFFu;

// The six digits as a number, or k_not_a_code when the text is not six ASCII digits.
std::uint32_t number_of(std::string_view code) {
    if (code.size() != 6) return k_not_a_code;
    std::uint32_t n = 0;
    for (char ch : code) {
        const auto d = static_cast<std::uint32_t>(static_cast<unsigned char>(ch)) - '0';
        if (d > 9) return k_not_a_code;
        n = n * 10 + d;
    }
    return n;
}

// slots[n / 10] is id + 1 of the code whose five leading digits are n / 10 (0: none); numbers[id]
// is that code as a number, which settles the check digit. Small enough (200 KB and 7 KB) to
// stay in cache while a month of claims is checked.
struct Index {
    std::span<const LocalGov> all;
    std::vector<std::uint16_t> slots = std::vector<std::uint16_t>(100000, 0);
    std::vector<std::uint32_t> numbers;
};

const Index& index() {
    static const Index ix = [] {
        Index t;
        t.all = local_governments();
        const auto all = t.all;
        t.numbers.reserve(all.size());
        for (std::size_t i = 0; i < all.size(); ++i) {
            const std::uint32_t n = number_of(all[i].code);
            t.numbers.push_back(n);
            // Valid codes never share their five leading digits (the sixth is their check digit).
            if (n != k_not_a_code && i + 1 <= 0xFFFF) t.slots[n / 10] = static_cast<std::uint16_t>(i + 1);
        }
        return t;
    }();
    return ix;
}

}  // namespace

std::uint32_t local_gov_id(std::string_view code) noexcept {
    const std::uint32_t n = number_of(code);
    if (n == k_not_a_code) return k_no_local_gov;
    const Index& ix = index();
    const std::uint32_t slot = ix.slots[n / 10];
    if (slot == 0 || ix.numbers[slot - 1] != n) return k_no_local_gov;
    return slot - 1;
}

const LocalGov* find_local_gov_by_id(std::uint32_t id) noexcept {
    const auto all = index().all;
    return id < all.size() ? &all[id] : nullptr;
}

}  // namespace vsys
