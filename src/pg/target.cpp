// Configured target -> DSN, starting the project's embedded server on demand.
#include "confiture/pg/target.hpp"

#include <fmt/format.h>

#include "confiture/pg/dsn.hpp"
#include "confiture/pg/embedded_server.hpp"

namespace confiture::pg {

ResolvedTarget resolve_target_dsn(const config::Target& target,
                                  const std::filesystem::path& project_dir) {
  ResolvedTarget resolved;
  if (target.embedded_database) {
    EmbeddedServer server(project_dir);
    server.start();
    resolved.dsn = server.url(*target.embedded_database);
    resolved.database = *target.embedded_database;
    resolved.description = fmt::format("{} on the embedded server", resolved.database);
    resolved.embedded = true;
    return resolved;
  }
  resolved.dsn = target.dsn;
  resolved.database = database_name(target.dsn);
  resolved.description =
      fmt::format("{} (from {})", describe_target(target.dsn), target.describe());
  return resolved;
}

}  // namespace confiture::pg
