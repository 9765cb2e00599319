// Turns a configured target (SPEC §2 precedence) into a DSN, starting the project's embedded
// server when the environment asks for it.
#pragma once

#include <filesystem>
#include <string>

#include "confiture/config/connection_source.hpp"

namespace confiture::pg {

struct ResolvedTarget {
  std::string dsn;          // holds credentials: never print it, use `description`
  std::string database;     // the database name the DSN points at
  std::string description;  // e.g. "myapp_local on the embedded server", "app@db.internal:5432"
  bool embedded = false;
};

ResolvedTarget resolve_target_dsn(const config::Target& target,
                                  const std::filesystem::path& project_dir);

}  // namespace confiture::pg
