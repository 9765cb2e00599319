// Finding, naming and hashing migration files: every problem in the directory is reported in one
// error so a single run shows the user all there is to fix.
#include "confiture/migrate/migration_files.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <map>

#include "confiture/config/environment.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/digest.hpp"
#include "confiture/report/error.hpp"

namespace fs = std::filesystem;

namespace confiture::migrate {
namespace {

constexpr std::string_view kUp = ".up.sql";
constexpr std::string_view kDown = ".down.sql";

struct Problem {
  const char* code;
  std::vector<std::string> files;
  std::string what;
};

// Problem kinds in the order their code wins when several are present, with their exit class and
// what the user can do about them.
struct Kind {
  const char* code;
  ExitClass exit_class;
  const char* hint;
};
constexpr Kind kKinds[] = {
    {codes::kMigrPythonFile, ExitClass::kSchema,
     "rewrite each Python migration as {version}_{name}.up.sql (and .down.sql) and delete the .py "
     "file"},
    {codes::kMigrOrphanFile, ExitClass::kSchema,
     "name migration files {version}_{name}.up.sql or {version}_{name}.down.sql, where version "
     "is digits only (e.g. 20260101120000_add_users.up.sql); move other SQL files elsewhere"},
    {codes::kMigrDownWithoutUp, ExitClass::kSchema,
     "rename the .down.sql to match its .up.sql exactly, or delete it"},
    {codes::kMigrFileNameNotUtf8, ExitClass::kSchema,
     "rename the file to a UTF-8 name (plain ASCII is safest): its name is stored as text in "
     "the tracking table, so it can be neither applied nor baselined as it is"},
    {codes::kMigrDuplicateVersion, ExitClass::kConnection,
     "give one of the migrations a new version (`confiture migrate generate` makes one)"},
};

// Well-formed UTF-8 (no overlong forms, surrogates or code points above U+10FFFF).
bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80           ? 1
                         : (c >> 5) == 0x6  ? 2
                         : (c >> 4) == 0xE  ? 3
                         : (c >> 3) == 0x1E ? 4
                                            : 0;
    if (length == 0 || i + length > text.size()) return false;
    std::uint32_t code = length == 1 ? c : c & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    static constexpr std::uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kMinimum[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    i += length;
  }
  return true;
}

// The name with every byte that is not valid UTF-8 written as \xNN, so messages stay text.
std::string escaped_name(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool valid = false;
    for (std::size_t length = 1; length <= 4 && i + length <= text.size() && !valid; ++length) {
      if (is_valid_utf8(text.substr(i, length))) {
        out += text.substr(i, length);
        i += length - 1;
        valid = true;
      }
    }
    if (!valid) out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[i]));
  }
  return out;
}

bool ends_with_nocase(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), text.end() - suffix.size(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) ==
           std::tolower(static_cast<unsigned char>(b));
  });
}

struct ParsedName {
  std::string version;
  std::string name;
};

// "{version}_{name}" with a digits-only version and a non-empty name.
std::optional<ParsedName> parse_base(std::string_view base) {
  const std::size_t underscore = base.find('_');
  if (underscore == 0 || underscore == std::string_view::npos || underscore + 1 == base.size()) {
    return std::nullopt;
  }
  const std::string_view version = base.substr(0, underscore);
  if (!std::all_of(version.begin(), version.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return ParsedName{std::string(version), std::string(base.substr(underscore + 1))};
}

struct DownFile {
  ParsedName name;
  fs::path path;
  std::string display;
};

[[noreturn]] void throw_problems(std::vector<Problem> problems) {
  auto present = [&](const Kind& k) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const Problem& p) { return p.code == k.code; });
  };
  // The directory listing order is arbitrary: sort so the message is the same on every machine.
  std::sort(problems.begin(), problems.end(),
            [](const Problem& a, const Problem& b) { return a.files < b.files; });
  std::string message;
  nlohmann::json files = nlohmann::json::array();
  nlohmann::json listed = nlohmann::json::array();
  for (const Problem& p : problems) {
    std::string shown;
    for (const auto& f : p.files) {
      shown += (shown.empty() ? "" : " and ") + f;
      files.push_back(f);
    }
    message += fmt::format("{}{}: {}", problems.size() > 1 ? "\n  " : "", shown, p.what);
    listed.push_back({{"code", p.code}, {"files", p.files}, {"problem", p.what}});
  }
  if (problems.size() > 1) {
    message = fmt::format("{} problems with migration files:{}", problems.size(), message);
  }
  const Kind* first = nullptr;
  std::string hint;
  for (const Kind& k : kKinds) {
    if (!present(k)) continue;
    if (first == nullptr) first = &k;
    hint += (hint.empty() ? "" : "; ") + std::string(k.hint);
  }
  Error error(first->code, first->exit_class, message, hint);
  error.details["files"] = std::move(files);
  error.details["problems"] = std::move(listed);
  throw error;
}

}  // namespace

