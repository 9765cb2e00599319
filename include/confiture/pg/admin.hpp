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

// True when the database `target` is connected to holds no user objects: no relations, types,
// functions, collations, operators or schemas besides public, pg_* and information_schema.
// Objects owned by extensions do not count, nor do the tables named in `ignore_tables` (in any
// schema) with their indexes and sequences.
bool database_is_empty(Connection& target, std::span<const std::string> ignore_tables = {});

// A uniquely named database (prefix + 16 random hex digits) on the server of `admin_dsn`,
// dropped again (WITH (FORCE)) when this object goes away.
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
