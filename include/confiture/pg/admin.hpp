// Database administration on a server through a connection to a maintenance database
// ("postgres"): existence, creation, removal, emptiness, and throwaway scratch databases.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "confiture/pg/connection.hpp"

namespace confiture::pg {

bool database_exists(Connection& admin, std::string_view name);

// CREATE DATABASE "name" [TEMPLATE "template_name"].
void create_database(Connection& admin, std::string_view name, std::string_view template_name = {});

// DROP DATABASE IF EXISTS; on PostgreSQL 13+ WITH (FORCE), so leftover sessions do not block it.
void drop_database(Connection& admin, std::string_view name);

// Client sessions connected to database `name`, other than this one and the backend pid
// `also_ours` (what DROP DATABASE ... WITH (FORCE) would end).
std::size_t other_sessions(Connection& admin, std::string_view name, int also_ours = 0);

// True when the database `target` is connected to holds no user objects: no relations, types,
// functions, collations, operators or schemas besides public, pg_* and information_schema.
// Objects owned by extensions do not count, nor do the tables named in `ignore_tables` (in any
// schema) with their indexes and sequences.
bool database_is_empty(Connection& target, std::span<const std::string> ignore_tables = {});

// A uniquely named database (prefix + 16 random hex digits) on the server of `admin_dsn`,
// dropped again (WITH (FORCE)) when this object goes away, and also when the process gets
// SIGINT or SIGTERM (the first scratch database blocks both signals in the creating thread and
// starts a thread that drops every live one, then lets the signal end the process). Each
// carries COMMENT ON DATABASE 'confiture scratch database, pid P host H, created T'; creating
// one first drops the stale ones of the same prefix (marked, and made on this host by a process
// that is gone, or more than a day ago). A database without the mark is never dropped.
class ScratchDatabase {
 public:
  ScratchDatabase(std::string admin_dsn, std::string prefix, std::string template_name = {});
  ScratchDatabase(const ScratchDatabase&) = delete;
  ScratchDatabase& operator=(const ScratchDatabase&) = delete;
  ~ScratchDatabase();

  const std::string& name() const { return name_; }
  const std::string& dsn() const { return dsn_; }  // holds credentials: never print it

 private:
  std::string admin_dsn_;
  std::string name_;
  std::string dsn_;
};

}  // namespace confiture::pg
