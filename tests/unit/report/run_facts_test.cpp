// The host name and the UTC timestamp that records and scratch-database marks carry.
#include "confiture/report/run_facts.hpp"

#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <climits>
#include <regex>

TEST_CASE("host_name is what gethostname says") {
  std::array<char, HOST_NAME_MAX + 1> buffer{};
  REQUIRE(::gethostname(buffer.data(), buffer.size() - 1) == 0);
  CHECK(confiture::report::host_name() == buffer.data());
}

TEST_CASE("utc_now_iso is ISO 8601 UTC to the second") {
  static const std::regex iso(R"(^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$)");
  CHECK(std::regex_match(confiture::report::utc_now_iso(), iso));
}
