// `preserve`: the value copied as it is. A rule saying so marks the column as reviewed and not
// personal data, which quiets the PII warnings and `--strict`.
#include "sync/anonymize/strategy_factories.hpp"

namespace confiture::sync::anonymize {

namespace {

class Preserve final : public Anonymizer {
 public:
  bool apply(std::string_view value, std::string& out) override {
    out.append(value);
    return true;
  }
};

}  // namespace

std::unique_ptr<Anonymizer> make_preserve(const StrategyArgs&) {
  return std::make_unique<Preserve>();
}

}  // namespace confiture::sync::anonymize
