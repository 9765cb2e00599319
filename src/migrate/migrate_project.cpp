// Opening a project for the migrate commands.
#include "confiture/migrate/migrate_project.hpp"

#include <algorithm>

namespace confiture::migrate {

MigrateProject open_project(const config::Selection& selection, const config::EnvLookup& lookup) {
  MigrateProject project;
  project.selection = selection;
  project.env = config::select_environment(selection, lookup);
  std::filesystem::path dir = project.env.migration.directory;
  project.dir = dir.is_absolute() ? dir : project.env.project_dir / dir;
  project.dir = project.dir.lexically_normal();
  project.dir_display = config::display_path(project.dir, project.env.project_dir);
  return project;
}

std::vector<MigrationFile> project_migrations(const MigrateProject& project) {
  return find_migrations(project.dir, project.env.project_dir);
}

pg::ResolvedTarget project_target(const MigrateProject& project, bool writes,
                                  const config::EnvLookup& lookup) {
  config::Target target = config::resolve_target(project.selection, project.env, writes, lookup);
  return pg::resolve_target_dsn(target, project.env.project_dir);
}

TableName tracking_table(const MigrateProject& project) {
  return parse_table_name(project.env.migration.tracking_table);
}

const MigrationFile* find_version(const std::vector<MigrationFile>& files,
                                  const std::string& version) {
  auto it =
      std::lower_bound(files.begin(), files.end(), version,
                       [](const MigrationFile& f, const std::string& v) { return f.version < v; });
  return it != files.end() && it->version == version ? &*it : nullptr;
}

}  // namespace confiture::migrate
