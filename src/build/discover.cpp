// Discovery and ordering of DDL source files.
#include "confiture/build/discover.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <map>
#include <optional>
#include <set>

#include "confiture/build/glob.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace fs = std::filesystem;

namespace confiture::build {
namespace {

// "0A_users.sql" -> 10: an uppercase hex number (digits and A-F only) followed by '_'.
std::optional<unsigned long long> hex_prefix(std::string_view name) {
  std::size_t underscore = name.find('_');
  if (underscore == 0 || underscore == std::string::npos || underscore > 16) return std::nullopt;
  unsigned long long value = 0;
  for (std::size_t i = 0; i < underscore; ++i) {
    char c = name[i];
    int digit = (c >= '0' && c <= '9') ? c - '0' : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
    if (digit < 0) return std::nullopt;
    value = value * 16 + static_cast<unsigned>(digit);
  }
  return value;
}

bool component_less(std::string_view a, std::string_view b, config::SortMode mode) {
  if (mode == config::SortMode::kHex) {
    auto ha = hex_prefix(a);
    auto hb = hex_prefix(b);
    if (ha && hb && *ha != *hb) return *ha < *hb;
    if (ha.has_value() != hb.has_value()) return ha.has_value();  // hex-prefixed names first
  }
  return a < b;
}

// A file found under an include dir: its path relative to the dir and the file it is.
struct Found {
  std::string rel;
  dev_t device = 0;
  ino_t inode = 0;
};

// Sorts relative paths one component at a time (each path split once, not per comparison).
void sort_paths(std::vector<Found>& paths, config::SortMode mode) {
  std::vector<std::vector<std::string_view>> keys;
  keys.reserve(paths.size());
  for (const auto& p : paths) keys.push_back(path_segments(p.rel));
  std::vector<std::size_t> order(paths.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::lexicographical_compare(
        keys[a].begin(), keys[a].end(), keys[b].begin(), keys[b].end(),
        [mode](std::string_view x, std::string_view y) { return component_less(x, y, mode); });
  });
  std::vector<Found> sorted;
  sorted.reserve(paths.size());
  for (std::size_t i : order) sorted.push_back(std::move(paths[i]));
  paths = std::move(sorted);
}

std::string generic(const fs::path& p) { return p.lexically_normal().generic_string(); }

fs::path absolute_in(const fs::path& project_dir, const std::string& p) {
  fs::path path(p);
  return (path.is_absolute() ? path : project_dir / path).lexically_normal();
}

// The common parent of the include dirs, as the Python tool computes it for the hash: the dir
// itself when there is one, else the longest common prefix of the absolute paths.
fs::path common_parent(const std::vector<fs::path>& dirs) {
  if (dirs.size() == 1) return dirs.front();
  fs::path common;
  auto first = dirs.front();
  for (auto it = first.begin(); it != first.end(); ++it) {
    fs::path candidate = common / *it;
    bool all = std::all_of(dirs.begin(), dirs.end(), [&](const fs::path& d) {
      auto rel = d.lexically_relative(candidate);
      return !rel.empty() && *rel.begin() != "..";
    });
    if (!all) break;
    common = candidate;
  }
  return common;
}

bool matches_any(const std::vector<std::string>& patterns, const std::string& rel, bool suffix) {
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& pattern) {
    return suffix ? glob_match_suffix(pattern, rel) : glob_match(pattern, rel);
  });
}

using Identity = std::pair<dev_t, ino_t>;

[[noreturn]] void cannot_list(const fs::path& dir, int err) {
  throw Error(codes::kSchemaReadFailed, ExitClass::kSchema,
              fmt::format("cannot list {}: {}", dir.string(), std::strerror(err)));
}

// Walks one include dir depth first, children in build order, following symbolic links. Every
// directory is read once (device + inode), so a link back to a parent ends instead of looping;
// a link that leads nowhere is reported in `warnings` and left out.
class Walker {
 public:
  Walker(const fs::path& root, const config::IncludeDir& inc, const config::Environment& env,
         std::vector<std::string>& warnings)
      : root_(root), inc_(inc), env_(env), warnings_(warnings) {}

  std::vector<Found> run() {
    struct stat st {};
    if (::stat(root_.c_str(), &st) != 0) cannot_list(root_, errno);
    visited_.emplace(Identity{st.st_dev, st.st_ino}, root_);
    walk(root_, "");
    return std::move(out_);
  }

 private:
  std::string shown(const fs::path& path) const {
    return generic(path.lexically_relative(env_.project_dir));
  }

  bool wanted(const std::string& rel) const {
    // Recursive dirs match include patterns at any depth, like the Python tool's rglob.
    bool included = inc_.recursive ? matches_any(inc_.include, rel, true)
                                   : matches_any(inc_.include, rel, false);
    return included && !matches_any(inc_.exclude, rel, true);
  }

