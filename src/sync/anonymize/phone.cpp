// `phone`: every digit replaced by a keyed digit that differs from the original one at that place;
// the punctuation and spacing (the number's format) are kept.
#include "sync/anonymize/fit_length.hpp"
#include "sync/anonymize/keyed_hash.hpp"
#include "sync/anonymize/strategy_factories.hpp"

namespace confiture::sync::anonymize {

namespace {

class Phone final : public Anonymizer {
 public:
  Phone(const AnonKey& key, std::string_view seed, int max_length)
      : hash_(key, "phone", seed), max_length_(max_length) {}

  bool apply(std::string_view value, std::string& out) override {
    DerivedBytes bytes(hash_, value);
    for (char c : value) {
      if (c >= '0' && c <= '9') {
        // Adding 1..9 modulo 10 never gives the original digit back.
        out.push_back(static_cast<char>('0' + (c - '0' + 1 + bytes.next() % 9) % 10));
      } else {
        out.push_back(c);
      }
    }
    fit_length(out, max_length_);
    return true;
  }

 private:
  KeyedHash hash_;
  int max_length_;
};

}  // namespace

std::unique_ptr<Anonymizer> make_phone(const StrategyArgs& args) {
  return std::make_unique<Phone>(*args.key, args.spec.seed, args.column.max_length);
}

}  // namespace confiture::sync::anonymize
