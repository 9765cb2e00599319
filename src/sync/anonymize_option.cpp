// Parses `--anonymize table.column[:strategy],...` into column rules. Names are taken as written
// (unquoted, case kept); a name that contains a dot or needs quotes goes in a profile instead.
#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <utility>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/sync/profile.hpp"

namespace confiture::sync {
namespace {

constexpr std::string_view kOrigin = "--anonymize";
constexpr std::string_view kFormatHint =
    "write table.column[:strategy] or schema.table.column[:strategy], comma-separated; names "
    "that contain dots or need quotes go in a profile (--profile FILE)";

std::string_view trim(std::string_view text) {
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

[[noreturn]] void fail(std::string_view item, const std::string& message, std::string hint) {
  Error error(codes::kAnonBadProfile, ExitClass::kConfig, fmt::format("{}: {}", kOrigin, message),
              std::move(hint));
  error.details["item"] = std::string(item);
  throw error;
}

std::string strategy_names() {
  std::vector<std::string_view> names;
  for (const StrategyInfo& info : strategies()) names.push_back(info.name);
  return fmt::format("the strategies are {}", fmt::join(names, ", "));
}

}  // namespace

std::vector<ColumnRule> parse_anonymize_option(std::string_view text) {
  if (trim(text).empty()) fail(text, "no column given", std::string(kFormatHint));
  std::vector<ColumnRule> rules;
  std::set<std::pair<std::string, std::string>> seen;
  for (const std::string_view raw : split(text, ',')) {
    const std::string_view item = trim(raw);
    if (item.empty()) {
      fail(item, fmt::format("empty item in '{}' (a stray comma?)", text),
           std::string(kFormatHint));
    }
    const std::size_t colon = item.find(':');
    const std::string_view target = trim(item.substr(0, colon));

    ColumnRule rule;
    rule.origin = std::string(kOrigin);
    if (colon != std::string_view::npos) {
      rule.spec.strategy = std::string(trim(item.substr(colon + 1)));
      if (rule.spec.strategy.empty()) {
        fail(item, fmt::format("'{}' has no strategy after ':'", item),
             "name a strategy after ':', or leave out ':' to pick one from the column's name "
             "and type");
      }
      if (find_strategy(rule.spec.strategy) == nullptr) {
        fail(item, fmt::format("'{}' names unknown strategy '{}'", item, rule.spec.strategy),
             strategy_names());
      }
    }

    std::vector<std::string_view> parts = split(target, '.');
    for (auto& part : parts) part = trim(part);
    const bool blank =
        std::any_of(parts.begin(), parts.end(), [](std::string_view part) { return part.empty(); });
    if (parts.size() < 2 || parts.size() > 3 || blank) {
      fail(item, fmt::format("'{}' is not table.column or schema.table.column", target),
           std::string(kFormatHint));
    }
    if (target.find('"') != std::string_view::npos) {
      fail(item, fmt::format("'{}' has quotes; names are taken as written, case kept", target),
           "write the names without quotes, or use a profile for names that contain dots");
    }
    rule.column = std::string(parts.back());
    rule.table =
        parts.size() == 3 ? fmt::format("{}.{}", parts[0], parts[1]) : std::string(parts[0]);
    if (!seen.emplace(rule.table, rule.column).second) {
      fail(item, fmt::format("{}.{} is listed twice", rule.table, rule.column),
           "give each column once");
    }
    rules.push_back(std::move(rule));
  }
  return rules;
}

}  // namespace confiture::sync
