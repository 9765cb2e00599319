// Maps byte offsets in SQL text to what a user sees in an editor (line, column, the line itself),
// and PostgreSQL's character positions back to byte offsets.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace confiture::sql {

struct LineColumn {
  int line = 1;    // 1-based; lines end with '\n' ("\r\n" counts once)
  int column = 1;  // 1-based, in UTF-8 characters
};

// Position of `byte_offset` (clamped to text.size()). An offset inside a multibyte character
// reports that character's column.
LineColumn line_column(std::string_view text, std::size_t byte_offset);

// Byte offset of the character with 0-based index `char_index`, counting characters the way
// PostgreSQL does for UTF-8 (so for a server error position P, pass P - 1). Clamps to text.size().
std::size_t byte_offset_of_character(std::string_view text, std::size_t char_index);

// The whole line containing `byte_offset` (clamped), without its line ending.
std::string line_at(std::string_view text, std::size_t byte_offset);

}  // namespace confiture::sql
