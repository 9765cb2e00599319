// `-- confiture:renamed-from OLD` comments in desired DDL: the only way a schema diff learns that a
// table or column was renamed rather than dropped and added, so it never has to guess.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace confiture::sql {

struct RenameAnnotation {
  int line = 0;          // 1-based line of the annotation in the text
  std::string schema;    // the new table's schema as written (folded like PostgreSQL does), empty
                         // when unqualified
  std::string table;     // the table's (new) name, folded (unquoted identifiers lower-cased, quoted
                         // kept as is)
  std::string column;    // the column's new name; empty for a table rename
  std::string old_name;  // folded the same way; unqualified (a rename never moves a table to
                         // another schema)
};

// Every `-- confiture:renamed-from OLD` comment in `text` (one SQL file, named `file` in errors),
// in text order, attached to what is defined on its line: the table name of a CREATE TABLE (table
// rename) or a column definition of CREATE TABLE / ALTER TABLE ... ADD COLUMN (column rename).
// Blanks after `--` and around OLD are free; OLD is one identifier, double-quoted when it needs to
// be in SQL. A comment inside a string or a function body is not an annotation.
//
// Throws Error(kSchemaSyntax, ExitClass::kSchema) with .location {file, line, column} naming the
// annotation when: the comment is on a line that defines neither, or more than one of them; OLD
// is missing, qualified, not an identifier, or followed by more text; two annotations name the
// same new object, or the same old one; an annotation renames something to its own name; the
// file does not parse (located at the parser's error). A text in which the marker does not appear
// at all returns nothing at once, without being parsed.
std::vector<RenameAnnotation> rename_annotations(std::string_view text, const std::string& file);

}  // namespace confiture::sql
