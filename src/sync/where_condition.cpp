// A --where condition read before it is spliced into SQL: it must stay one expression inside
// the parentheses sync puts around it. libpg_query's scanner sees strings, quoted names,
// dollar quotes and comments as the server does, so a parenthesis or semicolon inside them does
// not count; the parser then checks that `SELECT 1 WHERE (\n<condition>\n)` is one SELECT.
#include <fmt/format.h>

#include "confiture/sql/pg_query_results.hpp"
#include "plan_steps.hpp"

namespace confiture::sync {

std::optional<std::string> where_condition_problem(const std::string& condition) {
  const sql::ScanTokens tokens(condition);
  if (tokens.error() != nullptr) return std::string(tokens.error()->message);
  int depth = 0;
  bool has_token = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const PgQuery__ScanToken& token = tokens[i];
    switch (token.token) {
      case PG_QUERY__TOKEN__SQL_COMMENT:
      case PG_QUERY__TOKEN__C_COMMENT:
        continue;
      case PG_QUERY__TOKEN__ASCII_40:
        ++depth;
        break;
      case PG_QUERY__TOKEN__ASCII_41:
        if (--depth < 0) {
          return fmt::format("the ')' at offset {} closes a parenthesis the condition did not open",
                             token.start);
        }
        break;
      case PG_QUERY__TOKEN__ASCII_59:
        return fmt::format("a ';' at offset {}: the condition must be one expression", token.start);
      default:
        break;
    }
    has_token = true;
  }
  if (!has_token) return std::string("the condition is empty");
  if (depth > 0) return fmt::format("{} parenthes{} not closed", depth, depth == 1 ? "is" : "es");
  // On lines of its own: a trailing `-- comment` cannot swallow the closing parenthesis.
  const sql::ParseTree tree("SELECT 1 WHERE (\n" + condition + "\n)");
  if (tree.error() != nullptr) return std::string(tree.error()->message);
  return std::nullopt;
}

std::string parenthesised_condition(const std::string& condition) {
  return "(\n" + condition + "\n)";
}

}  // namespace confiture::sync
