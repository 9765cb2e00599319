// Splits SQL text into top-level statements with the real PostgreSQL parser (libpg_query) and
// classifies each one: what it is, what it names, and whether it may run inside a transaction.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace confiture::sql {

struct Statement {
  std::size_t offset = 0;  // byte offset of the statement's first token (blanks, comments skipped)
  std::size_t length = 0;  // bytes up to its last token: no terminating ';', trailing blanks or
                           // comments, so text.substr(offset, length) + ";" is always safe to send
  std::string kind;        // PostgreSQL's command tag where one exists: "CREATE TABLE", "INSERT",
                           // "DROP INDEX", "BEGIN", "ROLLBACK TO SAVEPOINT", ...
  std::string object;      // main object's name as written, parts joined by '.' without quoting
                           // ("public.users", "users"); empty when there is none
  bool needs_autocommit = false;     // PostgreSQL refuses it inside a transaction block
  bool transaction_control = false;  // BEGIN/START/COMMIT/END/ROLLBACK/SAVEPOINT/PREPARE ...
};

struct SyntaxError {
  std::size_t offset = 0;  // byte offset of the parser's error cursor; 0 when it gives none
  std::string message;     // PostgreSQL's message, e.g. `syntax error at or near "SELEC"`
};

struct SplitResult {
  std::vector<Statement> statements;  // empty when error is set
  std::optional<SyntaxError> error;
};

// Every top-level statement of `text` in order. Empty statements (";;", only comments) are not
// returned. Text that fails to parse, including one that ends inside a comment, a quoted string,
// a quoted identifier or a dollar-quoted body, yields the error instead of any statement.
SplitResult split(std::string_view text);

// First byte in [from, end) that is neither whitespace nor inside a -- or (nested) /* */
// comment; `end` when there is none. Meant for text the parser has already accepted.
std::size_t skip_blanks_and_comments(std::string_view text, std::size_t from, std::size_t end);

}  // namespace confiture::sql
