// The value-safety rules of a column type change (docs/diff.md, "Type changes"). A change is
// lossless only when it is on the known-widening list; a change whose assignment coercion raises
// an error on a value that does not fit fails safely; everything else may change values.
#include "conversions.hpp"

#include <fmt/format.h>

#include <cctype>
#include <optional>
#include <vector>

namespace confiture::diff {
namespace {

struct Shape {
  std::string base;       // format_type without the "(...)" modifier and without "[]"
  std::vector<int> mods;  // the numbers of the modifier: (5), (12,4), (3)
  bool array = false;
};

std::string collapse_spaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The "(...)" of a format_type spelling when it holds only numbers: "timestamp(3) with time
// zone" -> [9, 12). A quoted type name is left alone.
std::optional<std::pair<std::size_t, std::size_t>> modifier_span(const std::string& type) {
  if (type.find('"') != std::string::npos) return std::nullopt;
  const std::size_t open = type.find('(');
  if (open == std::string::npos) return std::nullopt;
  const std::size_t close = type.find(')', open);
  if (close == std::string::npos) return std::nullopt;
  for (std::size_t i = open + 1; i < close; ++i) {
    const char c = type[i];
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != ',' && c != ' ') return std::nullopt;
  }
  return std::make_pair(open, close + 1);
}

Shape shape_of(std::string type) {
  Shape shape;
  if (type.size() > 2 && type.ends_with("[]")) {
    shape.array = true;
    while (type.ends_with("[]")) type.resize(type.size() - 2);
  }
  if (auto span = modifier_span(type)) {
    std::string numbers = type.substr(span->first + 1, span->second - span->first - 2);
    int value = 0;
    bool any = false;
    for (char c : numbers + ",") {
      if (std::isdigit(static_cast<unsigned char>(c))) {
        value = value * 10 + (c - '0');
        any = true;
      } else if (c == ',') {
        if (any) shape.mods.push_back(value);
        value = 0;
        any = false;
      }
    }
    type = type.substr(0, span->first) + " " + type.substr(span->second);
  }
  shape.base = collapse_spaces(type);
  return shape;
}

int integer_rank(const std::string& base) {
  if (base == "smallint") return 2;
  if (base == "integer") return 4;
  if (base == "bigint") return 8;
  return 0;
}

// Decimal digits every value of the integer type fits in, and the most that a numeric(p,0) may
// have for all its values to fit the integer type.
int integer_digits(int rank) { return rank == 2 ? 5 : rank == 4 ? 10 : 19; }
int integer_safe_digits(int rank) { return rank == 2 ? 4 : rank == 4 ? 9 : 18; }

bool is_float(const std::string& base) { return base == "real" || base == "double precision"; }

bool is_unbounded_string(const Shape& s) {
  return s.base == "text" || s.base == "bpchar" ||
         (s.base == "character varying" && s.mods.empty());
}
bool is_bounded_string(const Shape& s) {
  return (s.base == "character varying" || s.base == "character") && !s.mods.empty();
}
bool is_string(const Shape& s) { return is_unbounded_string(s) || is_bounded_string(s); }

bool is_time_kind(const std::string& base) {
  return base == "timestamp without time zone" || base == "timestamp with time zone" ||
         base == "time without time zone" || base == "time with time zone" || base == "interval";
}

// Types whose text form (with the default extra_float_digits, DateStyle and bytea_output) reads
// back as the same value.
bool text_form_is_exact(const Shape& s, char category) {
  static const std::vector<std::string> exact = {"smallint",
                                                 "integer",
                                                 "bigint",
                                                 "numeric",
                                                 "real",
                                                 "double precision",
                                                 "boolean",
                                                 "uuid",
                                                 "date",
                                                 "timestamp without time zone",
                                                 "timestamp with time zone",
                                                 "time without time zone",
                                                 "time with time zone",
                                                 "interval",
                                                 "json",
                                                 "jsonb",
                                                 "inet",
                                                 "cidr",
                                                 "macaddr",
                                                 "macaddr8",
                                                 "bytea",
                                                 "xml",
                                                 "bit",
                                                 "bit varying",
                                                 "oid"};
  if (category == 'E') return true;
  for (const std::string& name : exact) {
    if (s.base == name || s.base.rfind("interval ", 0) == 0) return true;
  }
  return false;
}

// Types a string converts to only when it is valid input, and then exactly.
bool exact_from_text(const Shape& s, char category) {
  static const std::vector<std::string> exact = {"smallint", "integer",  "bigint", "boolean",
                                                 "uuid",     "json",     "inet",   "cidr",
                                                 "macaddr",  "macaddr8", "xml"};
  if (category == 'E') return true;
  if (s.base == "numeric" && s.mods.empty()) return true;
  for (const std::string& name : exact) {
    if (s.base == name) return true;
  }
  return false;
}

int fractional_precision(const Shape& s) { return s.mods.empty() ? 6 : s.mods.back(); }

ConversionVerdict lossless() { return {Conversion::kLossless, {}}; }
ConversionVerdict misfit(std::string why) { return {Conversion::kFailsOnMisfit, std::move(why)}; }
ConversionVerdict lossy(std::string why) { return {Conversion::kLossy, std::move(why)}; }

// A string to a shorter varchar(n) or char(n). PostgreSQL's assignment rule drops excess
// characters without an error when they are all spaces: padding for char(n), but data for
// varchar(n), so a varchar target gets a check of its own first (`guard_length`).
ConversionVerdict string_misfit(const Shape& f, const Shape& t, const std::string& object) {
  if (t.base == "character") {
    return misfit(
        fmt::format("fails if a value of {} is longer than {} characters (excess "
                    "spaces are padding in character({}) and are dropped)",
                    object, t.mods[0], t.mods[0]));
  }
  ConversionVerdict verdict =
      misfit(fmt::format("fails if a value of {} is longer than {} characters", object, t.mods[0]));
  // From char(n) the trailing spaces are padding, which the cast drops anyway.
  if (f.base != "character" && f.base != "bpchar") verdict.guard_length = t.mods[0];
  return verdict;
}

ConversionVerdict classify(const Shape& f, char f_category, const Shape& t, char t_category,
                           const std::string& object, const std::string& to_type) {
  const std::string unknown = fmt::format(
      "values of {} may not survive the change to {}: it is not on confiture's list of lossless "
      "conversions",
      object, to_type);
  if (f.array != t.array) return lossy(unknown);
  // Same type, another length, precision or scale.
  if (f.base == t.base) {
    if (f.mods == t.mods) return lossless();
    const bool f_bounded = !f.mods.empty();
    const bool t_bounded = !t.mods.empty();
    if (f.base == "character varying" || f.base == "character" || f.base == "bit varying") {
      if (!t_bounded || (f_bounded && t.mods[0] >= f.mods[0])) return lossless();
      if (f.base == "bit varying") {
        return misfit(
            fmt::format("fails if a value of {} is longer than {} bits", object, t.mods[0]));
      }
      return string_misfit(f, t, object);
    }
    if (f.base == "bit") {
      return misfit(fmt::format("fails unless every value of {} is exactly {} bits long", object,
                                t_bounded ? t.mods[0] : 1));
    }
    if (f.base == "numeric") {
      if (!t_bounded) return lossless();
      const int p2 = t.mods[0];
      const int s2 = t.mods.size() > 1 ? t.mods[1] : 0;
      if (!f_bounded) {
        return lossy(
            fmt::format("rounds values of {} to {} decimal place(s) (and fails on a value "
                        "with more than {} digit(s) before the point)",
                        object, s2, p2 - s2));
      }
      const int p = f.mods[0];
      const int s = f.mods.size() > 1 ? f.mods[1] : 0;
      if (s2 < s) {
        return lossy(
            fmt::format("rounds values of {} from {} to {} decimal place(s)", object, s, s2));
      }
      if (p2 - s2 < p - s) {
        return misfit(
            fmt::format("fails if a value of {} has more than {} digit(s) before the "
                        "decimal point",
                        object, p2 - s2));
      }
      return lossless();
    }
    if (is_time_kind(f.base)) {
      if (fractional_precision(t) >= fractional_precision(f)) return lossless();
      return lossy(fmt::format("rounds values of {} to {} fractional digit(s) of a second", object,
                               fractional_precision(t)));
    }
    return lossy(unknown);
  }
  const int f_int = integer_rank(f.base);
  const int t_int = integer_rank(t.base);
  if (f_int && t_int) {
    if (t_int > f_int) return lossless();
    return misfit(fmt::format("fails if a value of {} is out of range for {}", object, to_type));
  }
  if (f_int && t.base == "numeric") {
    if (t.mods.empty()) return lossless();
    const int digits = t.mods[0] - (t.mods.size() > 1 ? t.mods[1] : 0);
    if (digits >= integer_digits(f_int)) return lossless();
    return misfit(fmt::format("fails if a value of {} has more than {} digit(s)", object, digits));
  }
  if (f_int && is_float(t.base)) {
    const bool exact = t.base == "double precision" ? f_int <= 4 : f_int == 2;
    if (exact) return lossless();
    return lossy(fmt::format("rounds values of {} beyond the {} significant digits {} holds",
                             object, t.base == "real" ? 6 : 15, to_type));
  }
  if (f.base == "numeric" && t_int) {
    const bool whole = !f.mods.empty() && (f.mods.size() < 2 || f.mods[1] == 0);
    if (whole) {
      if (f.mods[0] <= integer_safe_digits(t_int)) return lossless();
      return misfit(fmt::format("fails if a value of {} is out of range for {}", object, to_type));
    }
    return lossy(
        fmt::format("rounds values of {} to whole numbers (and fails on a value out of "
                    "range for {})",
                    object, to_type));
  }
  if (f.base == "real" && t.base == "double precision") return lossless();
  if (f.base == "double precision" && t.base == "real") {
    return lossy(
        fmt::format("rounds values of {} to the 6 significant digits real holds (and "
                    "fails on a value out of real's range)",
                    object));
  }
  if ((f.base == "numeric" || f_int) && is_float(t.base)) {
    return lossy(fmt::format("rounds values of {} to the binary precision of {}", object, to_type));
  }
  if (is_float(f.base) && (t.base == "numeric" || t_int)) {
    return lossy(fmt::format("rounds values of {} (a binary fraction) to {}", object, to_type));
  }
  // To a string type.
  if (is_string(t)) {
    const bool t_bounded = is_bounded_string(t);
    if (is_string(f)) {
      if (!t_bounded) return lossless();
      if (is_bounded_string(f) && f.mods[0] <= t.mods[0]) return lossless();
      return string_misfit(f, t, object);
    }
    if (!text_form_is_exact(f, f_category)) return lossy(unknown);
    if (!t_bounded) return lossless();
    ConversionVerdict verdict = misfit(fmt::format(
        "fails if the text of a value of {} is longer than {} characters", object, t.mods[0]));
    // An enum label may end in spaces, which the assignment rule would cut.
    if (f_category == 'E' && t.base == "character varying") verdict.guard_length = t.mods[0];
    return verdict;
  }
  // From a string type: valid input or an error.
  if (is_string(f)) {
    if (exact_from_text(t, t_category)) {
      return misfit(
          fmt::format("fails if a value of {} is not valid input for {}", object, to_type));
    }
    return lossy(
        fmt::format("values of {} that are not valid input for {} fail, and what {} "
                    "cannot hold (digits, a time of day, a time zone, escapes) is "
                    "dropped without an error",
                    object, to_type, to_type));
  }
  if (f_category == 'E' && t_category == 'E') {
    return misfit(fmt::format("fails if a value of {} is not a label of {}", object, to_type));
  }
  if (f.base == "jsonb" && t.base == "json") return lossless();
  if (f.base == "json" && t.base == "jsonb") {
    return lossy(
        fmt::format("keeps only the last of duplicate keys in values of {}, and drops "
                    "their key order and white space",
                    object));
  }
  if (f.base == "date" && t.base == "timestamp without time zone") return lossless();
  if (f.base == "date" && t.base == "timestamp with time zone") {
    return lossy(
        fmt::format("turns values of {} into midnight in the migration session's "
                    "TimeZone: the date read back depends on the TimeZone",
                    object));
  }
  if (f.base == "timestamp without time zone" && t.base == "timestamp with time zone") {
    return lossy(
        fmt::format("reads values of {} as local times of the migration session's "
                    "TimeZone: a time that zone skips (a daylight-saving gap) comes out "
                    "moved, and every value's meaning depends on that setting",
                    object));
  }
  if (f.base == "timestamp with time zone" && t.base == "timestamp without time zone") {
    return lossy(
        fmt::format("drops the time zone of values of {}: they become local times of the "
                    "migration session's TimeZone, and two instants can become the same "
                    "time at a daylight-saving change",
                    object));
  }
  if (f.base.rfind("timestamp ", 0) == 0 && t.base == "date") {
    return lossy(fmt::format("drops the time of day from values of {}", object));
  }
  if (f.base.rfind("timestamp ", 0) == 0 && t.base.rfind("time ", 0) == 0) {
    return lossy(fmt::format("drops the date from values of {}", object));
  }
  return lossy(unknown);
}

}  // namespace

