// `hash`: lowercase hex of the keyed HMAC-SHA-256 of the value, `length` hex characters (default
// 32 = 128 bits, at least 20 = 80 bits) after an optional `prefix`. Among 10^8 distinct inputs
// the chance of any two sharing an output is about n^2 / 2^(4*length+1): below 10^-8 at 20
// characters, below 10^-22 at 32. A column too short for prefix + length cuts the output, and
// uniqueness weakens accordingly.
#include "sync/anonymize/fit_length.hpp"
#include "sync/anonymize/keyed_hash.hpp"
#include "sync/anonymize/strategy_factories.hpp"

namespace confiture::sync::anonymize {

namespace {

constexpr std::string_view kHexDigits = "0123456789abcdef";

class Hash final : public Anonymizer {
 public:
  Hash(const AnonKey& key, std::string_view seed, std::string prefix, int length, int max_length)
      : hash_(key, "hash", seed),
        prefix_(std::move(prefix)),
        length_(static_cast<std::size_t>(length)),
        max_length_(max_length) {}

  bool apply(std::string_view value, std::string& out) override {
    KeyedHash::Digest digest = hash_.digest(value);
    out.append(prefix_);
    for (std::size_t i = 0; i < length_; ++i) {
      unsigned char byte = digest[i / 2];
      out.push_back(kHexDigits[i % 2 == 0 ? byte >> 4 : byte & 15]);
    }
    fit_length(out, max_length_);
    return true;
  }

 private:
  KeyedHash hash_;
  std::string prefix_;
  std::size_t length_;
  int max_length_;
};

}  // namespace

std::unique_ptr<Anonymizer> make_hash(const StrategyArgs& args) {
  int length = int_option(args, "length", 32, 20, 64);
  return std::make_unique<Hash>(*args.key, args.spec.seed,
                                std::string(option(args, "prefix").value_or("")), length,
                                args.column.max_length);
}

}  // namespace confiture::sync::anonymize
