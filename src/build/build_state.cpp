// The build's traces: version file in the project, record row in the database.
#include "confiture/build/build_state.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <limits.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
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

void write_file_atomically(const fs::path& path, std::span<const std::string_view> parts) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  fs::path tmp = path;
  tmp += fmt::format(".tmp.{}", ::getpid());
  auto fail = [&](int err) {
    fs::remove(tmp, ec);
    return Error(codes::kSchemaWriteFailed, ExitClass::kSchema,
                 fmt::format("cannot write {}: {}", path.string(), std::strerror(err)),
                 "check that the directory exists and is writable");
  };
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) throw fail(errno);
  std::vector<iovec> iov;
  iov.reserve(parts.size());
  for (auto part : parts) {
    if (!part.empty()) iov.push_back({const_cast<char*>(part.data()), part.size()});
  }
  for (std::size_t first = 0; first < iov.size();) {
    int count = static_cast<int>(std::min<std::size_t>(iov.size() - first, IOV_MAX));
    ssize_t n = ::writev(fd, &iov[first], count);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      throw fail(err);
    }
    // Partial write: skip what went out, resume inside the first unfinished part.
    auto done = static_cast<std::size_t>(n);
    while (first < iov.size() && done >= iov[first].iov_len) done -= iov[first++].iov_len;
    if (done > 0) {
      iov[first].iov_base = static_cast<char*>(iov[first].iov_base) + done;
      iov[first].iov_len -= done;
    }
  }
  if (::close(fd) != 0) throw fail(errno);
  fs::rename(tmp, path, ec);
  if (ec) {
    int err = ec.value();
    throw fail(err);
  }
}

void write_file_atomically(const fs::path& path, std::string_view bytes) {
  write_file_atomically(path, std::span<const std::string_view>(&bytes, 1));
}

void write_version_file(const fs::path& project_dir, const BuildState& state) {
  nlohmann::json doc = {{"env", state.environment},       {"schema_hash", state.schema_hash},
                        {"file_count", state.file_count}, {"built_at", state.built_at},
                        {"version", state.tool_version},  {"tool", "confiture-cpp"}};
  write_file_atomically(version_file_path(project_dir), doc.dump(2) + "\n");
}

void check_version_file_writable(const fs::path& project_dir) {
  const fs::path path = version_file_path(project_dir);
  auto fail = [&](const std::string& why) {
    return Error(codes::kSchemaWriteFailed, ExitClass::kSchema,
                 fmt::format("cannot write {}: {}", path.string(), why),
                 "nothing was changed; make db/ writable (the build records itself there)");
  };
  std::error_code ec;
  auto status = fs::symlink_status(path, ec);
  if (!ec && status.type() == fs::file_type::directory) throw fail("it is a directory");
  fs::create_directories(path.parent_path(), ec);
  // The same temporary file write_file_atomically makes, made and removed again.
  fs::path tmp = path;
  tmp += fmt::format(".tmp.{}", ::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0666);
  if (fd < 0) throw fail(std::strerror(errno));
  ::close(fd);
  fs::remove(tmp, ec);
}

std::optional<BuildState> read_version_file(const fs::path& project_dir) {
  std::ifstream in(version_file_path(project_dir));
  if (!in) return std::nullopt;
  auto doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return std::nullopt;
  BuildState state;
  try {
    state.environment = doc.value("env", "");
    state.schema_hash = doc.value("schema_hash", "");
    state.file_count = doc.value("file_count", std::size_t{0});
    state.built_at = doc.value("built_at", "");
    state.tool_version = doc.value("version", "");
  } catch (const nlohmann::json::type_error&) {
    return std::nullopt;  // edited by hand into another shape: as unreadable as broken JSON
  }
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

std::optional<RecordedBuild> recorded_build(pg::Connection& db) {
  auto exists = db.exec(fmt::format("SELECT to_regclass({}) IS NOT NULL",
                                    pg::quote_literal(std::string("public.") + kBuildRecordTable)));
  if (!exists[0][0].as<bool>()) return std::nullopt;
  auto rows = db.exec(sql::last_build);
  if (rows.empty()) return std::nullopt;
  return RecordedBuild{rows[0][0].as<std::string>(), rows[0][1].as<std::string>(),
                       rows[0][2].as<std::string>()};
}

std::optional<std::string> recorded_hash(pg::Connection& db) {
  auto build = recorded_build(db);
  if (!build) return std::nullopt;
  return build->schema_hash;
}

}  // namespace confiture::build
