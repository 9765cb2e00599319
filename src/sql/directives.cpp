// Recognises confiture's comment directives at the top of a SQL file.
#include "confiture/sql/directives.hpp"

namespace confiture::sql {

namespace {

std::string_view trim(std::string_view text) {
  constexpr std::string_view kBlanks = " \t\r\f\v";
  const std::size_t first = text.find_first_not_of(kBlanks);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kBlanks) - first + 1);
}

}  // namespace

bool has_no_transaction_directive(std::string_view text) {
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (text.starts_with(kByteOrderMark)) text.remove_prefix(kByteOrderMark.size());
  std::string_view line = trim(text.substr(0, text.find('\n')));
  if (!line.starts_with("--")) return false;
  line.remove_prefix(2);
  return trim(line) == "confiture:no-transaction";
}

}  // namespace confiture::sql
