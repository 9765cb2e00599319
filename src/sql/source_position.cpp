// Byte offsets <-> lines, columns and PostgreSQL character positions.
#include "confiture/sql/source_position.hpp"

#include <algorithm>

namespace confiture::sql {

namespace {

// Bytes in the UTF-8 character that starts with `lead`, by PostgreSQL's pg_utf_mblen (a stray byte
// counts as one character). Using the server's rule keeps our counts equal to its positions even
// on invalid UTF-8.
std::size_t character_length(unsigned char lead) {
  if ((lead & 0x80) == 0) return 1;
  if ((lead & 0xE0) == 0xC0) return 2;
  if ((lead & 0xF0) == 0xE0) return 3;
  if ((lead & 0xF8) == 0xF0) return 4;
  return 1;
}

std::size_t line_start(std::string_view text, std::size_t offset) {
  if (offset == 0) return 0;
  const std::size_t newline = text.rfind('\n', offset - 1);
  return newline == std::string_view::npos ? 0 : newline + 1;
}

}  // namespace

LineColumn line_column(std::string_view text, std::size_t byte_offset) {
  const std::size_t offset = std::min(byte_offset, text.size());
  const std::size_t start = line_start(text, offset);
  LineColumn position;
  position.line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
  // Count only characters that end at or before the offset, so an offset inside a multibyte
  // character reports that character.
  for (std::size_t i = start; i < offset && i + character_length(text[i]) <= offset;) {
    i += character_length(text[i]);
    ++position.column;
  }
  return position;
}

std::size_t byte_offset_of_character(std::string_view text, std::size_t char_index) {
  std::size_t offset = 0;
  for (std::size_t i = 0; i < char_index && offset < text.size(); ++i) {
    offset += character_length(text[offset]);
  }
  return std::min(offset, text.size());
}

std::string line_at(std::string_view text, std::size_t byte_offset) {
  const std::size_t offset = std::min(byte_offset, text.size());
  const std::size_t start = line_start(text, offset);
  std::size_t end = text.find('\n', offset);
  if (end == std::string_view::npos) end = text.size();
  if (end > start && text[end - 1] == '\r') --end;
  return std::string(text.substr(start, end - start));
}

}  // namespace confiture::sql
