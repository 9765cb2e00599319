// The one parser of a table name written in a configuration value (migration.tracking_table):
// `name` or `schema.name`, each part either plain (^[A-Za-z_][A-Za-z0-9_]*$, the Python tool's
// rule, kept as written) or "double quoted" (any text but NUL, "" for a quote inside).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace confiture::config {

struct SplitTableName {
  std::string schema;  // empty: unqualified
  std::string name;    // quotes removed
};

// nullopt for anything else: empty parts, more than two parts, an unclosed quote, text after a
// closing quote, blanks, a leading digit.
std::optional<SplitTableName> split_table_name(std::string_view text);

}  // namespace confiture::config
