// The build's traces: version file in the project, record row in the database.
#include "confiture/build/build_state.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "confiture/pg/quote.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace fs = std::filesystem;

namespace confiture::build {
namespace sql {
extern const std::string_view build_record;
extern const std::string_view last_build;
}  // namespace sql

fs::path version_file_path(const fs::path& project_dir) {
  return project_dir / "db" / ".confiture_version.json";
}

void write_file_atomically(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  fs::path tmp = path;
  tmp += fmt::format(".tmp.{}", ::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      fs::remove(tmp, ec);
      throw Error(codes::kSchemaWriteFailed, ExitClass::kSchema,
                  fmt::format("cannot write {}", path.string()),
                  "check that the directory exists and is writable");
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    throw Error(codes::kSchemaWriteFailed, ExitClass::kSchema,
                fmt::format("cannot write {}: {}", path.string(), ec.message()));
  }
}

void write_version_file(const fs::path& project_dir, const BuildState& state) {
  nlohmann::json doc = {{"env", state.environment},       {"schema_hash", state.schema_hash},
                        {"file_count", state.file_count}, {"built_at", state.built_at},
                        {"version", state.tool_version},  {"tool", "confiture-cpp"}};
  write_file_atomically(version_file_path(project_dir), doc.dump(2) + "\n");
}

std::optional<BuildState> read_version_file(const fs::path& project_dir) {
  std::ifstream in(version_file_path(project_dir));
  if (!in) return std::nullopt;
  auto doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return std::nullopt;
  BuildState state;
  state.environment = doc.value("env", "");
  state.schema_hash = doc.value("schema_hash", "");
  state.file_count = doc.value("file_count", std::size_t{0});
  state.built_at = doc.value("built_at", "");
  state.tool_version = doc.value("version", "");
  return state;
}

std::string record_table_sql() { return std::string(sql::build_record); }

std::string record_insert_sql(const BuildState& state) {
  return fmt::format(
      "INSERT INTO public.{} (environment, schema_hash, file_count, tool_version) "
      "VALUES ({}, {}, {}, {})",
      pg::quote_ident(kBuildRecordTable), pg::quote_literal(state.environment),
      pg::quote_literal(state.schema_hash), state.file_count,
      pg::quote_literal(state.tool_version));
}

std::optional<std::string> recorded_hash(pg::Connection& db) {
  auto exists = db.exec(fmt::format("SELECT to_regclass({}) IS NOT NULL",
                                    pg::quote_literal(std::string("public.") + kBuildRecordTable)));
  if (!exists[0][0].as<bool>()) return std::nullopt;
  auto rows = db.exec(sql::last_build);
  if (rows.empty()) return std::nullopt;
  return rows[0][0].as<std::string>();
}

}  // namespace confiture::build
