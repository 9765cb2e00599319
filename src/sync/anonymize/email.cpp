// `email`: a keyed, unique replacement address, "<20 base32 characters>@example.com" by default.
// The local part carries 100 bits of the HMAC: among 10^8 distinct inputs the chance that two
// share an output is about n^2 / 2^101 < 10^-14, so unique columns stay unique.
#include <fmt/format.h>

#include "sync/anonymize/fit_length.hpp"
#include "sync/anonymize/keyed_hash.hpp"
#include "sync/anonymize/strategy_factories.hpp"

namespace confiture::sync::anonymize {

namespace {

constexpr std::size_t kLocalLength = 20;  // base32 characters, 5 bits each
constexpr std::string_view kBase32 = "abcdefghijklmnopqrstuvwxyz234567";

bool valid_domain(std::string_view domain) {
  if (domain.empty() || domain.front() == '.' || domain.back() == '.') return false;
  for (char c : domain) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

class Email final : public Anonymizer {
 public:
  Email(const AnonKey& key, std::string_view seed, std::string domain, bool keep_domain,
        int max_length)
      : hash_(key, "email", seed),
        domain_(std::move(domain)),
        keep_domain_(keep_domain),
        max_length_(max_length) {}

  bool apply(std::string_view value, std::string& out) override {
    std::string_view domain = domain_;
    if (keep_domain_) {
      auto at = value.rfind('@');
      if (at != std::string_view::npos && at + 1 < value.size()) domain = value.substr(at + 1);
    }
    // A short column keeps a valid address by shortening the local part first; fewer than 16
    // characters (80 bits) there, or a cut through the domain, no longer guarantees uniqueness.
    std::size_t local = kLocalLength;
    if (max_length_ >= 0 && local + 1 + domain.size() > static_cast<std::size_t>(max_length_) &&
        static_cast<std::size_t>(max_length_) >= domain.size() + 2) {
      local = max_length_ - 1 - domain.size();
    }
    KeyedHash::Digest digest = hash_.digest(value);
    for (std::size_t i = 0; i < local; ++i) {
      std::size_t bit = i * 5;
      unsigned pair = (digest[bit / 8] << 8) | digest[bit / 8 + 1];
      out.push_back(kBase32[(pair >> (11 - bit % 8)) & 31]);
    }
    out.push_back('@');
    out.append(domain);
    fit_length(out, max_length_);
    return true;
  }

 private:
  KeyedHash hash_;
  std::string domain_;
  bool keep_domain_;
  int max_length_;
};

}  // namespace

std::unique_ptr<Anonymizer> make_email(const StrategyArgs& args) {
  auto domain = option(args, "domain");
  bool keep_domain = bool_option(args, "keep_domain", false);
  if (domain && keep_domain) {
    reject_rule(args, fmt::format("strategy 'email' on {}: options 'domain' and 'keep_domain' "
                                  "exclude each other",
                                  column_label(args.column)));
  }
  if (domain && !valid_domain(*domain)) {
    reject_rule(args,
                fmt::format("option 'domain' of strategy 'email' on {} is not a domain name: '{}'",
                            column_label(args.column), *domain),
                "use letters, digits, dots and hyphens, e.g. domain: example.org");
  }
  return std::make_unique<Email>(*args.key, args.spec.seed,
                                 std::string(domain.value_or("example.com")), keep_domain,
                                 args.column.max_length);
}

}  // namespace confiture::sync::anonymize