std::string cast_target(const std::string& type) {
  Shape shape = shape_of(type);
  if (shape.mods.empty()) return type;
  std::string base = shape.base;
  if (base == "character") base = "bpchar";
  if (base == "bit") base = "bit varying";
  // format_type puts the modifier inside "timestamp(3) with time zone": the base without it
  // ("timestamp with time zone") is the same type with no precision.
  return base + (shape.array ? "[]" : "");
}

ConversionVerdict classify_conversion(const catalog::Column& from, const catalog::Column& to,
                                      const std::string& object) {
  const std::string& from_type = from.base_type.empty() ? from.type : from.base_type;
  const std::string& to_type = to.base_type.empty() ? to.type : to.base_type;
  ConversionVerdict verdict = classify(shape_of(from_type), from.type_category, shape_of(to_type),
                                       to.type_category, object, to.type);
  if (from.collation != to.collation && verdict.kind == Conversion::kLossless &&
      from.type == to.type) {
    return verdict;  // only the collation changes: the values stay
  }
  // A domain adds its own checks: a value they refuse fails the statement.
  if (to.type != to_type && verdict.kind == Conversion::kLossless) {
    verdict = misfit(fmt::format("fails if a value of {} breaks a constraint of the domain {}",
                                 object, to.type));
  }
  return verdict;
}

}  // namespace confiture::diff
