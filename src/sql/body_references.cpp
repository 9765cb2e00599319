// body_references(): libpg_query parses the routine and each piece of SQL in it; every relation
// name and function call is then picked out of the JSON trees, wherever the grammar put it.
#include "confiture/sql/body_references.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <string_view>
#include <utility>

#include "confiture/report/dotted_name.hpp"
#include "confiture/sql/json_view.hpp"
#include "confiture/sql/pg_query_results.hpp"
#include "sql/identifier_length.hpp"

namespace confiture::sql {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c; }

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// `text` read as a dotted name the way PostgreSQL reads the text of nextval('...'), each part cut
// to the length PostgreSQL keeps. Nothing when it is not such a name.
std::optional<std::vector<std::string>> split_qualified_name(std::string_view text) {
  auto parts = report::split_dotted_name(text, report::kRegclassText);
  if (parts) {
    for (std::string& part : *parts) truncate_identifier(part);
  }
  return parts;
}

// The last two of `parts` (a catalog name may lead a three-part name) as a BodyName.
std::optional<BodyName> body_name_of(const std::vector<std::string>& parts) {
  if (parts.empty() || parts.size() > 3) return std::nullopt;
  return BodyName{parts.size() > 1 ? parts[parts.size() - 2] : std::string(), parts.back()};
}

// The string of a literal, possibly cast ('seq'::regclass, 'seq'::text): nothing for any other
// expression, whose value is only known when it runs.
std::optional<std::string> string_literal(const JsonView& node) {
  const std::string_view kind = node.first_key();
  if (kind == "TypeCast") return string_literal(node.first_value()["arg"]);
  if (kind != "A_Const") return std::nullopt;
  const JsonView value = node.first_value()["sval"]["sval"];
  if (!value.is_string()) return std::nullopt;
  return value.as_string();
}

// Offset of the first `key` in text[from..), or npos (also when `from` is). memmem, unlike
// string_view::find, does not stop at each quote of the JSON it searches.
std::size_t find_key(std::string_view text, std::string_view key, std::size_t from) {
  // Also when nothing is left: an empty view's data() may be null, which memmem must not get.
  if (from >= text.size()) return std::string_view::npos;
  const void* hit = memmem(text.data() + from, text.size() - from, key.data(), key.size());
  return hit == nullptr ? std::string_view::npos
                        : static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
}

bool is_sequence_function(const BodyName& routine) {
  return (routine.schema.empty() || routine.schema == "pg_catalog") &&
         (routine.name == "nextval" || routine.name == "currval" || routine.name == "setval");
}

// Leading words of what PL/pgSQL hands over as a whole statement, rather than as an expression
// that it would run as `SELECT expr`. Guessing wrong only costs a second parse.
bool looks_like_statement(std::string_view query) {
  static constexpr std::array<std::string_view, 20> kWords = {
      "select", "with",   "insert", "update",  "delete", "merge",  "call",
      "do",     "values", "table",  "create",  "alter",  "drop",   "truncate",
      "lock",   "copy",   "notify", "refresh", "set",    "analyze"};
  std::size_t end = 0;
  while (end < query.size() &&
         ((query[end] >= 'a' && query[end] <= 'z') || (query[end] >= 'A' && query[end] <= 'Z'))) {
    ++end;
  }
  const std::string_view word = query.substr(0, end);
  return std::any_of(kWords.begin(), kWords.end(),
                     [&](std::string_view w) { return equals_ignoring_case(word, w); });
}

struct Assignment {
  std::string_view target;  // `v`, `rec.field`, `arr[i]`: subscripts are expressions too
  std::string_view value;
};

// Splits PL/pgSQL's `target := value` (or `target = value`) at the first `:=` or `=` outside
// the target's subscripts and quotes.
std::optional<Assignment> split_assignment(std::string_view query) {
  int depth = 0;
  for (std::size_t i = 0; i < query.size(); ++i) {
    const char c = query[i];
    if (c == '"' || c == '\'') {
      const std::size_t close = query.find(c, i + 1);
      if (close == std::string_view::npos) return std::nullopt;
      i = close;
    } else if (c == '[') {
      ++depth;
    } else if (c == ']') {
      --depth;
    } else if (depth == 0 && c == ':' && i + 1 < query.size() && query[i + 1] == '=') {
      return Assignment{query.substr(0, i), query.substr(i + 2)};
    } else if (depth == 0 && c == '=') {
      return Assignment{query.substr(0, i), query.substr(i + 1)};
    }
  }
  return std::nullopt;
}

