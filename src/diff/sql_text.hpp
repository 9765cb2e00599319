// How the differ writes SQL: quoted names, literals, and statements with the timeouts their
// work calls for.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "confiture/catalog/qualified_name.hpp"
#include "confiture/diff/plan.hpp"
#include "confiture/pg/quote.hpp"

namespace confiture::diff {

inline constexpr int kCatalogTimeoutMs = 10'000;    // a catalog update, no data touched
inline constexpr int kDataTimeoutMs = 20 * 60'000;  // scans, rewrites, index builds

inline std::string ident(std::string_view name) { return pg::quote_ident(name); }
inline std::string literal(std::string_view value) { return pg::quote_literal(value); }
inline std::string qualified(const catalog::QualifiedName& name) { return name.quoted(); }

// A statement that only updates the catalog; `object` says what it changes, for people.
Statement catalog_change(std::string sql, std::string object);
// A statement that reads or rewrites a table's data or builds an index.
Statement data_change(std::string sql, std::string object);

Statement& with_hazard(Statement& statement, Hazard hazard, std::string message);

std::string join(const std::vector<std::string>& parts, std::string_view separator);

}  // namespace confiture::diff
