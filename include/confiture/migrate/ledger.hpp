// The tracking table (SPEC §3), shared with the Python tool: created identical to its DDL,
// read and extended without change when the Python tool made it.
#pragma once

#include <optional>
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

// Accepts `name` or `schema.name`, each part matching ^[A-Za-z_][A-Za-z0-9_]*$ (the Python
// tool's rule; no quoted identifiers). Anything else throws Error CONFIG_008 (exit 5).
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
  // commits with the DDL, or not at all). One statement without parameters, quoted throughout
  // (it can go through a libpq pipeline). With no execution_time_ms the server measures it
  // (clock_timestamp() - now(): since the transaction began). An empty checksum is stored as
  // NULL. applied_by is current_user. The slug is {name}_{YYYYmmdd_HHMMSS} (UTC, the
  // transaction's start) plus _{reason} when given (baseline rows: "baseline"); when that slug
  // is taken, _{version} is appended (and, should that be taken too, the first 8 characters of
  // the row's uuid), decided inside the statement, so slugs never collide (SPEC §3 fix).
  // Columns the table lacks (an older Python ledger without applied_by) are left out: the
  // table is never altered. Whether applied_by exists is asked once, unless exists(), ensure()
  // or applied() already found out: make one of those calls first, while the session is idle.
  // While the table is absent (a dry run that sends create_statements() first), the row is
  // written for the table those statements make.
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
  std::optional<bool> has_applied_by_;  // looked up once, on first need
};

}  // namespace confiture::migrate
