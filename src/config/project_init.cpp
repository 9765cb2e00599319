// The files `confiture init` writes: sample DDL, seeds, environments and .gitignore.
#include "confiture/config/project_init.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>
#include <utility>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace fs = std::filesystem;

namespace confiture::config {
namespace {

// "My App!" -> "my_app": a database name that needs no quoting.
std::string database_stem(const fs::path& dir) {
  std::string name = fs::absolute(dir).lexically_normal().filename().string();
  std::string out;
  for (char c : name) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) != 0;
    out += ok ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : '_';
  }
  if (out.empty() || std::isdigit(static_cast<unsigned char>(out.front()))) out = "app_" + out;
  return out;
}

std::string local_yaml(const std::string& stem, bool with_seeds) {
  return fmt::format(
      "# Local development on the project's embedded PostgreSQL (confiture server ...):\n"
      "# nothing to install or configure beyond the PostgreSQL server package.\n"
      "database:\n"
      "  embedded: true\n"
      "  database: {}_local\n"
      "include_dirs:\n"
      "  - db/schema\n"
      "{}",
      stem,
      with_seeds ? "  - {path: db/seeds/common, order: 10}\n"
                   "  - {path: db/seeds/development, order: 20}\n"
                 : "");
}

constexpr const char* kProductionYaml =
    "# Production: the URL comes from the environment, never from this file.\n"
    "database_url: ${DATABASE_URL}\n"
    "include_dirs:\n"
    "  - db/schema\n"
    "protected: true\n"
    "migration:\n"
    "  tracking_table: tb_confiture\n";

constexpr const char* kGitignore = "db/generated/\n.confiture/\n";

std::vector<std::pair<std::string, std::string>> project_files(const std::string& stem) {
  return {
      {"db/schema/00_common/types.sql",
       "-- Types, extensions and schemas come first: everything after may use them.\n"
       "CREATE DOMAIN email_address AS TEXT CHECK (VALUE ~ '^[^@\\s]+@[^@\\s]+$');\n"},
      {"db/schema/10_tables/01_users.sql",
       "CREATE TABLE users (\n"
       "    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
       "    email email_address NOT NULL UNIQUE,\n"
       "    display_name TEXT NOT NULL,\n"
       "    bio TEXT NOT NULL DEFAULT '',\n"
       "    created_at TIMESTAMPTZ NOT NULL DEFAULT now()\n"
       ");\n"},
      {"db/schema/10_tables/02_posts.sql",
       "CREATE TABLE posts (\n"
       "    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
       "    author_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,\n"
       "    title TEXT NOT NULL,\n"
       "    body TEXT NOT NULL DEFAULT '',\n"
       "    published_at TIMESTAMPTZ\n"
       ");\n\n"
       "CREATE INDEX posts_author_published_idx ON posts (author_id, published_at DESC);\n"
       "CREATE INDEX posts_published_at_idx ON posts (published_at) WHERE published_at IS NOT "
       "NULL;\n"},
      {"db/schema/20_views/published_posts.sql",
       "CREATE VIEW published_posts AS\n"
       "SELECT p.id, p.title, p.published_at, u.display_name AS author\n"
       "FROM posts p\n"
       "JOIN users u ON u.id = p.author_id\n"
       "WHERE p.published_at IS NOT NULL;\n"},
      {"db/schema/30_functions/post_count.sql",
       "CREATE FUNCTION post_count(p_author_id BIGINT) RETURNS BIGINT\n"
       "LANGUAGE sql STABLE AS $$\n"
       "    SELECT count(*) FROM posts WHERE author_id = p_author_id;\n"
       "$$;\n"},
      {"db/seeds/common/00_users.sql",
       "-- Seeds for every environment that includes db/seeds/common.\n"
       "INSERT INTO users (email, display_name) VALUES ('admin@example.com', 'Admin');\n"},
      {"db/seeds/development/10_posts.sql",
       "INSERT INTO users (email, display_name) VALUES ('ada@example.com', 'Ada');\n"
       "INSERT INTO posts (author_id, title, body, published_at)\n"
       "SELECT id, 'Hello', 'First post', now() FROM users WHERE email = 'ada@example.com';\n"},
      {"db/seeds/test/10_fixtures.sql",
       "INSERT INTO users (email, display_name) VALUES ('test@example.com', 'Test');\n"},
      // The history of the DDL above, replayable from an empty database (what `migrate generate
      // --auto-detect` starts from): the first migration creates the schema as it first was, the
      // next ones change it; together they give exactly db/schema/. `confiture build` records
      // them as applied, since the DDL already holds them (docs/migrations.md).
      {"db/migrations/20260101090000_initial_schema.up.sql",
       "-- The schema as it first was; later migrations change it.\n"
       "CREATE DOMAIN email_address AS TEXT CHECK (VALUE ~ '^[^@\\s]+@[^@\\s]+$');\n\n"
       "CREATE TABLE users (\n"
       "    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
       "    email email_address NOT NULL UNIQUE,\n"
       "    display_name TEXT NOT NULL,\n"
       "    created_at TIMESTAMPTZ NOT NULL DEFAULT now()\n"
       ");\n\n"
       "CREATE TABLE posts (\n"
       "    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
       "    author_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,\n"
       "    title TEXT NOT NULL,\n"
       "    body TEXT NOT NULL DEFAULT '',\n"
       "    published_at TIMESTAMPTZ\n"
       ");\n\n"
       "CREATE INDEX posts_author_published_idx ON posts (author_id, published_at DESC);\n\n"
       "CREATE VIEW published_posts AS\n"
       "SELECT p.id, p.title, p.published_at, u.display_name AS author\n"
       "FROM posts p\n"
       "JOIN users u ON u.id = p.author_id\n"
       "WHERE p.published_at IS NOT NULL;\n\n"
       "CREATE FUNCTION post_count(p_author_id BIGINT) RETURNS BIGINT\n"
       "LANGUAGE sql STABLE AS $$\n"
       "    SELECT count(*) FROM posts WHERE author_id = p_author_id;\n"
       "$$;\n"},
      {"db/migrations/20260101090000_initial_schema.down.sql",
       "-- DELETES_DATA: drops every table of the sample schema and all their rows.\n"
       "DROP FUNCTION post_count(BIGINT);\n"
       "DROP VIEW published_posts;\n"
       "DROP TABLE posts;\n"
       "DROP TABLE users;\n"
       "DROP DOMAIN email_address;\n"},
      {"db/migrations/20260105090000_add_user_bio.up.sql",
       "-- Users can say something about themselves.\n"
       "ALTER TABLE users ADD COLUMN bio TEXT NOT NULL DEFAULT '';\n"},
      {"db/migrations/20260105090000_add_user_bio.down.sql",
       "ALTER TABLE users DROP COLUMN bio;\n"},
      {"db/migrations/20260112090000_index_published_posts.up.sql",
       "-- CREATE INDEX CONCURRENTLY cannot run inside a transaction, so confiture runs this file\n"
       "-- statement by statement in autocommit; writes to posts go on while the index builds.\n"
       "CREATE INDEX CONCURRENTLY IF NOT EXISTS posts_published_at_idx\n"
       "    ON posts (published_at) WHERE published_at IS NOT NULL;\n"},
      {"db/migrations/20260112090000_index_published_posts.down.sql",
       "DROP INDEX CONCURRENTLY IF EXISTS posts_published_at_idx;\n"},
      {"db/environments/local.yaml", local_yaml(stem, /*with_seeds=*/true)},
      {"db/environments/production.yaml", kProductionYaml},
      {".gitignore", kGitignore},
  };
}

