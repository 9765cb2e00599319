// The tracking table (SPEC §3), shared with the Python tool: created identical to its DDL,
// read and extended without change when the Python tool made it.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "confiture/pg/connection.hpp"

namespace confiture::migrate {

// `migration.tracking_table`: "tb_confiture" (resolved through search_path, like the Python
// tool) or "schema.table".
struct TableName {
  std::string schema;  // empty: unqualified
  std::string name;
  std::string quoted() const;   // "schema"."name" or "name", for SQL text
  std::string display() const;  // schema.name or name, for messages
};

// Accepts `name` or `schema.name` (report::kConfigTableName: each part plain, the Python tool's
// ^[A-Za-z_][A-Za-z0-9_]*$, or "double quoted"). Anything else throws Error CONFIG_008 (exit 5);
// a value from an environment file was already refused at load, with its file and line.
TableName parse_table_name(const std::string& text);

struct AppliedMigration {
  std::string version;
  std::string name;
  std::string slug;
  std::string checksum;    // empty when the row has none (older Python rows)
  std::string applied_at;  // ISO 8601 UTC, e.g. 2026-11-24T10:00:00Z
  std::optional<int> execution_time_ms;
  std::string applied_by;
};

class Ledger {
 public:
  Ledger(pg::Connection& db, TableName table);

  const TableName& table() const { return table_; }

  // Whether the table exists (to_regclass, so search_path applies to unqualified names; like
  // the Python tool, only tables, views and foreign tables count).
  bool exists();

  // Creates the table and its indexes when absent (idempotent). The schema of a qualified name
  // is created too when missing. An existing table is left exactly as it is (no ALTER, no new
  // index), whoever made it.
  void ensure();

  // The statements ensure() runs (table, indexes, schema), one statement each, for sending
  // inside a transaction of the caller's (dry-run-execute rolls them back).
  std::vector<std::string> create_statements() const;

  // Every live row (rows the Python tool archived, `archived_into IS NOT NULL`, are left out),
  // in the order they were applied (applied_at, then pk_confiture). Throws Error PRECON_1001
  // (exit 2) naming the table when it is absent.
  std::vector<AppliedMigration> applied();

  // The INSERT of one ledger row, to send inside the migration's own transaction (so the row
  // commits with the DDL, or not at all). One plain statement, quoted throughout. With no
  // execution_time_ms the server measures it (clock_timestamp() - now(): since the transaction
  // began). applied_by is current_user. The slug is {name}_{YYYYmmdd_HHMMSS} (UTC, now) plus
  // _{reason} when given (baseline rows: "baseline"); when the ledger or this run already has
  // it, _{version} is appended (then _{version}_2, ...), so slugs never collide (SPEC §3 fix).
  // The slugs in use are read once, on the first call; under the migration lock nobody else
  // writes rows meanwhile. Columns the table lacks (an older Python ledger without applied_by)
  // are left out: the table is never altered.
  std::string insert_sql(const std::string& version, const std::string& name,
                         const std::string& checksum, std::optional<int> execution_time_ms = {},
                         const std::string& reason = {});

  std::string delete_sql(const std::string& version) const;

  // The UPDATE that rewrites one stored checksum (migrate verify --fix), for the caller's
  // transaction.
  std::string update_checksum_sql(const std::string& version, const std::string& checksum) const;

 private:
  pg::Connection& db_;
  TableName table_;
  std::string unique_slug(const std::string& name, const std::string& version,
                          const std::string& reason);

  std::optional<bool> has_applied_by_;          // set once the table is known to exist
  std::optional<std::set<std::string>> slugs_;  // every slug in the table, plus ours
};

}  // namespace confiture::migrate
