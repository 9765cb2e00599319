// `address`: a keyed street address from the built-in lists, "742 Maple Street, Springfield".
// No word or house number of the original is reused, not even inside a longer one.
#include <charconv>

#include "sync/anonymize/fit_length.hpp"
#include "sync/anonymize/keyed_hash.hpp"
#include "sync/anonymize/strategy_factories.hpp"
#include "sync/anonymize/word_lists.hpp"

namespace confiture::sync::anonymize {

namespace {

constexpr std::uint64_t kHouseNumbers = 9999;

class Address final : public Anonymizer {
 public:
  Address(const AnonKey& key, std::string_view seed, int max_length)
      : hash_(key, "address", seed), max_length_(max_length) {}

  bool apply(std::string_view value, std::string& out) override {
    KeyedHash::Digest digest = hash_.digest(value);
    std::uint64_t number = digest_u64(digest, 0) % kHouseNumbers;
    char digits[8];
    std::string_view house;
    for (std::uint64_t tries = 0; tries < kHouseNumbers; ++tries) {
      auto end = std::to_chars(digits, digits + sizeof digits, number + 1).ptr;
      house = std::string_view(digits, end - digits);
      if (!shares_fragment(value, house)) break;
      number = (number + 1) % kHouseNumbers;
    }
    out.append(house);
    out.push_back(' ');
    out.append(pick_word(street_names(), digest_u64(digest, 8), value));
    out.push_back(' ');
    out.append(pick_word(street_suffixes(), digest_u64(digest, 16), value));
    out.append(", ");
    out.append(pick_word(city_names(), digest_u64(digest, 24), value));
    fit_length(out, max_length_);
    return true;
  }

 private:
  KeyedHash hash_;
  int max_length_;
};

}  // namespace

std::unique_ptr<Anonymizer> make_address(const StrategyArgs& args) {
  return std::make_unique<Address>(*args.key, args.spec.seed, args.column.max_length);
}

}  // namespace confiture::sync::anonymize