  void walk(const fs::path& dir, const std::string& prefix) {
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      names.push_back(it->path().filename().string());
    }
    if (ec) cannot_list(dir, ec.value());
    std::sort(names.begin(), names.end(), [this](const std::string& a, const std::string& b) {
      return component_less(a, b, env_.build.sort_mode);
    });
    for (const std::string& name : names) {
      const fs::path path = dir / name;
      const std::string rel = prefix.empty() ? name : prefix + "/" + name;
      struct stat lst {};
      if (::lstat(path.c_str(), &lst) != 0) continue;  // gone while we looked
      struct stat st {};
      if (::stat(path.c_str(), &st) != 0) {
        const int err = errno;
        if (S_ISLNK(lst.st_mode) && !matches_any(inc_.exclude, rel, true)) broken_link(path, err);
        continue;
      }
      if (S_ISDIR(st.st_mode)) {
        if (!inc_.recursive) continue;
        auto [at, fresh] = visited_.emplace(Identity{st.st_dev, st.st_ino}, path);
        if (!fresh) {
          if (S_ISLNK(lst.st_mode)) {
            warnings_.push_back(
                fmt::format("{}: a symbolic link to {}, which is already read; not read again",
                            shown(path), shown(at->second)));
          }
          continue;
        }
        walk(path, rel);
      } else if (S_ISREG(st.st_mode) && wanted(rel)) {
        out_.push_back({rel, st.st_dev, st.st_ino});
      }
    }
  }

  void broken_link(const fs::path& path, int err) {
    std::error_code ec;
    const fs::path target = fs::read_symlink(path, ec);
    if (err == ELOOP) {
      warnings_.push_back(fmt::format(
          "{}: a symbolic link that leads back to itself (a loop of links); left out of the "
          "build",
          shown(path)));
    } else {
      warnings_.push_back(fmt::format("{}: a symbolic link to {}, which {}; left out of the build",
                                      shown(path), ec ? std::string("?") : target.string(),
                                      err == ENOENT ? "does not exist" : std::strerror(err)));
    }
  }

  const fs::path& root_;
  const config::IncludeDir& inc_;
  const config::Environment& env_;
  std::vector<std::string>& warnings_;
  std::map<Identity, fs::path> visited_;
  std::vector<Found> out_;
};

}  // namespace

bool is_seed_path(const std::string& relative_path) {
  auto parts = path_segments(relative_path);
  if (!parts.empty()) parts.pop_back();  // the file name itself does not count
  for (const auto& part : parts) {
    for (std::string_view token : {"seeds", "seed"}) {
      for (std::size_t at = part.find(token); at != std::string_view::npos;
           at = part.find(token, at + 1)) {
        std::size_t end = at + token.size();
        bool starts = at == 0 || part[at - 1] == '_' || part[at - 1] == '-';
        bool ends = end == part.size() || part[end] == '_' || part[end] == '-';
        if (starts && ends) return true;
      }
    }
  }
  return false;
}

std::vector<SourceFile> discover(const config::Environment& env,
                                 std::vector<std::string>& warnings) {
  std::vector<config::IncludeDir> dirs = env.include_dirs;
  std::stable_sort(dirs.begin(), dirs.end(),
                   [](const auto& a, const auto& b) { return a.order < b.order; });

  std::vector<fs::path> roots;
  for (const auto& inc : dirs) roots.push_back(absolute_in(env.project_dir, inc.path));
  const fs::path base = roots.empty() ? env.project_dir : common_parent(roots);

  std::vector<fs::path> excluded;
  for (const auto& d : env.exclude_dirs) excluded.push_back(absolute_in(env.project_dir, d));

  std::vector<SourceFile> out;
  std::set<Identity> seen;  // a file reached twice (two include dirs, a link) is built once
  for (std::size_t i = 0; i < dirs.size(); ++i) {
    const fs::path& root = roots[i];
    std::error_code ec;
    if (!fs::is_directory(root, ec)) {
      if (dirs[i].auto_discover) continue;
      throw Error(codes::kSchemaDirNotFound, ExitClass::kSchema,
                  fmt::format("include directory {} does not exist", dirs[i].path),
                  fmt::format("create it, or fix include_dirs in {}", env.file.string()));
    }
    auto found = Walker(root, dirs[i], env, warnings).run();
    sort_paths(found, env.build.sort_mode);
    for (const auto& [rel, device, inode] : found) {
      fs::path path = (root / rel).lexically_normal();
      bool in_excluded_dir = std::any_of(excluded.begin(), excluded.end(), [&](const auto& ex) {
        auto r = path.lexically_relative(ex);
        return !r.empty() && *r.begin() != "..";
      });
      if (in_excluded_dir) continue;
      if (!seen.insert({device, inode}).second) continue;  // reached earlier
      std::string display = generic(path.lexically_relative(env.project_dir));
      out.push_back({path, display, generic(path.lexically_relative(base)), is_seed_path(display)});
    }
  }
  if (out.empty()) {
    std::string listed;
    for (const auto& d : dirs) listed += (listed.empty() ? "" : ", ") + d.path;
    throw Error(codes::kSchemaNoFiles, ExitClass::kSchema,
                fmt::format("no SQL files found in {}", listed.empty() ? "include_dirs" : listed),
                "add .sql files under db/schema/ (e.g. 10_tables/users.sql) or check include_dirs "
                "and their include/exclude patterns");
  }
  return out;
}

}  // namespace confiture::build
