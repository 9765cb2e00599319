// The strategy registry and make_anonymizer: every rule is checked here (name, option keys,
// column type, key) before any row is copied, so a bad profile fails at once with ANON_14xx.
#include <fmt/format.h>

#include <array>
#include <cctype>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/sync/anonymizer.hpp"
#include "sync/anonymize/strategy_factories.hpp"

namespace confiture::sync {

namespace {

using anonymize::StrategyArgs;
using namespace std::string_view_literals;

// Which columns a strategy can write.
enum class Fits {
  kAnyType,   // fixed, null, preserve
  kString,    // text producers: typcategory 'S' (text, varchar, char, citext, ...)
  kDateTime,  // date, timestamp, timestamptz
  kNetwork,   // inet, cidr, or a string column
};

struct Builder {
  std::string_view name;  // the same as kStrategies' entry at the same index
  Fits fits;
  std::unique_ptr<Anonymizer> (*make)(const StrategyArgs&);
};

constexpr std::array kEmailOptions = {"domain"sv, "keep_domain"sv};
constexpr std::array kDateShiftOptions = {"days"sv};
constexpr std::array kHashOptions = {"length"sv, "prefix"sv};
constexpr std::array kFixedOptions = {"value"sv};

// The order of docs/sync.md.
constexpr std::array kStrategies = {
    StrategyInfo{"email", true, "unique keyed address, <20 base32 chars>@example.com",
                 kEmailOptions},
    StrategyInfo{"phone", true, "every digit replaced by a keyed different digit, format kept", {}},
    StrategyInfo{"name", true, "keyed \"First Last\" from built-in lists", {}},
    StrategyInfo{"first_name", true, "keyed first name from a built-in list", {}},
    StrategyInfo{"last_name", true, "keyed last name from a built-in list", {}},
    StrategyInfo{
        "address", true, "keyed \"742 Maple Street, Springfield\" from built-in lists", {}},
    StrategyInfo{"hash", true, "lowercase hex of HMAC-SHA-256, unique", kHashOptions},
    StrategyInfo{"credit_card", true, "Luhn-valid keyed card number keeping the last 4 digits", {}},
    StrategyInfo{"ip", true, "prefix-preserving keyed IPv4/IPv6 address (Crypto-PAn)", {}},
    StrategyInfo{"date_shift", true, "date/timestamp moved by a keyed non-zero number of days",
                 kDateShiftOptions},
    StrategyInfo{"text_redact", false, "free text with emails, phones and URLs masked", {}},
    StrategyInfo{"redact", false, "\"[REDACTED]\" for every value", {}},
    StrategyInfo{"fixed", false, "the option `value` for every value", kFixedOptions},
    StrategyInfo{"null", false, "NULL for every value (not on a NOT NULL column)", {}},
    StrategyInfo{"preserve", false, "copied as it is: the column is not personal data", {}},
};

constexpr std::array<Builder, kStrategies.size()> kBuilders = {{
    {"email", Fits::kString, anonymize::make_email},
    {"phone", Fits::kString, anonymize::make_phone},
    {"name", Fits::kString, anonymize::make_person_name},
    {"first_name", Fits::kString, anonymize::make_person_name},
    {"last_name", Fits::kString, anonymize::make_person_name},
    {"address", Fits::kString, anonymize::make_address},
    {"hash", Fits::kString, anonymize::make_hash},
    {"credit_card", Fits::kString, anonymize::make_credit_card},
    {"ip", Fits::kNetwork, anonymize::make_ip_address},
    {"date_shift", Fits::kDateTime, anonymize::make_date_shift},
    {"text_redact", Fits::kString, anonymize::make_text_redact},
    {"redact", Fits::kString, anonymize::make_redact},
    {"fixed", Fits::kAnyType, anonymize::make_fixed},
    {"null", Fits::kAnyType, anonymize::make_null_value},
    {"preserve", Fits::kAnyType, anonymize::make_preserve},
}};

constexpr bool builders_follow_strategies() {
  for (std::size_t i = 0; i < kStrategies.size(); ++i) {
    if (kBuilders[i].name != kStrategies[i].name) return false;
  }
  return true;
}
static_assert(builders_follow_strategies(),
              "kBuilders must list the strategies in kStrategies' order");

std::string lowercase(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

bool fits(Fits kind, const ColumnInfo& column) {
  std::string base = lowercase(column.base_type.empty() ? column.type : column.base_type);
  switch (kind) {
    case Fits::kAnyType:
      return true;
    case Fits::kString:
      return column.type_category == 'S';
    case Fits::kDateTime:
      return base == "date" || base.starts_with("timestamp");
    case Fits::kNetwork:
      return base == "inet" || base == "cidr" || column.type_category == 'S';
  }
  return false;
}

std::string_view needs(Fits kind) {
  switch (kind) {
    case Fits::kAnyType:
      return "any column";
    case Fits::kString:
      return "a text column (text, varchar, char)";
    case Fits::kDateTime:
      return "a date, timestamp or timestamptz column";
    case Fits::kNetwork:
      return "an inet, cidr or text column";
  }
  return "";
}

[[noreturn]] void refuse(const std::string& code, const StrategySpec& spec,
                         const ColumnInfo& column, const std::string& message,
                         const std::string& hint) {
  Error error(code, ExitClass::kConfig, message, hint);
  error.details = {{"table", column.table}, {"column", column.column}, {"strategy", spec.strategy}};
  throw error;
}

std::string joined(std::span<const std::string_view> words) {
  std::string text;
  for (std::string_view word : words) {
    if (!text.empty()) text += ", ";
    text += word;
  }
  return text;
}

std::string joined_names() {
  std::string names;
  for (const StrategyInfo& info : kStrategies) {
    if (!names.empty()) names += ", ";
    names += info.name;
  }
  return names;
}

}  // namespace

std::span<const StrategyInfo> strategies() { return kStrategies; }

const StrategyInfo* find_strategy(std::string_view name) {
  for (const StrategyInfo& info : kStrategies) {
    if (info.name == name) return &info;
  }
  return nullptr;
}

std::unique_ptr<Anonymizer> make_anonymizer(const StrategySpec& spec, const ColumnInfo& column,
                                            const AnonKey* key) {
  std::string label = column.table + "." + column.column;
  const StrategyInfo* info = find_strategy(spec.strategy);
  if (info == nullptr) {
    refuse(codes::kAnonBadRule, spec, column,
           fmt::format("unknown anonymisation strategy '{}' for {}", spec.strategy, label),
           "known strategies: " + joined_names());
  }
  const Builder& builder = kBuilders[info - kStrategies.data()];

  for (const auto& [name, value] : spec.options) {
    bool known = false;
    for (std::string_view option : info->options) known = known || option == name;
    if (!known) {
      refuse(codes::kAnonBadRule, spec, column,
             fmt::format("strategy '{}' on {} has no option '{}'", spec.strategy, label, name),
             info->options.empty() ? fmt::format("'{}' takes no options", spec.strategy)
                                   : "valid options: " + joined(info->options));
    }
  }
  if (!fits(builder.fits, column)) {
    refuse(codes::kAnonBadRule, spec, column,
           fmt::format("strategy '{}' cannot write {} of type {}: it needs {}", spec.strategy,
                       label, column.type, needs(builder.fits)),
           "pick a strategy for this type: `fixed`, `null` and `preserve` fit any column");
  }
  if (info->keyed && (key == nullptr || key->secret().empty())) {
    std::string where = spec.key_env.empty()
                            ? "CONFITURE_ANON_KEY (or the variable the profile's key_env names)"
                            : "the environment variable " + spec.key_env;
    refuse(codes::kAnonNoKey, spec, column,
           fmt::format("strategy '{}' on {} needs the anonymisation key, and none is set",
                       spec.strategy, label),
           fmt::format("set {} to a long random secret; the same key gives the same outputs in "
                       "every run",
                       where));
  }
  return builder.make(StrategyArgs{spec, column, key});
}

}  // namespace confiture::sync
