// rename_annotations(): PostgreSQL's own scanner finds the comments (so a marker in a string or a
// function body never counts), its parse tree says which table names and column definitions sit
// on each annotated line.
#include "confiture/sql/rename_annotations.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/sql/json_view.hpp"
#include "confiture/sql/pg_query_results.hpp"
#include "confiture/sql/source_position.hpp"
#include "confiture/sql/statements.hpp"
#include "sql/identifier_length.hpp"

namespace confiture::sql {

namespace {

constexpr std::string_view kMarker = "confiture:renamed-from";

// One `-- confiture:renamed-from ...` comment.
struct Comment {
  std::size_t offset = 0;     // of its "--"
  std::string_view argument;  // what follows the marker, blanks trimmed
};

// A table name (column empty) or a column definition that an annotation on its line may name.
struct Definition {
  std::size_t offset = 0;  // where the parser located it: the first byte of its name
  std::string schema;
  std::string table;
  std::string column;
};

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

std::string describe(const Definition& definition) {
  std::string table = definition.table;
  if (!definition.schema.empty()) table = definition.schema + "." + table;
  if (definition.column.empty()) return fmt::format("table {}", table);
  return fmt::format("column {}.{}", table, definition.column);
}

Error located_error(std::string_view text, const std::string& file, std::size_t offset,
                    const std::string& message, std::string hint) {
  Error error(codes::kSchemaSyntax, ExitClass::kSchema, message, std::move(hint));
  const LineColumn position = line_column(text, offset);
  error.location = SourceLocation{file, position.line, position.column};
  error.details["source_line"] = line_at(text, offset);
  return error;
}

SyntaxError syntax_error_of(std::string_view text, const PgQueryError& error) {
  // cursorpos counts characters from 1, not bytes.
  return SyntaxError{error.cursorpos > 0 ? byte_offset_of_character(
                                               text, static_cast<std::size_t>(error.cursorpos) - 1)
                                         : 0,
                     error.message != nullptr ? error.message : ""};
}

// split() words and locates PostgreSQL's errors the way every other schema error reads; `fallback`
// stands in should it ever accept what was refused here.
[[noreturn]] void throw_syntax_error(std::string_view text, const std::string& file,
                                     SyntaxError fallback) {
  const SyntaxError error = split(text).error.value_or(std::move(fallback));
  throw located_error(text, file, error.offset,
                      fmt::format("syntax error in {}: {}", file, error.message),
                      "rename annotations are read only from a file that parses: fix the SQL");
}

// Every line comment that starts with the marker, in text order. A top-level statement starts in
// the scanner's initial state, so the text from one statement's start to the next scans right on
// its own: only the pieces that hold the marker are scanned, not the whole file.
std::vector<Comment> find_comments(const std::string& text, const std::string& file,
                                   const std::vector<std::size_t>& statement_starts) {
  std::vector<Comment> comments;
  for (std::size_t marker = text.find(kMarker); marker != std::string::npos;) {
    const auto next = std::upper_bound(statement_starts.begin(), statement_starts.end(), marker);
    const std::size_t begin = *(next - 1);  // statement_starts begins with 0
    const std::size_t end = next == statement_starts.end() ? text.size() : *next;
    const std::string piece = text.substr(begin, end - begin);
    const ScanTokens tokens(piece);
    if (tokens.error() != nullptr) {
      SyntaxError error = syntax_error_of(piece, *tokens.error());
      error.offset += begin;
      throw_syntax_error(text, file, std::move(error));
    }
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const PgQuery__ScanToken& token = tokens[i];
      if (token.token != PG_QUERY__TOKEN__SQL_COMMENT) continue;
      const std::size_t offset = begin + static_cast<std::size_t>(token.start);
      // Past the "--"; the token stops before the line ending.
      std::string_view body = std::string_view(text).substr(
          offset + 2, static_cast<std::size_t>(token.end - token.start) - 2);
      while (!body.empty() && is_blank(body.front())) body.remove_prefix(1);
      if (!body.starts_with(kMarker)) continue;
      body.remove_prefix(kMarker.size());
      // `-- confiture:renamed-fromage` could pass for an unrelated remark, but a misspelt
      // annotation silently ignored would turn a rename into a drop.
      if (!body.empty() && !is_blank(body.front())) {
        throw located_error(
            text, file, offset,
            fmt::format("`{}` must be followed by a blank and the old name", kMarker),
            fmt::format("write `-- {} OLD_NAME`", kMarker));
      }
      comments.push_back(Comment{offset, trim(body)});
    }
    marker = text.find(kMarker, end);
  }
  return comments;
}

// `written` (one scanned identifier token) folded as PostgreSQL folds it: quotes removed with
// doubled quotes undone, otherwise ASCII lower-cased; then cut to what the catalogs keep.
std::string fold_identifier(std::string_view written) {
  std::string name;
  if (written.starts_with('"')) {
    const std::string_view body = written.substr(1, written.size() - 2);
    for (std::size_t i = 0; i < body.size(); ++i) {
      name += body[i];
      if (body[i] == '"') ++i;
    }
  } else {
    for (const char c : written) name += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  truncate_identifier(name);
  return name;
}

// The old name of `comment`, folded; an error located at the annotation when it is not exactly
// one identifier that could name a table or a column.
std::string old_name(std::string_view text, const std::string& file, const Comment& comment) {
  const auto fail = [&](const std::string& message, std::string hint) {
    return located_error(text, file, comment.offset, message, std::move(hint));
  };
  const std::string_view argument = comment.argument;
  if (argument.empty()) {
    throw fail("rename annotation gives no old name",
               fmt::format("write `-- {} OLD_NAME`", kMarker));
  }
  const std::string quoting_hint =
      "write the old name as in SQL, double-quoted if it is a reserved word or holds capitals, "
      "blanks or symbols";
  const ScanTokens tokens{std::string(argument)};
  if (tokens.error() != nullptr || tokens.size() == 0) {
    throw fail(fmt::format("`{}` in rename annotation is not an identifier", argument),
               quoting_hint);
  }
  const PgQuery__ScanToken& first = tokens[0];
  // Keywords that may name a table or column unquoted: PostgreSQL's ColId.
  const bool identifier = first.token == PG_QUERY__TOKEN__IDENT ||
                          first.keyword_kind == PG_QUERY__KEYWORD_KIND__UNRESERVED_KEYWORD ||
                          first.keyword_kind == PG_QUERY__KEYWORD_KIND__COL_NAME_KEYWORD;
  if (!identifier) {
    throw fail(fmt::format("`{}` in rename annotation is not an identifier", argument),
               quoting_hint);
  }
  if (tokens.size() > 1 && tokens[1].token == PG_QUERY__TOKEN__ASCII_46) {
    throw fail(fmt::format("old name `{}` in rename annotation is qualified", argument),
               "a rename never moves a table to another schema: give the old name alone");
  }
  if (tokens.size() > 1) {
    throw fail(fmt::format("unexpected `{}` after the old name in rename annotation",
                           argument.substr(static_cast<std::size_t>(tokens[1].start))),
               "nothing may follow the old name: put any remark in a comment on another line");
  }
  return fold_identifier(argument);
}

std::size_t location_of(const JsonView& node) {
  // PostgreSQL's "unknown" (-1) becomes an offset on no line.
  return static_cast<std::size_t>(node["location"].as_int().value_or(-1));
}

Definition table_of(const JsonView& range_var) {
  return Definition{location_of(range_var),
                    range_var["schemaname"].as_string(),
                    range_var["relname"].as_string(),
                    {}};
}

// What the parse tree tells: where each top-level statement starts, and every table name of a
// CREATE TABLE and column definition of CREATE TABLE or ALTER TABLE ... ADD COLUMN, by offset.
struct TreeFacts {
  std::vector<std::size_t> statement_starts;  // the first is 0
  std::vector<Definition> definitions;
};

TreeFacts read_tree(const std::string& text, const std::string& file) {
  const ParseTree tree(text);
  if (tree.error() != nullptr) throw_syntax_error(text, file, syntax_error_of(text, *tree.error()));
  TreeFacts facts{{0}, {}};
  std::vector<Definition>& found = facts.definitions;
  const auto add_column = [&](const Definition& table, const JsonView& column_def) {
    found.push_back(Definition{location_of(column_def), table.schema, table.table,
                               column_def["colname"].as_string()});
  };
  tree.root()["stmts"].for_each_element([&](const JsonView& raw_statement) {
    // Just after the previous statement's ';'; absent for the first.
    const long long start = raw_statement["stmt_location"].as_int().value_or(0);
    if (start > 0) facts.statement_starts.push_back(static_cast<std::size_t>(start));
    const JsonView statement = raw_statement["stmt"];
    const std::string_view kind = statement.first_key();
    const JsonView body = statement.first_value();
    if (kind == "CreateStmt") {
      const Definition table = table_of(body["relation"]);
      found.push_back(table);
      body["tableElts"].for_each_element([&](const JsonView& element) {
        if (element.first_key() == "ColumnDef") add_column(table, element.first_value());
      });
    } else if (kind == "AlterTableStmt" && body["objtype"].as_string() == "OBJECT_TABLE") {
      const Definition table = table_of(body["relation"]);
      body["cmds"].for_each_element([&](const JsonView& element) {
        const JsonView command = element.first_value();
        if (command["subtype"].as_string() == "AT_AddColumn") {
          add_column(table, command["def"].first_value());
        }
      });
    }
  });
  std::stable_sort(found.begin(), found.end(),
                   [](const Definition& a, const Definition& b) { return a.offset < b.offset; });
  return facts;
}

}  // namespace

std::vector<RenameAnnotation> rename_annotations(std::string_view text, const std::string& file) {
  // Runs over every schema file, nearly all without an annotation: one substring search for them.
  if (text.find(kMarker) == std::string_view::npos) return {};
  const std::string input(text);
  // libpg_query reads C strings: a NUL would hide the rest of the text.
  if (const std::size_t nul = input.find('\0'); nul != std::string::npos) {
    throw_syntax_error(text, file, SyntaxError{nul, "invalid byte 0x00 in SQL text"});
  }
  const TreeFacts tree = read_tree(input, file);
  const std::vector<Comment> comments = find_comments(input, file, tree.statement_starts);
  const std::vector<Definition>& definitions = tree.definitions;

  std::vector<RenameAnnotation> annotations;
  std::map<std::tuple<std::string, std::string, std::string>, int> new_names;  // -> line
  std::map<std::tuple<std::string, std::string, std::string>, int> old_names;  // -> line
  int line = 1;
  std::size_t counted_to = 0;
  for (const Comment& comment : comments) {
    line += static_cast<int>(std::count(input.begin() + static_cast<std::ptrdiff_t>(counted_to),
                                        input.begin() + static_cast<std::ptrdiff_t>(comment.offset),
                                        '\n'));
    counted_to = comment.offset;
    const auto fail = [&](const std::string& message, std::string hint) {
      return located_error(text, file, comment.offset, message, std::move(hint));
    };
    std::string old = old_name(text, file, comment);

    // The comment runs to the end of its line, so what it names lies between the line's start
    // and the comment.
    const std::size_t newline =
        comment.offset == 0 ? std::string::npos : input.rfind('\n', comment.offset - 1);
    const std::size_t line_start = newline == std::string::npos ? 0 : newline + 1;
    const auto by_offset = [](const Definition& d, std::size_t offset) {
      return d.offset < offset;
    };
    const auto first =
        std::lower_bound(definitions.begin(), definitions.end(), line_start, by_offset);
    const auto last = std::lower_bound(first, definitions.end(), comment.offset, by_offset);
    if (first == last) {
      throw fail(
          "rename annotation is not on the line of a table name or a column definition",
          fmt::format("put `-- {} OLD_NAME` at the end of the line holding the new name: the "
                      "table name of its CREATE TABLE, or the column's definition in CREATE "
                      "TABLE or ALTER TABLE ... ADD COLUMN",
                      kMarker));
    }
    if (last - first > 1) {
      std::string names;
      for (auto it = first; it != last; ++it) {
        names += (names.empty() ? "" : ", ") + describe(*it);
      }
      throw fail(
          fmt::format("rename annotation is on a line that defines more than one of: {}", names),
          "put the renamed table name or column on a line of its own");
    }
    const Definition& renamed = *first;
    if (old == (renamed.column.empty() ? renamed.table : renamed.column)) {
      throw fail(fmt::format("rename annotation renames {} to its own name", describe(renamed)),
                 "remove the annotation once the rename has been applied everywhere");
    }
    const auto [new_entry, new_is_first] =
        new_names.try_emplace({renamed.schema, renamed.table, renamed.column}, line);
    if (!new_is_first) {
      throw fail(fmt::format("second rename annotation for {} (the first is on line {})",
                             describe(renamed), new_entry->second),
                 "keep one annotation per renamed table or column");
    }
    // A table's old name lives in its schema, a column's in its table.
    const auto [old_entry, old_is_first] = old_names.try_emplace(
        {renamed.schema, renamed.column.empty() ? std::string() : renamed.table, old}, line);
    if (!old_is_first) {
      throw fail(fmt::format("{} is renamed from {}, which the annotation on line {} already "
                             "renames",
                             describe(renamed), old, old_entry->second),
                 "one old table or column can become only one new one");
    }
    annotations.push_back(
        RenameAnnotation{line, renamed.schema, renamed.table, renamed.column, std::move(old)});
  }
  return annotations;
}

}  // namespace confiture::sql
