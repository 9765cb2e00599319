// ${VAR} expansion for configuration values.
#include "confiture/config/expand_variables.hpp"

#include <fmt/format.h>

#include "confiture/report/codes.hpp"
#include "confiture/report/located_error.hpp"

namespace confiture::config {
namespace {

bool is_name_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }

bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

bool is_valid_name(std::string_view name) {
  if (name.empty() || !is_name_start(name.front())) return false;
  for (char c : name) {
    if (!is_name_char(c)) return false;
  }
  return true;
}

}  // namespace

std::string expand_variables(std::string_view text, const EnvLookup& env,
                             const SourceLocation& where) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 3, "$${") == 0) {
      out += "${";
      i += 3;
      continue;
    }
    if (text.compare(i, 2, "${") != 0) {
      out += text[i++];
      continue;
    }
    // The text is never echoed in these errors: it may be part of a password.
    const std::size_t close = text.find('}', i + 2);
    if (close == std::string_view::npos) {
      throw report::located_error(codes::kConfigInvalidValue, where,
                                  "unclosed variable reference: '${' without a closing '}'",
                                  "write ${NAME} or ${NAME:-default}; use $${ for a literal ${");
    }
    const std::string_view inner = text.substr(i + 2, close - i - 2);
    const std::size_t dash = inner.find(":-");
    const std::string_view name = inner.substr(0, dash);
    if (!is_valid_name(name)) {
      throw report::located_error(
          codes::kConfigInvalidValue, where,
          "malformed variable reference: a name of letters, digits and _ must follow '${'",
          "write ${NAME} or ${NAME:-default}; use $${ for a literal ${");
    }
    const std::optional<std::string> value = env(std::string(name));
    if (dash != std::string_view::npos) {
      // Shell semantics of ':-': an empty value counts as unset.
      out += (value && !value->empty()) ? *value : std::string(inner.substr(dash + 2));
    } else if (value) {
      out += *value;
    } else {
      Error error = report::located_error(
          codes::kConfigUnsetVariable, where,
          fmt::format("environment variable {} is not set", name),
          fmt::format("export {} before running confiture, or write ${{{}:-default}}", name, name));
      error.details["variable"] = std::string(name);
      throw error;
    }
    i = close + 1;
  }
  return out;
}

}  // namespace confiture::config
