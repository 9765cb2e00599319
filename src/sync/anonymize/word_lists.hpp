// The built-in lists that `name` and `address` pick from (plain ASCII, kept in word_lists.cpp),
// and the pick that never hands back a word of the value being replaced.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace confiture::sync::anonymize {

std::span<const std::string_view> first_names();
std::span<const std::string_view> last_names();
std::span<const std::string_view> street_names();
std::span<const std::string_view> street_suffixes();
std::span<const std::string_view> city_names();

// list[r % size], or the next entry sharing no fragment with `original`, so that "Carol" is
// replaced by neither "Carol" nor "Carolyn".
std::string_view pick_word(std::span<const std::string_view> list, std::uint64_t r,
                           std::string_view original);

// Whether `word` occurs in `original`, or a word of `original` (3 letters or digits or more)
// occurs in `word`; case is ignored.
bool shares_fragment(std::string_view original, std::string_view word);

}  // namespace confiture::sync::anonymize
