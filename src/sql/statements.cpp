// split(): one libpg_query parse of the whole text, then each statement's byte range tightened to
// its tokens and classified from the tree.
#include "confiture/sql/statements.hpp"

#include <algorithm>

#include "confiture/sql/json_view.hpp"
#include "confiture/sql/pg_query_results.hpp"
#include "confiture/sql/source_position.hpp"
#include "sql/classify.hpp"

namespace confiture::sql {

namespace {

// PostgreSQL's whitespace (scan.l `space`; \v since 16).
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::size_t skip_blanks_and_comments(std::string_view text, std::size_t from, std::size_t end) {
  std::size_t i = from;
  while (i < end) {
    if (is_space(text[i])) {
      ++i;
    } else if (text.substr(i, 2) == "--") {
      while (i < end && text[i] != '\n' && text[i] != '\r') ++i;
    } else if (text.substr(i, 2) == "/*") {
      // Block comments nest in PostgreSQL.
      std::size_t depth = 0;
      do {
        if (text.substr(i, 2) == "/*") {
          ++depth;
          i += 2;
        } else if (text.substr(i, 2) == "*/") {
          --depth;
          i += 2;
        } else {
          ++i;
        }
      } while (depth > 0 && i < end);
    } else {
      break;
    }
  }
  return std::min(i, end);
}

namespace {

// End of the last token in text[begin, end), which may be followed by blanks and comments.
std::size_t end_of_last_token(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin && is_space(text[end - 1])) --end;
  const std::string_view body = text.substr(begin, end - begin);
  const std::size_t last_line = body.find_last_of("\n\r");
  const std::string_view tail =
      last_line == std::string_view::npos ? body : body.substr(last_line + 1);
  // A trailing comment is either a block comment, ending in "*/", or a line comment starting on the
  // last line. Otherwise the last byte ends a token, so the scanner is needed only rarely.
  if (!body.ends_with("*/") && tail.find("--") == std::string_view::npos) return end;
  const ScanTokens scan{std::string(body)};
  std::size_t token_end = 0;
  for (std::size_t i = 0; i < scan.size(); ++i) {
    const PgQuery__ScanToken& token = scan[i];
    if (token.token == PG_QUERY__TOKEN__SQL_COMMENT || token.token == PG_QUERY__TOKEN__C_COMMENT) {
      continue;
    }
    token_end = std::max(token_end, static_cast<std::size_t>(token.end));
  }
  return token_end == 0 ? end : begin + token_end;
}

// PostgreSQL quotes everything from an unterminated token to the end of the text in its message
// (`unterminated /* comment at or near "/* ...`), which can be megabytes: keep the first line of
// the quote, shortened. The offset already says where it is.
std::string shorten_message(std::string message) {
  constexpr std::string_view kNear = " at or near \"";
  constexpr std::size_t kMaxQuote = 40;
  const std::size_t near = message.find(kNear);
  if (near == std::string::npos) return message;
  const std::size_t quote = near + kNear.size();
  std::size_t cut = std::min(message.find_first_of("\r\n", quote), message.size() - 1);
  if (cut - quote <= kMaxQuote && cut == message.size() - 1) return message;
  cut = std::min(cut, quote + kMaxQuote);
  // Back up to the start of a UTF-8 character so the message stays valid text.
  while (cut > quote && (static_cast<unsigned char>(message[cut]) & 0xC0) == 0x80) --cut;
  message.resize(cut);
  message += "...\"";
  return message;
}

SyntaxError syntax_error(std::string_view text, const PgQueryError& error) {
  // cursorpos counts characters from 1 (PostgreSQL's error position), not bytes.
  const std::size_t offset =
      error.cursorpos > 0
          ? byte_offset_of_character(text, static_cast<std::size_t>(error.cursorpos) - 1)
          : 0;
  return SyntaxError{offset, shorten_message(error.message != nullptr ? error.message : "")};
}

}  // namespace

SplitResult split(std::string_view text) {
  SplitResult result;
  // libpg_query reads a C string: a NUL would silently end the text there.
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    result.error = SyntaxError{nul, "invalid byte 0x00 in SQL text"};
    return result;
  }
  const std::string input(text);
  const ParseTree parse(input);
  if (parse.error() != nullptr) {
    result.error = syntax_error(text, *parse.error());
    return result;
  }
  parse.root()["stmts"].for_each_element([&](const JsonView& raw_statement) {
    JsonView node;
    long long location = 0;
    long long length = 0;  // 0: the statement runs to the end of the text (no final ';')
    raw_statement.for_each_member([&](std::string_view key, const JsonView& value) {
      if (key == "stmt") node = value;
      if (key == "stmt_location") location = value.as_int().value_or(0);
      if (key == "stmt_len") length = value.as_int().value_or(0);
    });
    const auto size = static_cast<long long>(text.size());
    const auto begin = static_cast<std::size_t>(std::clamp(location, 0LL, size));
    const std::size_t end = length > 0
                                ? static_cast<std::size_t>(std::clamp(
                                      location + length, static_cast<long long>(begin), size))
                                : text.size();
    // stmt_location is just after the previous ';', so leading blanks and comments belong to it.
    const std::size_t first = skip_blanks_and_comments(text, begin, end);
    Classification classification = classify(node.first_key(), node.first_value());
    result.statements.push_back(Statement{
        .offset = first,
        .length = end_of_last_token(text, first, end) - first,
        .kind = std::move(classification.kind),
        .object = std::move(classification.object),
        .needs_autocommit = classification.needs_autocommit,
        .transaction_control = classification.transaction_control,
    });
  });
  return result;
}

}  // namespace confiture::sql
