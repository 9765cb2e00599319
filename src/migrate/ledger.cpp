// The tracking table: name rules, creation with the Python tool's DDL, reads that tolerate the
// Python tool's extra columns, and the INSERT a migration commits with.
#include "confiture/migrate/ledger.hpp"

#include <fmt/format.h>

#include <ctime>
#include <string_view>

#include "confiture/pg/quote.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/dotted_name.hpp"
#include "confiture/report/error.hpp"

namespace confiture::migrate {
namespace sql {
extern const std::string_view ledger_table;
extern const std::string_view ledger_applied;
extern const std::string_view ledger_insert;
}  // namespace sql

namespace {

Error invalid_table_name(const std::string& text) {
  Error error(codes::kConfigInvalidValue, ExitClass::kConfig,
              fmt::format("invalid migration.tracking_table '{}': write table or schema.table, "
                          "each part letters, digits and underscores (not starting with a "
                          "digit) or \"double quoted\"",
                          text),
              "set migration.tracking_table to a name like tb_confiture or public.tb_confiture");
  error.details["value"] = text;
  return error;
}

Error no_ledger(const TableName& table, const std::string& database) {
  Error error(codes::kNoLedger, ExitClass::kNoLedger,
              fmt::format("no migration ledger: table {} is not present in database \"{}\"",
                          table.display(), database),
              "run `confiture migrate up` to create it, or `confiture migrate baseline "
              "--through <version>` if the schema is already applied");
  error.details["table"] = table.display();
  return error;
}

struct Probe {
  bool exists = false;
  bool has_applied_by = false;
};

// One round trip: is the table there (a table, view or foreign table, as the Python tool's
// probe counts it), and does it have applied_by.
Probe probe(pg::Connection& db, const TableName& table) {
  auto rows = db.exec(
      fmt::format("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = to_regclass({0}) "
                  "AND relkind IN ('r', 'p', 'v', 'f')), "
                  "EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass({0}) "
                  "AND attname = 'applied_by' AND attnum > 0 AND NOT attisdropped)",
                  pg::quote_literal(table.quoted())));
  return {rows[0][0].as<bool>(), rows[0][1].as<bool>()};
}

}  // namespace

std::string TableName::quoted() const {
  if (schema.empty()) return pg::quote_ident(name);
  return pg::quote_ident(schema) + "." + pg::quote_ident(name);
}

std::string TableName::display() const { return schema.empty() ? name : schema + "." + name; }

TableName parse_table_name(const std::string& text) {
  auto split = report::split_schema_and_name(text, report::kConfigTableName);
  if (!split) throw invalid_table_name(text);
  return TableName{std::move(split->schema), std::move(split->name)};
}

Ledger::Ledger(pg::Connection& db, TableName table) : db_(db), table_(std::move(table)) {}

bool Ledger::exists() {
  // Set once the table was seen (or made); confiture never drops or alters it: no new probe.
  if (has_applied_by_) return true;
  Probe found = probe(db_, table_);
  if (found.exists) has_applied_by_ = found.has_applied_by;
  return found.exists;
}

void Ledger::ensure() {
  if (exists()) return;
  std::string ddl;
  for (const auto& statement : create_statements()) ddl += statement + ";\n";
  db_.exec(ddl);  // one simple-query message: all of it commits, or none
  has_applied_by_ = true;
}

std::vector<std::string> Ledger::create_statements() const {
  std::vector<std::string> statements;
  if (!table_.schema.empty()) {
    statements.push_back(
        fmt::format("CREATE SCHEMA IF NOT EXISTS {}", pg::quote_ident(table_.schema)));
  }
  auto index = [&](std::string_view suffix) {
    return pg::quote_ident(fmt::format("idx_{}_{}", table_.name, suffix));
  };
  std::string ddl = fmt::format(
      fmt::runtime(sql::ledger_table), fmt::arg("table", table_.quoted()),
      fmt::arg("idx_pk_confiture", index("pk_confiture")), fmt::arg("idx_slug", index("slug")),
      fmt::arg("idx_version", index("version")), fmt::arg("idx_applied_at", index("applied_at")));
  // The resource holds one statement per ';' (no ';' in its comments or strings); its leading
  // comment lines are dropped, so a dry run shows bare statements.
  for (std::size_t start = 0; start < ddl.size();) {
    std::size_t end = ddl.find(';', start);
    if (end == std::string::npos) end = ddl.size();
    std::string_view statement(ddl.data() + start, end - start);
    for (;;) {
      std::size_t first = statement.find_first_not_of(" \n");
      if (first == std::string_view::npos) {
        statement = {};
        break;
      }
      statement.remove_prefix(first);
      if (statement.rfind("--", 0) != 0) break;
      std::size_t newline = statement.find('\n');
      statement.remove_prefix(newline == std::string_view::npos ? statement.size() : newline);
    }
    if (!statement.empty()) statements.emplace_back(statement);
    start = end + 1;
  }
  return statements;
}

std::vector<AppliedMigration> Ledger::applied() {
  if (!exists()) throw no_ledger(table_, db_.database());
  auto rows =
      db_.exec(fmt::format(fmt::runtime(sql::ledger_applied), fmt::arg("table", table_.quoted())));
  std::vector<AppliedMigration> result;
  result.reserve(rows.size());
  for (const auto& row : rows) {
    AppliedMigration m;
    m.version = row["version"].as<std::string>();
    m.name = row["name"].as<std::string>();
    m.slug = row["slug"].as<std::string>();
    m.checksum = row["checksum"].as<std::string>();
    m.applied_at = row["applied_at_utc"].as<std::string>();
    if (!row["execution_time_ms"].is_null()) {
      m.execution_time_ms = row["execution_time_ms"].as<int>();
    }
    m.applied_by = row["applied_by"].as<std::string>();
    result.push_back(std::move(m));
  }
  return result;
}

std::string Ledger::unique_slug(const std::string& name, const std::string& version,
                                const std::string& reason) {
  if (!slugs_) {
    slugs_.emplace();
    if (exists()) {
      for (const auto& row : db_.exec("SELECT slug FROM " + table_.quoted())) {
        slugs_->insert(row[0].as<std::string>());
      }
    }
  }
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char stamp[16];
  std::strftime(stamp, sizeof stamp, "%Y%m%d_%H%M%S", &tm);
  std::string base = fmt::format("{}_{}{}", name, stamp, reason.empty() ? "" : "_" + reason);
  std::string slug = base;
  for (int n = 1; slugs_->count(slug); ++n) {
    slug = n == 1 ? fmt::format("{}_{}", base, version) : fmt::format("{}_{}_{}", base, version, n);
  }
  slugs_->insert(slug);
  return slug;
}

std::string Ledger::insert_sql(const std::string& version, const std::string& name,
                               const std::string& checksum, std::optional<int> execution_time_ms,
                               const std::string& reason) {
  // Known after exists(), ensure() or applied(); it cannot change, as confiture never alters
  // the table. An absent table is the one create_statements() makes, with applied_by.
  const bool with_applied_by = exists() ? *has_applied_by_ : true;
  std::string elapsed = execution_time_ms
                            ? std::to_string(*execution_time_ms)
                            : "(EXTRACT(EPOCH FROM clock_timestamp() - now()) * 1000)::integer";
  return fmt::format(fmt::runtime(sql::ledger_insert), fmt::arg("table", table_.quoted()),
                     fmt::arg("slug", pg::quote_literal(unique_slug(name, version, reason))),
                     fmt::arg("version", pg::quote_literal(version)),
                     fmt::arg("name", pg::quote_literal(name)),
                     fmt::arg("execution_time_ms", elapsed),
                     fmt::arg("checksum", checksum.empty() ? "NULL" : pg::quote_literal(checksum)),
                     fmt::arg("applied_by_column", with_applied_by ? ", applied_by" : ""),
                     fmt::arg("applied_by_value", with_applied_by ? ", current_user" : ""));
}

std::string Ledger::delete_sql(const std::string& version) const {
  return fmt::format("DELETE FROM {} WHERE version = {}", table_.quoted(),
                     pg::quote_literal(version));
}

std::string Ledger::update_checksum_sql(const std::string& version,
                                        const std::string& checksum) const {
  return fmt::format("UPDATE {} SET checksum = {} WHERE version = {}", table_.quoted(),
                     pg::quote_literal(checksum), pg::quote_literal(version));
}

}  // namespace confiture::migrate
