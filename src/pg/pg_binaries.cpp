// Locating initdb/pg_ctl/postgres: explicit setting first, then what the system says, then the
// Debian layout (/usr/lib/postgresql/<major>/bin).
#include "confiture/pg/pg_binaries.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "process.hpp"

namespace confiture::pg {
namespace fs = std::filesystem;
namespace {

constexpr const char* kHint =
    "install the PostgreSQL server (sudo apt-get install postgresql) or point "
    "CONFITURE_PG_BINDIR at a directory holding initdb, pg_ctl and postgres";

// Major versions sort numerically ("9.6" < "15"), by their leading number then the rest.
std::optional<fs::path> highest_debian_bindir() {
  std::error_code ec;
  std::vector<std::pair<double, fs::path>> found;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    fs::path bin = entry.path() / "bin";
    if (!is_pg_bindir(bin)) continue;
    std::string name = entry.path().filename().string();
    char* end = nullptr;
    double version = std::strtod(name.c_str(), &end);
    if (end == name.c_str()) continue;
    found.emplace_back(version, bin);
  }
  if (found.empty()) return std::nullopt;
  return std::max_element(found.begin(), found.end())->second;
}

std::optional<fs::path> pg_config_bindir() {
  auto output = detail::capture_output({"pg_config", "--bindir"});
  if (!output) return std::nullopt;
  while (!output->empty() && (output->back() == '\n' || output->back() == ' ')) {
    output->pop_back();
  }
  if (output->empty() || !is_pg_bindir(*output)) return std::nullopt;
  return fs::path(*output);
}

}  // namespace

bool is_pg_bindir(const fs::path& dir) {
  for (const char* program : {"initdb", "pg_ctl", "postgres"}) {
    if (access((dir / program).c_str(), X_OK) != 0) return false;
  }
  return true;
}

fs::path find_pg_bindir(std::string_view cluster_major) {
  if (const char* configured = std::getenv("CONFITURE_PG_BINDIR"); configured && *configured) {
    if (is_pg_bindir(configured)) return configured;
    throw Error(codes::kServerNoBinaries, ExitClass::kConnection,
                std::string("CONFITURE_PG_BINDIR=") + configured +
                    " does not hold the PostgreSQL server programs (initdb, pg_ctl, postgres)",
                kHint);
  }
  if (!cluster_major.empty()) {
    fs::path bin = fs::path("/usr/lib/postgresql") / std::string(cluster_major) / "bin";
    if (is_pg_bindir(bin)) return bin;
  }
  if (auto bin = pg_config_bindir()) return *bin;
  if (auto bin = highest_debian_bindir()) return *bin;
  throw Error(codes::kServerNoBinaries, ExitClass::kConnection,
              "no PostgreSQL server programs found for the embedded server (looked at "
              "CONFITURE_PG_BINDIR, pg_config --bindir and /usr/lib/postgresql/*/bin)",
              kHint);
}

}  // namespace confiture::pg