// One PL/pgSQL query as SQL that libpg_query can parse, two ways: the likely one and the one to
// try when that does not parse.
struct PlpgsqlQuery {
  std::string likely;
  std::string otherwise;
};

// A query is a whole statement (SELECT ... INTO with the INTO cut out, PERFORM as SELECT, INSERT,
// CALL ...), an expression that PL/pgSQL runs as `SELECT expr`, or, in an assignment,
// `target := expr`.
PlpgsqlQuery plpgsql_query(const std::string& query, bool assignment) {
  if (assignment) {
    if (const std::optional<Assignment> parts = split_assignment(query)) {
      const std::string value(parts->value);
      return {"SELECT " + std::string(parts->target) + ", " + value, "SELECT " + value};
    }
  }
  std::string expression = "SELECT " + query;
  if (looks_like_statement(query)) return {query, std::move(expression)};
  return {std::move(expression), query};
}

class Collector {
 public:
  // Parses `text` as SQL and collects from every statement; false when it does not parse.
  bool read_sql(const std::string& text) {
    const ParseTree tree(text);
    if (tree.error() != nullptr) return false;
    read_sql_tree(tree.root()["stmts"].raw());
    return true;
  }

  void read_sql_function(const std::string& definition) {
    const ParseTree tree(definition);
    if (tree.error() != nullptr) return;
    tree.root()["stmts"].for_each_element([&](const JsonView& raw_statement) {
      const JsonView statement = raw_statement["stmt"];
      if (statement.first_key() != "CreateFunctionStmt") return;
      statement.first_value().for_each_member([&](std::string_view key, const JsonView& value) {
        if (key == "sql_body") {
          read_sql_tree(value.raw());  // BEGIN ATOMIC or RETURN: parsed already
        } else if (key == "options") {
          value.for_each_element([&](const JsonView& option) {
            const JsonView definition_element = option["DefElem"];
            if (definition_element["defname"].as_string() != "as") return;
            // AS 'body': a list of one string, parsed again as the statements it holds.
            definition_element["arg"]["List"]["items"].for_each_element(
                [&](const JsonView& item) { read_sql(item["String"]["sval"].as_string()); });
          });
        }
      });
    });
  }

  // PL/pgSQL leaves the SQL of every statement and expression as text, each in the `query` of a
  // PLpgSQL_expr; a PLpgSQL_stmt_assign's one expression is the first `query` after it. All of a
  // function's SQL goes to one parse, and only when that fails does each piece get its own.
  void read_plpgsql_function(const std::string& definition) {
    constexpr std::string_view kQuery = "\"query\":";
    constexpr std::string_view kAssignment = "\"PLpgSQL_stmt_assign\":";
    constexpr std::string_view kType = "\"typname\":";
    const PlpgsqlTree tree(definition);
    const std::string_view text = tree.text();
    std::vector<PlpgsqlQuery> queries;
    std::size_t assignment = find_key(text, kAssignment, 0);
    std::size_t assigned = find_key(text, kQuery, assignment);
    for (std::size_t at = find_key(text, kQuery, 0); at != std::string_view::npos;
         at = find_key(text, kQuery, at + kQuery.size())) {
      const JsonView query(text.substr(at + kQuery.size()));
      if (!query.is_string()) continue;  // a statement's field that holds a PLpgSQL_expr
      const bool is_assignment = at == assigned;
      if (is_assignment) {
        assignment = find_key(text, kAssignment, at);
        assigned = find_key(text, kQuery, assignment);
      }
      queries.push_back(plpgsql_query(query.as_string(), is_assignment));
    }
    for (std::size_t at = find_key(text, kType, 0); at != std::string_view::npos;
         at = find_key(text, kType, at + kType.size())) {
      read_declared_type(JsonView(text.substr(at + kType.size())).as_string());
    }
    if (queries.empty()) return;
    std::string together;
    for (const PlpgsqlQuery& query : queries) {
      // A line break first: a piece may end in a -- comment.
      together += query.likely;
      together += "\n;\n";
    }
    if (read_sql(together)) return;
    for (const PlpgsqlQuery& query : queries) {
      if (!read_sql(query.likely)) read_sql(query.otherwise);
    }
  }

  BodyReferences finish() && {
    for (std::vector<BodyName>* names : {&found_.relations, &found_.routines, &found_.sequences}) {
      std::sort(names->begin(), names->end());
      names->erase(std::unique(names->begin(), names->end()), names->end());
    }
    return std::move(found_);
  }

