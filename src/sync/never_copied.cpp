// The tables a sync leaves alone on both sides: confiture's own bookkeeping.
#include "confiture/pg/own_tables.hpp"
#include "confiture/report/dotted_name.hpp"
#include "confiture/sync/plan.hpp"

namespace confiture::sync {

std::vector<catalog::QualifiedName> never_copied_tables(
    const std::vector<std::string>& tracking_tables) {
  std::vector<catalog::QualifiedName> out;
  for (std::string_view table : pg::kOwnTables) out.push_back({"public", std::string(table)});
  for (const std::string& text : tracking_tables) {
    const auto table = report::split_schema_and_name(text, report::kConfigTableName);
    if (!table) continue;  // a loaded environment's value always parses
    out.push_back({table->schema.empty() ? "public" : table->schema, table->name});
  }
  return out;
}

}  // namespace confiture::sync
