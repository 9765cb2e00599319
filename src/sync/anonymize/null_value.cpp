// `null`: every value becomes SQL NULL. Refused on a NOT NULL column, where the load would fail
// on the first row.
#include <fmt/format.h>

#include "sync/anonymize/strategy_factories.hpp"

namespace confiture::sync::anonymize {

namespace {

class NullValue final : public Anonymizer {
 public:
  bool apply(std::string_view, std::string&) override { return false; }
};

}  // namespace

std::unique_ptr<Anonymizer> make_null_value(const StrategyArgs& args) {
  if (args.column.not_null) {
    reject_rule(args,
                fmt::format("strategy 'null' cannot write column {}: it is NOT NULL",
                            column_label(args.column)),
                "use `redact` or `fixed` for a NOT NULL column");
  }
  return std::make_unique<NullValue>();
}

}  // namespace confiture::sync::anonymize
