// The host name (gethostname) and the UTC clock, read in one place.
#include "confiture/report/run_facts.hpp"

#include <unistd.h>

#include <array>
#include <climits>
#include <ctime>

namespace confiture::report {

std::string host_name() {
  std::array<char, HOST_NAME_MAX + 1> buffer{};
  if (::gethostname(buffer.data(), buffer.size() - 1) != 0) return {};
  return buffer.data();
}

std::string utc_now_iso() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::array<char, 32> buffer{};
  std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer.data();
}

}  // namespace confiture::report
