// `date_shift`: a keyed non-zero shift within +-days, calendar-exact, time and zone kept.
#include <catch2/catch.hpp>
#include <chrono>
#include <set>
#include <string>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/sync/anonymizer.hpp"

using namespace confiture::sync;
using namespace std::chrono;

namespace {

const AnonKey kKey("date-test-secret");

std::unique_ptr<Anonymizer> shift(std::map<std::string, std::string> options = {},
                                  std::string type = "date", std::string seed = {}) {
  ColumnInfo column{"people", "born_on", type, 'D', type, -1, false};
  return make_anonymizer({"date_shift", std::move(options), std::move(seed), ""}, column, &kKey);
}

std::string anonymized(Anonymizer& anonymizer, std::string_view value) {
  std::string out;
  REQUIRE(anonymizer.apply(value, out));
  return out;
}

// Days from `from` to `to` ("YYYY-MM-DD...", maybe ending in " BC"), by the standard library.
long days_between(std::string_view from, std::string_view to) {
  auto parse = [](std::string_view text) {
    int y = std::stoi(std::string(text.substr(0, text.find('-'))));
    if (text.ends_with(" BC")) y = 1 - y;
    auto rest = text.substr(text.find('-') + 1);
    unsigned m = static_cast<unsigned>(std::stoi(std::string(rest.substr(0, 2))));
    unsigned d = static_cast<unsigned>(std::stoi(std::string(rest.substr(3, 2))));
    year_month_day date{year{y}, month{m}, day{d}};
    REQUIRE(date.ok());
    return sys_days(date);
  };
  return (parse(to) - parse(from)).count();
}

std::string iso(sys_days days) {
  year_month_day date(days);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

}  // namespace

TEST_CASE("date_shift moves every date by a non-zero number of days within the bound") {
  auto anonymizer = shift({{"days", "10"}});
  std::set<long> shifts;
  sys_days start = sys_days(year{1999} / 12 / 1);
  for (int i = 0; i < 3000; ++i) {
    std::string value = iso(start + days{i});
    std::string out = anonymized(*anonymizer, value);
    INFO(value << " -> " << out);
    long moved = days_between(value, out);
    REQUIRE(moved != 0);
    REQUIRE(moved >= -10);
    REQUIRE(moved <= 10);
    shifts.insert(moved);
  }
  CHECK(shifts.size() == 20);  // every non-zero shift in [-10, 10] shows up
}

TEST_CASE("date_shift handles leap days, month ends and year ends") {
  auto anonymizer = shift({{"days", "400"}});
  for (std::string_view value : {"2024-02-29", "2000-02-29", "1900-02-28", "2023-12-31",
                                 "2024-01-01", "2024-03-01", "2100-03-01", "0001-01-01"}) {
    std::string out = anonymized(*anonymizer, value);
    INFO(value << " -> " << out);
    long moved = days_between(value, out);
    CHECK(moved != 0);
    CHECK(std::abs(moved) <= 400);
    CHECK(out.substr(4, 1) == "-");
  }
}

TEST_CASE("date_shift keeps the time and the zone of timestamps") {
  auto anonymizer = shift({}, "timestamp with time zone");
  for (std::string_view rest :
       {" 12:34:56", " 12:34:56.789", " 00:00:00+01", " 23:59:59.5-09:30", " 08:00:00+05:53:28"}) {
    std::string value = "2024-03-01" + std::string(rest);
    std::string out = anonymized(*anonymizer, value);
    INFO(value << " -> " << out);
    CHECK(out.substr(10) == rest);
    long moved = days_between(value, out);
    CHECK(moved != 0);
    CHECK(std::abs(moved) <= 30);
  }
}

TEST_CASE("date_shift keeps infinity and the shift depends on the value only") {
  auto anonymizer = shift();
  CHECK(anonymized(*anonymizer, "infinity") == "infinity");
  CHECK(anonymized(*anonymizer, "-infinity") == "-infinity");
  std::string out = anonymized(*anonymizer, "1985-07-13");
  anonymized(*anonymizer, "2001-01-01");
  CHECK(anonymized(*anonymizer, "1985-07-13") == out);
  CHECK(anonymized(*shift(), "1985-07-13") == out);
  std::set<std::string> seeded;
  for (int i = 1; i <= 9; ++i) {
    seeded.insert(anonymized(*shift({}, "date", "seed" + std::to_string(i)), "1985-07-13"));
  }
  CHECK(seeded.size() > 1);
}

TEST_CASE("date_shift handles BC dates and years past 9999") {
  auto anonymizer = shift({{"days", "3650"}});
  std::string bc = anonymized(*anonymizer, "0044-03-15 BC");
  CHECK(bc.ends_with(" BC"));
  CHECK(bc != "0044-03-15 BC");
  std::string ts = anonymized(*anonymizer, "0044-03-15 12:00:00+00 BC");
  CHECK(ts.ends_with(" 12:00:00+00 BC"));
  // Around year 1: 0001-01-01 minus a day is 0001-12-31 BC (there is no year 0).
  auto near = shift({{"days", "1"}});
  std::string first = anonymized(*near, "0001-01-01");
  CHECK((first == "0001-12-31 BC" || first == "0001-01-02"));
  std::string last_bc = anonymized(*near, "0001-12-31 BC");
  CHECK((last_bc == "0001-12-30 BC" || last_bc == "0001-01-01"));
  std::string far = anonymized(*anonymizer, "12345-06-07");
  CHECK(far.substr(0, 3) == "123");
  CHECK(far.size() == 11);
  CHECK(std::abs(days_between("0044-03-15 BC", bc)) <= 3650);
  CHECK(days_between("0044-03-15 BC", bc) != 0);
}

TEST_CASE("date_shift never leaves PostgreSQL's range") {
  auto anonymizer = shift({{"days", "36500"}});
  std::string low = anonymized(*anonymizer, "4713-11-24 BC");
  INFO(low);
  CHECK(low.ends_with(" BC"));
  int low_year = std::stoi(low.substr(0, 4));
  CHECK(low_year <= 4713);
  CHECK(low_year >= 4613);
  CHECK((low_year < 4713 || low.substr(5, 5) > "11-24"));

  std::string high = anonymized(*anonymizer, "5874897-12-31");
  INFO(high);
  CHECK(high != "5874897-12-31");
  CHECK(std::stoi(high.substr(0, 7)) >= 5874797);

  std::string high_ts =
      anonymized(*shift({{"days", "36500"}}, "timestamp"), "294276-12-31 23:59:59");
  INFO(high_ts);
  CHECK(high_ts.ends_with(" 23:59:59"));
  int ts_year = std::stoi(high_ts.substr(0, 6));
  CHECK(ts_year <= 294276);
  CHECK(ts_year >= 294176);
  CHECK(high_ts != "294276-12-31 23:59:59");
}

TEST_CASE("date_shift refuses text that is no ISO date, without quoting it") {
  auto anonymizer = shift();
  for (std::string_view value : {"03/01/2024", "2024-02-30", "2024-13-01", "2024-3-1", "today", "",
                                 "0000-01-01 BC", "2024-03-01x"}) {
    INFO(value);
    std::string out;
    try {
      anonymizer->apply(value, out);
      FAIL("accepted");
    } catch (const confiture::Error& error) {
      CHECK(error.code == confiture::codes::kAnonBadRule);
      CHECK_THAT(error.what(), Catch::Contains("people.born_on"));
      if (!value.empty()) CHECK(std::string(error.what()).find(value) == std::string::npos);
    }
  }
}
