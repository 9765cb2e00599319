// Applying built DDL to a database: parse every file first (syntax errors are reported before
// anything reaches the server), then run it in one transaction on a fresh or empty database.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "confiture/build/build_state.hpp"
#include "confiture/build/schema_source.hpp"
#include "confiture/pg/connection.hpp"
#include "confiture/pg/protection.hpp"
#include "confiture/pg/target.hpp"
#include "confiture/sql/statements.hpp"

namespace confiture::build {

struct ParsedStatement {
  std::size_t file = 0;  // index into the files the schema was parsed from
  sql::Statement statement;
};

struct ParsedSchema {
  const std::vector<LoadedFile>* files = nullptr;
  std::vector<ParsedStatement> statements;
  std::vector<std::string> warnings;
};

// Splits every file with the PostgreSQL parser. A syntax error (also a file that ends inside a
// comment, string or dollar quote) throws SCHEMA_200 located in its own file, line and column.
// Top-level BEGIN/COMMIT are dropped with a warning: the build supplies the transaction.
ParsedSchema parse_schema(const std::vector<LoadedFile>& files);

// Migration-ledger rows a build records with its schema, in the same transaction (auto-baseline,
// SPEC §6): the DDL holds every migration present, so they are marked applied. Supplied by the
// caller (the ledger belongs to confiture::migrate), given the session on the built database.
struct LedgerRows {
  std::string table;                    // the tracking table, for messages
  std::vector<std::string> statements;  // run after the schema and the build record
  std::vector<std::string> versions;    // the migrations recorded
};
using RecordLedger = std::function<LedgerRows(pg::Connection& db)>;

struct ApplyPolicy {
  bool recreate = false;
  bool force = false;   // rebuild even when the hash matches: a non-empty database is recreated
  pg::Consent consent;  // for dropping a non-empty database (consent.environment: the build's)
  // A protected environment named explicitly: record the protection mark (pg/protection.hpp)
  // in the build's transaction, or in an unchanged database.
  bool record_mark = false;
  RecordLedger baseline;  // empty: --no-baseline
};

struct ApplyResult {
  bool unchanged = false;
  bool created = false;
  bool recreated = false;
  std::size_t sessions_ended = 0;      // other sessions DROP DATABASE ... WITH (FORCE) ended
  std::optional<LedgerRows> baseline;  // what was recorded in the ledger, when asked to
  std::vector<std::string> warnings;
};

ApplyResult apply_schema(const pg::ResolvedTarget& target, const ParsedSchema& schema,
                         const BuildState& state, const ApplyPolicy& policy);

// Runs the parsed schema in one transaction on `conn` (a scratch database the caller owns):
// what the schema diff compares DDL through. Nothing recorded. A failing statement throws
// SCHEMA_208 located in its file.
void load_schema(pg::Connection& conn, const ParsedSchema& schema);

}  // namespace confiture::build
