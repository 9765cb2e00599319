// `credit_card`: the last 4 digits and the separators kept, every other digit replaced by a keyed
// digit different from the original, one of them chosen so the number passes the Luhn check.
// Values of fewer than 12 digits are no card numbers: all their digits are replaced. Characters
// other than digits, spaces and dashes are dropped (they are no part of a card number).
#include <vector>

#include "sync/anonymize/fit_length.hpp"
#include "sync/anonymize/keyed_hash.hpp"
#include "sync/anonymize/strategy_factories.hpp"

namespace confiture::sync::anonymize {

namespace {

constexpr std::size_t kKeptDigits = 4;
constexpr std::size_t kShortestCard = 12;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A digit's contribution to the Luhn sum: every second digit from the right counts doubled.
int luhn_value(int digit, bool doubled) {
  if (!doubled) return digit;
  int twice = digit * 2;
  return twice > 9 ? twice - 9 : twice;
}

class CreditCard final : public Anonymizer {
 public:
  CreditCard(const AnonKey& key, std::string_view seed, int max_length)
      : hash_(key, "credit_card", seed), max_length_(max_length) {}

  bool apply(std::string_view value, std::string& out) override {
    originals_.clear();
    offsets_.clear();
    for (char c : value) {
      if (is_digit(c)) originals_.push_back(c);
    }
    std::size_t replaced =
        originals_.size() >= kShortestCard ? originals_.size() - kKeptDigits : originals_.size();
    DerivedBytes bytes(hash_, value);
    for (char c : value) {
      if (is_digit(c)) {
        bool replace = offsets_.size() < replaced;
        offsets_.push_back(out.size());
        // Adding 1..9 modulo 10 never gives the original digit back.
        out.push_back(replace ? static_cast<char>('0' + (c - '0' + 1 + bytes.next() % 9) % 10) : c);
      } else if (c == ' ' || c == '-') {
        out.push_back(c);
      }
    }
    if (replaced >= 2) make_luhn_valid(out, replaced);
    fit_length(out, max_length_);
    return true;
  }

 private:
  bool doubled(std::size_t index) const { return (offsets_.size() - 1 - index) % 2 == 1; }

  // The digit at index p that makes the Luhn sum of `out` a multiple of 10 (luhn_value is a
  // bijection of 0..9, so there is exactly one).
  char digit_completing(const std::string& out, std::size_t p) const {
    int sum = 0;
    for (std::size_t k = 0; k < offsets_.size(); ++k) {
      if (k != p) sum += luhn_value(out[offsets_[k]] - '0', doubled(k));
    }
    for (int digit = 0; digit < 9; ++digit) {
      if ((sum + luhn_value(digit, doubled(p))) % 10 == 0) return static_cast<char>('0' + digit);
    }
    return '9';
  }

  // Fixes the last replaced digit (p). Should that need p's original digit, the replaced digit
  // before it (q) first moves to another non-original value: q's contribution changes by a
  // non-zero amount mod 10, and so does the digit p needs.
  void make_luhn_valid(std::string& out, std::size_t replaced) const {
    std::size_t p = replaced - 1;
    std::size_t q = replaced - 2;
    char digit = digit_completing(out, p);
    if (digit == originals_[p]) {
      char& moved = out[offsets_[q]];
      do {
        moved = static_cast<char>('0' + (moved - '0' + 1) % 10);
      } while (moved == originals_[q]);
      digit = digit_completing(out, p);
    }
    out[offsets_[p]] = digit;
  }

  KeyedHash hash_;
  int max_length_;
  std::vector<char> originals_;       // the value's digits, reused across values
  std::vector<std::size_t> offsets_;  // where each digit sits in `out`
};

}  // namespace

std::unique_ptr<Anonymizer> make_credit_card(const StrategyArgs& args) {
  return std::make_unique<CreditCard>(*args.key, args.spec.seed, args.column.max_length);
}

}  // namespace confiture::sync::anonymize
