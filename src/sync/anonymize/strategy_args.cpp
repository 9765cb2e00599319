// Option readers and the one way a strategy refuses its rule.
#include "sync/anonymize/strategy_args.hpp"

#include <fmt/format.h>

#include <charconv>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace confiture::sync::anonymize {

std::string column_label(const ColumnInfo& column) { return column.table + "." + column.column; }

void reject_rule(const StrategyArgs& args, const std::string& message, const std::string& hint) {
  Error error(codes::kAnonBadRule, ExitClass::kConfig, message, hint);
  error.details = {{"table", args.column.table},
                   {"column", args.column.column},
                   {"strategy", args.spec.strategy}};
  throw error;
}

std::optional<std::string_view> option(const StrategyArgs& args, std::string_view name) {
  auto found = args.spec.options.find(std::string(name));
  if (found == args.spec.options.end()) return std::nullopt;
  return std::string_view(found->second);
}

int int_option(const StrategyArgs& args, std::string_view name, int fallback, int min, int max) {
  auto text = option(args, name);
  if (!text) return fallback;
  int value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || value < min || value > max) {
    reject_rule(args,
                fmt::format("option '{}' of strategy '{}' on {} must be an integer from {} to {}, "
                            "not '{}'",
                            name, args.spec.strategy, column_label(args.column), min, max, *text));
  }
  return value;
}

bool bool_option(const StrategyArgs& args, std::string_view name, bool fallback) {
  auto text = option(args, name);
  if (!text) return fallback;
  if (*text == "true" || *text == "yes" || *text == "on" || *text == "1") return true;
  if (*text == "false" || *text == "no" || *text == "off" || *text == "0") return false;
  reject_rule(
      args, fmt::format("option '{}' of strategy '{}' on {} must be true or false, not '{}'", name,
                        args.spec.strategy, column_label(args.column), *text));
}

}  // namespace confiture::sync::anonymize
