// Lines, columns and character positions in SQL text.
#include "confiture/sql/source_position.hpp"

#include <catch2/catch.hpp>

using confiture::sql::byte_offset_of_character;
using confiture::sql::line_at;
using confiture::sql::line_column;

TEST_CASE("line_column counts lines and UTF-8 characters", "[sql][position]") {
  const std::string text = "ab\nçé x\r\n\nlast";
  CHECK(line_column(text, 0).line == 1);
  CHECK(line_column(text, 0).column == 1);
  CHECK(line_column(text, 2).column == 3);  // the newline itself ends line 1
  CHECK(line_column(text, 3).line == 2);
  CHECK(line_column(text, 3).column == 1);
  CHECK(line_column(text, 7).column == 3);  // after "çé" (4 bytes)
  CHECK(line_column(text, 8).column == 4);
  CHECK(line_column(text, 11).line == 3);
  CHECK(line_column(text, 12).line == 4);
  CHECK(line_column(text, 12).column == 1);
  CHECK(line_column(text, 1000).line == 4);
  CHECK(line_column(text, 1000).column == 5);
}

TEST_CASE("line_column inside a multibyte character reports that character", "[sql][position]") {
  const std::string text = "a€b";  // € is bytes 1..3
  CHECK(line_column(text, 1).column == 2);
  CHECK(line_column(text, 2).column == 2);
  CHECK(line_column(text, 3).column == 2);
  CHECK(line_column(text, 4).column == 3);
}

TEST_CASE("byte_offset_of_character follows PostgreSQL's UTF-8 counting", "[sql][position]") {
  const std::string text = "é€😀x";
  CHECK(byte_offset_of_character(text, 0) == 0);
  CHECK(byte_offset_of_character(text, 1) == 2);
  CHECK(byte_offset_of_character(text, 2) == 5);
  CHECK(byte_offset_of_character(text, 3) == 9);
  CHECK(byte_offset_of_character(text, 4) == 10);
  CHECK(byte_offset_of_character(text, 99) == 10);
  CHECK(byte_offset_of_character("", 3) == 0);
  // A stray continuation byte is one character; a truncated sequence is clamped to the text.
  CHECK(byte_offset_of_character("\x80x", 1) == 1);
  CHECK(byte_offset_of_character("x\xE2", 2) == 2);
}

TEST_CASE("line_at returns the whole line without its ending", "[sql][position]") {
  const std::string text = "first\r\nsecond line\n\nlast";
  CHECK(line_at(text, 0) == "first");
  CHECK(line_at(text, 5) == "first");
  CHECK(line_at(text, 6) == "first");  // the '\n' of "\r\n" still belongs to line 1
  CHECK(line_at(text, 7) == "second line");
  CHECK(line_at(text, 12) == "second line");
  CHECK(line_at(text, 19) == "");
  CHECK(line_at(text, 20) == "last");
  CHECK(line_at(text, 999) == "last");
  CHECK(line_at("", 0) == "");
}