// A bare project: the layout and environments, no sample schema, seeds or migrations.
std::vector<std::pair<std::string, std::string>> bare_files(const std::string& stem) {
  return {
      {"db/environments/local.yaml", local_yaml(stem, /*with_seeds=*/false)},
      {"db/environments/production.yaml", kProductionYaml},
      {".gitignore", kGitignore},
  };
}

// The .sql files a project already has under db/schema/ and db/migrations/ that init would not
// write itself: the sign of an existing project, which the samples must not be mixed into.
std::vector<std::string> existing_sql_files(
    const fs::path& dir, const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<std::string> found;
  for (const char* sub : {"db/schema", "db/migrations"}) {
    std::error_code ec;
    fs::recursive_directory_iterator it(dir / sub, fs::directory_options::skip_permission_denied,
                                        ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->path().extension() != ".sql" || !it->is_regular_file(ec)) continue;
      std::string rel = it->path().lexically_relative(dir).generic_string();
      bool ours = std::any_of(files.begin(), files.end(),
                              [&](const auto& file) { return file.first == rel; });
      if (!ours) found.push_back(rel);
      if (found.size() >= 5) return found;
    }
  }
  return found;
}

std::optional<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

InitResult init_project(const fs::path& dir, bool force, bool bare) {
  auto files = bare ? bare_files(database_stem(dir)) : project_files(database_stem(dir));
  if (!bare && !force) {
    std::vector<std::string> own = existing_sql_files(dir, files);
    if (!own.empty()) {
      std::string list;
      for (const auto& f : own) list += "\n  " + f;
      Error error(codes::kConfigFileExists, ExitClass::kConfig,
                  fmt::format("{} already holds a project's SQL files; init would add its sample "
                              "tables, seeds and migrations beside them:{}",
                              dir.string(), list),
                  "nothing was written; pass --bare to add only the environment files and "
                  ".gitignore, or --force to add the samples anyway");
      error.details["files"] = own;
      throw error;
    }
  }
  InitResult result;
  std::vector<std::string> conflicts;
  for (const auto& [rel, content] : files) {
    auto existing = read_text(dir / rel);
    if (existing && *existing != content) conflicts.push_back(rel);
  }
  if (!conflicts.empty() && !force) {
    std::string list;
    for (const auto& c : conflicts) list += "\n  " + c;
    Error error(
        codes::kConfigFileExists, ExitClass::kConfig,
        fmt::format("{} already has files that init would overwrite:{}", dir.string(), list),
        "nothing was written; pass --force to overwrite them");
    error.details["files"] = conflicts;
    throw error;
  }
  for (const auto& [rel, content] : files) {
    fs::path path = dir / rel;
    auto existing = read_text(path);
    if (existing && *existing == content) {
      result.kept.push_back(rel);
      continue;
    }
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out) {
      throw Error(codes::kConfigIo, ExitClass::kConfig,
                  fmt::format("cannot write {}", path.string()));
    }
    result.written.push_back(rel);
  }
  if (bare) {
    for (const char* sub : {"db/schema", "db/migrations"}) {
      std::error_code ec;
      fs::create_directories(dir / sub, ec);
      if (ec) {
        throw Error(codes::kConfigIo, ExitClass::kConfig,
                    fmt::format("cannot create {}: {}", (dir / sub).string(), ec.message()));
      }
    }
  }
  return result;
}

}  // namespace confiture::config
