// `fixed`: the option `value` for every row (in the column type's text form, e.g. "0" or
// "1970-01-01"), cut to a varchar(n)/char(n) column's length.
#include <fmt/format.h>

#include "sync/anonymize/fit_length.hpp"
#include "sync/anonymize/strategy_factories.hpp"

namespace confiture::sync::anonymize {

namespace {

class Fixed final : public Anonymizer {
 public:
  Fixed(std::string text, int max_length) : text_(std::move(text)) {
    fit_length(text_, max_length);
  }

  bool apply(std::string_view, std::string& out) override {
    out.append(text_);
    return true;
  }

 private:
  std::string text_;
};

}  // namespace

std::unique_ptr<Anonymizer> make_fixed(const StrategyArgs& args) {
  auto value = option(args, "value");
  if (!value) {
    reject_rule(
        args,
        fmt::format("strategy 'fixed' on {} needs the option 'value'", column_label(args.column)),
        "write the replacement, e.g. {strategy: fixed, value: 'n/a'}, or use `redact`");
  }
  return std::make_unique<Fixed>(std::string(*value), args.column.max_length);
}

}  // namespace confiture::sync::anonymize