 private:
  // Every relation name and call in `tree`, the JSON of a SQL parse tree or of part of one. Its
  // keys are looked up rather than every node walked: a walk costs several times the parse. A key
  // cannot occur inside a JSON string, whose quotes are escaped. Only RangeVar has a `relname`, be
  // it wrapped as {"RangeVar": ...} or bare where nothing else may stand (InsertStmt.relation);
  // libpg_query prints a node's fields in their struct's order, so RangeVar's `schemaname` comes
  // just before its `relname`, and FuncCall's `args` just after its `funcname`.
  void read_sql_tree(std::string_view tree) {
    constexpr std::string_view kRelation = "\"relname\":";
    constexpr std::string_view kSchema = "\"schemaname\":";
    constexpr std::string_view kFunction = "\"funcname\":";
    constexpr std::string_view kArguments = ",\"args\":";
    // Both keys are met in text order; `schema` is the last schemaname before the relname.
    std::size_t schema = std::string_view::npos;
    std::size_t next_schema = find_key(tree, kSchema, 0);
    for (std::size_t at = find_key(tree, kRelation, 0); at != std::string_view::npos;
         at = find_key(tree, kRelation, at + kRelation.size())) {
      while (next_schema < at) {
        schema = next_schema;
        next_schema = find_key(tree, kSchema, next_schema + kSchema.size());
      }
      std::string schema_name;
      if (schema != std::string_view::npos) {
        const JsonView value(tree.substr(schema + kSchema.size()));
        const std::string_view written = value.raw();
        // Its own schemaname ends just before the relname's key, a comma between them.
        if (written.data() + written.size() + 1 == tree.data() + at) {
          schema_name = value.as_string();
        }
      }
      if (std::string name = JsonView(tree.substr(at + kRelation.size())).as_string();
          !name.empty()) {
        found_.relations.push_back(BodyName{std::move(schema_name), std::move(name)});
      }
    }
    for (std::size_t at = find_key(tree, kFunction, 0); at != std::string_view::npos;
         at = find_key(tree, kFunction, at + kFunction.size())) {
      const JsonView function_name(tree.substr(at + kFunction.size()));
      std::vector<std::string> parts;
      function_name.for_each_element(
          [&](const JsonView& part) { parts.push_back(part["String"]["sval"].as_string()); });
      const std::optional<BodyName> routine = body_name_of(parts);
      if (!routine) continue;
      found_.routines.push_back(*routine);
      if (!is_sequence_function(*routine)) continue;
      const std::string_view name_list = function_name.raw();
      const std::string_view after =
          tree.substr(static_cast<std::size_t>(name_list.data() + name_list.size() - tree.data()));
      if (!after.starts_with(kArguments)) continue;
      std::optional<std::string> literal;
      bool first = true;
      JsonView(after.substr(kArguments.size())).for_each_element([&](const JsonView& argument) {
        if (first) literal = string_literal(argument);
        first = false;
      });
      if (!literal) continue;
      if (const auto sequence_parts = split_qualified_name(*literal)) {
        if (const std::optional<BodyName> sequence = body_name_of(*sequence_parts)) {
          found_.sequences.push_back(*sequence);
        }
      }
    }
  }

  // A declared type `tbl%ROWTYPE` or `tbl.col%TYPE` (as written, schema optional) names a table.
  void read_declared_type(std::string_view type) {
    const std::size_t percent = type.rfind('%');
    if (percent == std::string_view::npos) return;
    const std::string_view suffix = trim(type.substr(percent + 1));
    const bool row_type = equals_ignoring_case(suffix, "rowtype");
    if (!row_type && !equals_ignoring_case(suffix, "type")) return;
    std::optional<std::vector<std::string>> parts = split_qualified_name(type.substr(0, percent));
    if (!parts) return;
    if (!row_type) parts->pop_back();  // the column; a lone `var%TYPE` names no table at all
    if (const std::optional<BodyName> relation = body_name_of(*parts)) {
      found_.relations.push_back(*relation);
    }
  }

  BodyReferences found_;
};

}  // namespace

BodyReferences body_references(const std::string& definition, const std::string& language) {
  Collector collector;
  if (language == "sql") collector.read_sql_function(definition);
  if (language == "plpgsql") collector.read_plpgsql_function(definition);
  return std::move(collector).finish();
}

}  // namespace confiture::sql
