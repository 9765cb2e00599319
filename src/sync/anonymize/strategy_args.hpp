// What every strategy's factory receives, and the helpers they share to read options and to
// refuse a rule (ANON_1400, naming table.column) before any row is copied.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "confiture/sync/anonymizer.hpp"

namespace confiture::sync::anonymize {

struct StrategyArgs {
  const StrategySpec& spec;
  const ColumnInfo& column;
  const AnonKey* key;  // never null for a keyed strategy (make_anonymizer checks first)
};

// "table.column", as messages name a column.
std::string column_label(const ColumnInfo& column);

// Throws ANON_1400 for this rule; details name the table, column and strategy.
[[noreturn]] void reject_rule(const StrategyArgs& args, const std::string& message,
                              const std::string& hint = {});

std::optional<std::string_view> option(const StrategyArgs& args, std::string_view name);
// An integer option in [min, max]; `fallback` when absent. ANON_1400 otherwise.
int int_option(const StrategyArgs& args, std::string_view name, int fallback, int min, int max);
// true/false, yes/no, on/off, 1/0; `fallback` when absent. ANON_1400 otherwise.
bool bool_option(const StrategyArgs& args, std::string_view name, bool fallback);

}  // namespace confiture::sync::anonymize
