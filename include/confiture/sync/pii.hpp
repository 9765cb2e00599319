// Heuristics for columns that look like personal data, from the column's name and type. Used by
// `sync --strict` (fail closed) and by the loud warning on a verbatim copy.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace confiture::sync {

struct PiiMatch {
  std::string category;            // "email", "phone", "name", "address", "birth", "ssn",
                                   // "ip", "mac", "token", "password", "credit_card", "location",
                                   // "device", "vehicle", "financial", "health", "sensitive"
  std::string suggested_strategy;  // a strategy of anonymizer.hpp fitting the category and type:
                                   // date_shift for date/timestamp columns, null for numbers and
                                   // other types no strategy rewrites in kind
};

// `type` is format_type (e.g. "inet", "character varying(80)"); a type it does not know (a domain,
// an enum) counts as text. Matching is on the words of the name (split at '_', '-', digits and
// case changes), or on a specific root inside a word (`useremail`, `homephone`), so
// `customer_email` and `emailAddress` match and `emailed_count` does not; any
// inet/cidr/macaddr column matches, a boolean never does. Returns nullopt for columns that look
// harmless.
std::optional<PiiMatch> detect_pii(std::string_view column_name, std::string_view type);

}  // namespace confiture::sync
