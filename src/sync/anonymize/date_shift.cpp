// `date_shift`: dates and timestamps (ISO text, as a DateStyle ISO session prints them) moved by a
// keyed, non-zero number of days in [-days, +days]; the time and zone text is kept. Dates are
// converted to day numbers of the proleptic Gregorian calendar (PostgreSQL's), so month lengths,
// leap years and BC dates (astronomical year 1 - n) come out right. A shift that would leave
// PostgreSQL's range goes the other way instead.
#include <fmt/format.h>

#include <charconv>
#include <cstdint>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "sync/anonymize/keyed_hash.hpp"
#include "sync/anonymize/strategy_factories.hpp"

namespace confiture::sync::anonymize {

namespace {

struct CivilDate {
  std::int64_t year;  // astronomical: 0 is 1 BC, -1 is 2 BC
  unsigned month;
  unsigned day;
};

// Days since 1970-01-01 (H. Hinnant's days_from_civil, exact for any proleptic Gregorian date).
constexpr std::int64_t day_number(const CivilDate& date) {
  std::int64_t year = date.year - (date.month <= 2 ? 1 : 0);
  std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  auto year_of_era = static_cast<unsigned>(year - era * 400);
  unsigned day_of_year =
      (153 * (date.month > 2 ? date.month - 3 : date.month + 9) + 2) / 5 + date.day - 1;
  unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

constexpr CivilDate civil_date(std::int64_t days) {
  days += 719468;
  std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  auto day_of_era = static_cast<unsigned>(days - era * 146097);
  unsigned year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  unsigned shifted_month = (5 * day_of_year + 2) / 153;
  unsigned day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
  unsigned month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
  std::int64_t year = static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

// PostgreSQL's range: 4713-11-24 BC for both; 294276-12-31 for timestamps, 5874897-12-31 for dates.
constexpr std::int64_t kFirstDay = day_number({-4712, 11, 24});
constexpr std::int64_t kLastTimestampDay = day_number({294276, 12, 31});
constexpr std::int64_t kLastDateDay = day_number({5874897, 12, 31});

bool read_number(std::string_view text, std::size_t& pos, std::size_t min_digits,
                 std::size_t max_digits, std::int64_t& value) {
  std::size_t start = pos;
  while (pos < text.size() && pos - start < max_digits && text[pos] >= '0' && text[pos] <= '9') {
    ++pos;
  }
  if (pos - start < min_digits) return false;
  std::from_chars(text.data() + start, text.data() + pos, value);
  return true;
}

// PostgreSQL pads years to 4 digits and months and days to 2.
void append_padded(std::string& out, std::int64_t number, std::size_t width) {
  char digits[24];
  auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
  auto size = static_cast<std::size_t>(end - digits);
  if (size < width) out.append(width - size, '0');
  out.append(digits, size);
}

class DateShift final : public Anonymizer {
 public:
  DateShift(const AnonKey& key, std::string_view seed, int days, const ColumnInfo& column)
      : hash_(key, "date_shift", seed), days_(days), table_(column.table), column_(column.column) {}

  bool apply(std::string_view value, std::string& out) override {
    if (value == "infinity" || value == "-infinity") {
      out.append(value);
      return true;
    }
    std::string_view text = value;
    bool bc = text.ends_with(" BC");
    if (bc) text.remove_suffix(3);
    std::int64_t year = 0;
    std::int64_t month = 0;
    std::int64_t day = 0;
    std::size_t pos = 0;
    bool ok = read_number(text, pos, 4, 7, year) && pos < text.size() && text[pos++] == '-' &&
              read_number(text, pos, 2, 2, month) && pos < text.size() && text[pos++] == '-' &&
              read_number(text, pos, 2, 2, day) && (pos == text.size() || text[pos] == ' ') &&
              month >= 1 && month <= 12 && day >= 1 && !(bc && year == 0);
    CivilDate date{bc ? 1 - year : year, static_cast<unsigned>(month), static_cast<unsigned>(day)};
    std::int64_t number = ok ? day_number(date) : 0;
    if (!ok || civil_date(number).day != date.day) unreadable();

    std::string_view rest = text.substr(pos);  // " 12:34:56.789+01" or empty
    std::int64_t shift = shift_of(value);
    std::int64_t last = rest.empty() ? kLastDateDay : kLastTimestampDay;
    if (number + shift < kFirstDay || number + shift > last) shift = -shift;
    CivilDate shifted = civil_date(number + shift);

    bool shifted_bc = shifted.year <= 0;
    append_padded(out, shifted_bc ? 1 - shifted.year : shifted.year, 4);
    out.push_back('-');
    append_padded(out, shifted.month, 2);
    out.push_back('-');
    append_padded(out, shifted.day, 2);
    out.append(rest);
    if (shifted_bc) out.append(" BC");
    return true;
  }

 private:
  // Uniform over the 2 * days non-zero shifts (the modulo bias of 64 bits is negligible).
  std::int64_t shift_of(std::string_view value) {
    auto span = static_cast<std::uint64_t>(2 * days_);
    auto r = static_cast<std::int64_t>(digest_u64(hash_.digest(value), 0) % span);
    return r < days_ ? r - days_ : r - days_ + 1;
  }

  // The value stays out of the message: it is personal data.
  [[noreturn]] void unreadable() const {
    Error error(codes::kAnonBadRule, ExitClass::kConfig,
                fmt::format("strategy 'date_shift' on {}.{} met a value that is not an ISO date or "
                            "timestamp",
                            table_, column_),
                "the source session must print dates with DateStyle ISO; use `fixed` or `null` "
                "for a column of another type");
    error.details = {{"table", table_}, {"column", column_}, {"strategy", "date_shift"}};
    throw error;
  }

  KeyedHash hash_;
  std::int64_t days_;
  std::string table_;
  std::string column_;
};

}  // namespace

std::unique_ptr<Anonymizer> make_date_shift(const StrategyArgs& args) {
  int days = int_option(args, "days", 30, 1, 36500);
  return std::make_unique<DateShift>(*args.key, args.spec.seed, days, args.column);
}

}  // namespace confiture::sync::anonymize
