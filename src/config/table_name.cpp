// Parsing `schema.table` with optionally "quoted" parts, for every command that reads it.
#include "confiture/config/table_name.hpp"

#include <vector>

namespace confiture::config {
namespace {

bool is_plain_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_plain_char(char c) { return is_plain_start(c) || (c >= '0' && c <= '9'); }

// One part starting at `at`; advances `at` past it. nullopt when it is not a valid part.
std::optional<std::string> read_part(std::string_view text, std::size_t& at) {
  std::string part;
  if (at < text.size() && text[at] == '"') {
    for (++at;; ++at) {
      if (at >= text.size() || text[at] == '\0') return std::nullopt;  // unclosed
      if (text[at] == '"') {
        if (at + 1 < text.size() && text[at + 1] == '"') {
          part += '"';
          ++at;
          continue;
        }
        ++at;
        break;
      }
      part += text[at];
    }
    return part.empty() ? std::nullopt : std::optional<std::string>(part);
  }
  if (at >= text.size() || !is_plain_start(text[at])) return std::nullopt;
  while (at < text.size() && is_plain_char(text[at])) part += text[at++];
  return part;
}

}  // namespace

std::optional<SplitTableName> split_table_name(std::string_view text) {
  std::vector<std::string> parts;
  std::size_t at = 0;
  while (true) {
    auto part = read_part(text, at);
    if (!part) return std::nullopt;
    parts.push_back(std::move(*part));
    if (at == text.size()) break;
    if (text[at] != '.' || parts.size() == 2) return std::nullopt;
    ++at;
  }
  if (parts.size() == 1) return SplitTableName{"", std::move(parts[0])};
  return SplitTableName{std::move(parts[0]), std::move(parts[1])};
}

}  // namespace confiture::config
