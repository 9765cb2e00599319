// `name`, `first_name`, `last_name`: keyed picks from the built-in lists. The three share one
// hash family, so first_name(x) is the first word of name(x) and last_name(x) its last.
#include "sync/anonymize/fit_length.hpp"
#include "sync/anonymize/keyed_hash.hpp"
#include "sync/anonymize/strategy_factories.hpp"
#include "sync/anonymize/word_lists.hpp"

namespace confiture::sync::anonymize {

namespace {

enum class NamePart { kFull, kFirst, kLast };

class PersonName final : public Anonymizer {
 public:
  PersonName(const AnonKey& key, std::string_view seed, NamePart part, int max_length)
      : hash_(key, "name", seed), part_(part), max_length_(max_length) {}

  bool apply(std::string_view value, std::string& out) override {
    KeyedHash::Digest digest = hash_.digest(value);
    if (part_ != NamePart::kLast)
      out.append(pick_word(first_names(), digest_u64(digest, 0), value));
    if (part_ == NamePart::kFull) out.push_back(' ');
    if (part_ != NamePart::kFirst)
      out.append(pick_word(last_names(), digest_u64(digest, 8), value));
    fit_length(out, max_length_);
    return true;
  }

 private:
  KeyedHash hash_;
  NamePart part_;
  int max_length_;
};

}  // namespace

std::unique_ptr<Anonymizer> make_person_name(const StrategyArgs& args) {
  NamePart part = args.spec.strategy == "first_name"  ? NamePart::kFirst
                  : args.spec.strategy == "last_name" ? NamePart::kLast
                                                      : NamePart::kFull;
  return std::make_unique<PersonName>(*args.key, args.spec.seed, part, args.column.max_length);
}

}  // namespace confiture::sync::anonymize