std::vector<MigrationFile> find_migrations(const fs::path& dir, const fs::path& project_dir) {
  const fs::path root = fs::absolute(dir).lexically_normal();
  const fs::path project = project_dir.empty() ? fs::path() : fs::absolute(project_dir);
  auto display = [&](const fs::path& p) { return config::display_path(p, project); };

  std::error_code ec;
  if (!fs::is_directory(root, ec)) {
    throw Error(codes::kMigrDirNotFound, ExitClass::kConfig,
                fmt::format("migrations directory {} does not exist", display(root)),
                "`confiture migrate generate NAME` creates it with a first migration");
  }

  std::vector<Problem> problems;
  std::map<std::string, std::vector<MigrationFile>> ups;  // by version
  std::vector<DownFile> downs;
  for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string file = it->path().filename().string();
    std::error_code type_ec;
    if (file.starts_with('.') || !it->is_regular_file(type_ec)) continue;
    const std::string shown = display(it->path());
    if ((ends_with_nocase(file, ".sql") || ends_with_nocase(file, ".py")) &&
        !is_valid_utf8(shown)) {
      problems.push_back(
          {codes::kMigrFileNameNotUtf8, {escaped_name(shown)}, "the file name is not valid UTF-8"});
      continue;
    }
    if (ends_with_nocase(file, ".py")) {
      if (file.starts_with('_')) continue;  // __init__.py and friends: package plumbing
      problems.push_back({codes::kMigrPythonFile,
                          {shown},
                          "Python migrations are not supported; convert it to " +
                              file.substr(0, file.size() - 3) + ".up.sql"});
      continue;
    }
    if (!ends_with_nocase(file, ".sql")) continue;
    const bool is_up = file.ends_with(kUp);
    const bool is_down = file.ends_with(kDown);
    const std::string_view suffix = is_up ? kUp : kDown;
    auto parsed = (is_up || is_down)
                      ? parse_base(std::string_view(file).substr(0, file.size() - suffix.size()))
                      : std::nullopt;
    if (!is_up && !is_down) {
      problems.push_back({codes::kMigrOrphanFile,
                          {shown},
                          "not a migration file: the name must end in .up.sql or .down.sql"});
    } else if (!parsed) {
      problems.push_back({codes::kMigrOrphanFile,
                          {shown},
                          "the name does not match {version}_{name}" + std::string(suffix) +
                              " with a digits-only version"});
    } else if (is_up) {
      ups[parsed->version].push_back(
          {parsed->version, parsed->name, it->path(), shown, std::nullopt, std::nullopt});
    } else {
      downs.push_back({std::move(*parsed), it->path(), shown});
    }
  }
  if (ec) {
    throw Error(codes::kMigrUnreadable, ExitClass::kConnection,
                fmt::format("cannot list {}: {}", display(root), ec.message()));
  }

  for (auto& down : downs) {
    auto found = ups.find(down.name.version);
    MigrationFile* up = nullptr;
    if (found != ups.end()) {
      for (auto& candidate : found->second) {
        if (candidate.name == down.name.name) up = &candidate;
      }
    }
    if (up != nullptr) {
      up->down = down.path;
      up->down_display = down.display;
    } else if (found != ups.end() && found->second.size() == 1) {
      problems.push_back({codes::kMigrDownWithoutUp,
                          {down.display},
                          fmt::format("no matching .up.sql (version {} is {})", down.name.version,
                                      found->second.front().up_display)});
    } else {
      problems.push_back({codes::kMigrDownWithoutUp, {down.display}, "no matching .up.sql"});
    }
  }

  std::vector<MigrationFile> out;
  for (auto& [version, files] : ups) {
    if (files.size() > 1) {
      std::vector<std::string> shown;
      for (const auto& f : files) shown.push_back(f.up_display);
      std::sort(shown.begin(), shown.end());
      problems.push_back({codes::kMigrDuplicateVersion, std::move(shown),
                          fmt::format("both use version {}", version)});
      continue;
    }
    out.push_back(std::move(files.front()));
  }
  if (!problems.empty()) throw_problems(std::move(problems));
  return out;  // std::map already ordered the versions byte-wise
}

std::string checksum_of(std::string_view bytes) { return report::sha256_hex(bytes); }

std::string read_migration_text(const fs::path& path, const std::string& display) {
  auto fail = [&](int err) {
    return Error(codes::kMigrUnreadable, ExitClass::kConnection,
                 fmt::format("cannot read {}: {}", display, std::strerror(err)),
                 "check that the file exists and is readable");
  };
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw fail(errno);
  std::string text;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int err = errno;
      ::close(fd);
      throw fail(err);
    }
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return text;
}

}  // namespace confiture::migrate
