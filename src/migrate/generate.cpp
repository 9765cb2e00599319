// migrate generate: the new pair of files, named so it sorts after every existing migration.
#include "confiture/migrate/generate.hpp"

#include <fmt/format.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <regex>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace confiture::migrate {
namespace {

namespace fs = std::filesystem;

std::string utc_version(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y%m%d%H%M%S", &tm);
  return buffer;
}

std::time_t parse_version(const std::string& version) {
  std::tm tm{};
  if (version.size() != 14 || !strptime(version.c_str(), "%Y%m%d%H%M%S", &tm)) return 0;
  return timegm(&tm);
}

std::string up_template(const std::string& version, const std::string& name) {
  return fmt::format(
      "-- Migration {0}_{1}: write the change here.\n"
      "--\n"
      "-- `confiture migrate up` runs this file in one transaction together with its ledger\n"
      "-- row: all of it applies, or nothing does. Leave BEGIN/COMMIT out.\n"
      "-- A statement that cannot run in a transaction (CREATE INDEX CONCURRENTLY, VACUUM,\n"
      "-- ALTER TYPE ... ADD VALUE on PostgreSQL < 12, ...) makes the whole file run statement\n"
      "-- by statement without one; keep such statements in a migration of their own.\n"
      "-- To ask for that mode explicitly, make the first line: -- confiture:no-transaction\n"
      "\n",
      version, name);
}

std::string down_template(const std::string& version, const std::string& name) {
  return fmt::format(
      "-- Rollback of {0}_{1}: undo what {0}_{1}.up.sql does, in reverse order.\n"
      "--\n"
      "-- `confiture migrate down` runs this file in one transaction together with the\n"
      "-- removal of the migration's ledger row.\n"
      "\n",
      version, name);
}

void write_new(const fs::path& path, const std::string& display, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) {
    throw Error(codes::kConfigIo, ExitClass::kConfig, fmt::format("cannot write {}", display));
  }
}

}  // namespace

nlohmann::json GeneratedMigration::to_json() const {
  return {{"version", version},
          {"name", name},
          {"up_file", up_file},
          {"down_file", down_file},
          {"created_directory", created_directory},
          {"warnings", warnings}};
}

GeneratedMigration generate_migration(const MigrateProject& project, const std::string& name,
                                      std::chrono::system_clock::time_point now,
                                      const std::optional<MigrationBodies>& bodies) {
  static const std::regex kSnakeCase("^[a-z0-9_]+$");
  if (!std::regex_match(name, kSnakeCase)) {
    throw Error(codes::kMigrBadName, ExitClass::kConfig,
                fmt::format("invalid migration name '{}': use snake_case — lowercase letters, "
                            "digits and underscores only",
                            name),
                "for example: confiture migrate generate add_user_bio");
  }
  // VERSION_NAME.down.sql must fit a file name (NAME_MAX, 255 bytes on every file system
  // confiture runs on): 14 digits, '_' and ".down.sql" leave 231.
  constexpr std::size_t kMaxName = 255 - 14 - 1 - 9;
  if (name.size() > kMaxName) {
    throw Error(codes::kMigrBadName, ExitClass::kConfig,
                fmt::format("migration name is {} characters long: at most {} fit a file name "
                            "with its version and .down.sql",
                            name.size(), kMaxName),
                "use a shorter name that says what changes, e.g. add_user_bio");
  }
  GeneratedMigration out;
  out.name = name;
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  if (fs::is_directory(project.dir)) {
    for (const auto& file : project_migrations(project)) {
      std::time_t existing = parse_version(file.version);
      if (existing >= t) t = existing + 1;
      if (file.name == name) {
        out.warnings.push_back(fmt::format(
            "a migration named '{}' already exists ({}); the new one gets its own version, but "
            "two migrations with one name are easy to mix up",
            name, file.up_display));
      }
    }
  } else {
    std::error_code ec;
    fs::create_directories(project.dir, ec);
    if (ec) {
      throw Error(codes::kConfigIo, ExitClass::kConfig,
                  fmt::format("cannot create {}: {}", project.dir_display, ec.message()));
    }
    out.created_directory = true;
  }
  out.version = utc_version(t);
  const std::string stem = out.version + "_" + name;
  const fs::path up = project.dir / (stem + ".up.sql");
  const fs::path down = project.dir / (stem + ".down.sql");
  out.up_file = config::display_path(up, project.env.project_dir);
  out.down_file = config::display_path(down, project.env.project_dir);
  for (const auto& [path, display] : {std::pair{up, out.up_file}, std::pair{down, out.down_file}}) {
    if (fs::exists(path)) {
      throw Error(codes::kMigrFileExists, ExitClass::kConnection,
                  fmt::format("{} already exists", display), "pick another name");
    }
  }
  write_new(up, out.up_file, bodies ? bodies->up : up_template(out.version, name));
  write_new(down, out.down_file, bodies ? bodies->down : down_template(out.version, name));
  return out;
}

}  // namespace confiture::migrate
