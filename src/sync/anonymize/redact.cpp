// `redact`: the same "[REDACTED]" for every value, cut to the column's length. Nothing of the
// input is kept, not even its length (`fixed` writes a value of one's choosing).
#include "sync/anonymize/fit_length.hpp"
#include "sync/anonymize/strategy_factories.hpp"

namespace confiture::sync::anonymize {

namespace {

class Redact final : public Anonymizer {
 public:
  explicit Redact(int max_length) : text_("[REDACTED]") { fit_length(text_, max_length); }

  bool apply(std::string_view, std::string& out) override {
    out.append(text_);
    return true;
  }

 private:
  std::string text_;
};

}  // namespace

std::unique_ptr<Anonymizer> make_redact(const StrategyArgs& args) {
  return std::make_unique<Redact>(args.column.max_length);
}

}  // namespace confiture::sync::anonymize
