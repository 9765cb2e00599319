// Parsing a migration file and deciding how it runs; transaction control is checked here, before
// anything is sent, so a file that would end confiture's transaction never starts.
#include "confiture/migrate/migration_script.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/sql/directives.hpp"
#include "confiture/sql/source_position.hpp"
#include "confiture/sql/statements.hpp"

namespace confiture::migrate {
namespace {

std::string summary_of(const sql::Statement& s) {
  if (s.kind == "DO") return "DO block";
  std::string label = s.kind;
  // Only CONCURRENTLY makes these two refuse a transaction block, so the flag says it was written.
  if ((s.kind == "CREATE INDEX" || s.kind == "DROP INDEX") && s.needs_autocommit) {
    label += " CONCURRENTLY";
  }
  if (!s.object.empty()) label += " " + s.object;
  return label;
}

bool is_savepoint_control(const sql::Statement& s) {
  return s.kind == "SAVEPOINT" || s.kind == "RELEASE" || s.kind == "ROLLBACK TO SAVEPOINT";
}

bool is_begin(const sql::Statement& s) {
  return s.transaction_control && (s.kind == "BEGIN" || s.kind == "START TRANSACTION");
}

// True when the statement is only the words BEGIN / START TRANSACTION [WORK | TRANSACTION],
// comments aside: stripping a BEGIN that sets an isolation level or READ ONLY would silently
// change what the migration means.
bool is_plain_begin(std::string_view text) {
  for (std::size_t i = sql::skip_blanks_and_comments(text, 0, text.size()); i < text.size();
       i = sql::skip_blanks_and_comments(text, i, text.size())) {
    if (!std::isalpha(static_cast<unsigned char>(text[i]))) return false;
    std::string word;
    for (; i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])); ++i) {
      word += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
    }
    if (word != "BEGIN" && word != "START" && word != "TRANSACTION" && word != "WORK") {
      return false;
    }
  }
  return true;
}

// A line that is only `-- confiture:commit` in text[from, to) (blanks, other comments around).
bool has_commit_directive(std::string_view text) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    const std::size_t first = line.find_first_not_of(" \t\r");
    if (first != std::string_view::npos) {
      line.remove_prefix(first);
      if (line.starts_with("--")) {
        line.remove_prefix(2);
        const std::size_t a = line.find_first_not_of(" \t");
        const std::size_t b = line.find_last_not_of(" \t\r");
        if (a != std::string_view::npos && line.substr(a, b - a + 1) == "confiture:commit") {
          return true;
        }
      }
    }
    start = end + 1;
  }
  return false;
}

class Checker {
 public:
  Checker(const MigrationScript& script, const std::vector<sql::Statement>& statements)
      : script_(script), statements_(statements) {}

  std::string text_of(const sql::Statement& s) const {
    return script_.text.substr(s.offset, s.length);
  }

  std::string where(const sql::Statement& s) const {
    const auto pos = sql::line_column(script_.text, s.offset);
    return fmt::format("{}:{}:{}", script_.display, pos.line, pos.column);
  }

  [[noreturn]] void fail(const sql::Statement& s, const std::string& message,
                         const std::string& hint) const {
    Error error(codes::kMigrTransactionControl, ExitClass::kConnection, message, hint);
    const auto pos = sql::line_column(script_.text, s.offset);
    error.location = SourceLocation{script_.display, pos.line, pos.column};
    error.details["statement"] = text_of(s);
    throw error;
  }

  // In autocommit every statement commits on its own: the file cannot hold a transaction open,
  // and SAVEPOINT outside a transaction block is an error in PostgreSQL anyway.
  void check_autocommit_file() const {
    std::string why = "its first line is `-- confiture:no-transaction`";
    if (!script_.no_transaction_directive) {
      auto reason = std::find_if(statements_.begin(), statements_.end(), [](const auto& s) {
        return s.needs_autocommit && !s.transaction_control;
      });
      why = reason == statements_.end() ? "it finishes a prepared transaction"
                                        : fmt::format("{} at {} cannot run inside a transaction",
                                                      summary_of(*reason), where(*reason));
    }
    for (const auto& s : statements_) {
      if (!s.transaction_control) continue;
      fail(s,
           fmt::format("{} at {} cannot run in this file: it runs statement by statement in "
                       "autocommit because {}",
                       s.kind, where(s), why),
           "remove it, since each statement commits on its own here; move statements that must "
           "succeed or fail together into a separate migration, which confiture runs in one "
           "transaction");
    }
  }

  // Returns whether the file's outer BEGIN ... COMMIT pair is to be stripped.
  bool check_transactional_file() const {
    const std::string hint =
        "remove it: confiture runs each migration in its own transaction. To commit part of the "
        "work first, split the file into two migrations";
    const bool wrapped = statements_.size() >= 2 && is_begin(statements_.front()) &&
                         statements_.back().kind == "COMMIT";
    for (std::size_t i = 0; i < statements_.size(); ++i) {
      const sql::Statement& s = statements_[i];
      if (!s.transaction_control || is_savepoint_control(s)) continue;
      const bool outer = wrapped && (i == 0 || i + 1 == statements_.size());
      if (outer && i == 0 && !is_plain_begin(text_of(s))) {
        fail(s,
             fmt::format("{} at {} sets transaction options that a migration cannot have: "
                         "confiture runs each migration in its own transaction",
                         text_of(s), where(s)),
             "remove the file's BEGIN and COMMIT");
      }
      if (outer) continue;
      if (i == 0 && is_begin(s)) {
        fail(s,
             fmt::format("{} at {} opens a transaction that the file does not COMMIT as its last "
                         "statement",
                         s.kind, where(s)),
             hint);
      }
      if (is_begin(s)) {
        fail(s,
             fmt::format("{} at {} would start a transaction inside confiture's transaction",
                         s.kind, where(s)),
             hint);
      }
      fail(s,
           fmt::format("{} at {} would end confiture's transaction in the middle of the migration",
                       s.kind, where(s)),
           hint +
               ", or put `-- confiture:no-transaction` on the file's first line so each statement "
               "commits on its own (and remove the " +
               s.kind + ")");
    }
    return wrapped;
  }

 private:
  const MigrationScript& script_;
  const std::vector<sql::Statement>& statements_;
};

}  // namespace

MigrationScript parse_migration_script(std::string text, std::string display) {
  MigrationScript script;
  script.display = std::move(display);
  script.text = std::move(text);
  script.no_transaction_directive = sql::has_no_transaction_directive(script.text);

  sql::SplitResult split = sql::split(script.text);
  if (split.error) {
    const auto pos = sql::line_column(script.text, split.error->offset);
    Error error(codes::kMigrSyntax, ExitClass::kSchema,
                fmt::format("cannot parse {} at line {}, column {}: {}", script.display, pos.line,
                            pos.column, split.error->message),
                "nothing was run; fix the SQL and try again");
    error.location = SourceLocation{script.display, pos.line, pos.column};
    error.details["source_line"] = sql::line_at(script.text, split.error->offset);
    throw error;
  }
  const auto& statements = split.statements;
  script.transactional = !script.no_transaction_directive &&
                         std::none_of(statements.begin(), statements.end(),
                                      [](const sql::Statement& s) { return s.needs_autocommit; });

  const Checker checker(script, statements);
  bool strip = false;
  if (script.transactional) {
    strip = checker.check_transactional_file();
  } else {
    checker.check_autocommit_file();
  }
  if (strip) {
    const auto pos = sql::line_column(script.text, statements.front().offset);
    script.warnings.push_back(fmt::format(
        "{}:{}: stripped the file's own {}/{} — confiture runs each migration in its own "
        "transaction; leave them out",
        script.display, pos.line, statements.front().kind, statements.back().kind));
  }

  const std::size_t first = strip ? 1 : 0;
  const std::size_t last = strip ? statements.size() - 1 : statements.size();
  // Lines are counted once through the text: a data migration can hold many thousand statements.
  int line = 1;
  std::size_t counted = 0;
  for (std::size_t i = first; i < last; ++i) {
    const sql::Statement& s = statements[i];
    line += static_cast<int>(std::count(script.text.begin() + static_cast<std::ptrdiff_t>(counted),
                                        script.text.begin() + static_cast<std::ptrdiff_t>(s.offset),
                                        '\n'));
    counted = s.offset;
    script.statements.push_back({
        .offset = s.offset,
        .length = s.length,
        .line = line,
        .kind = s.kind,
        .object = s.object,
        .summary = summary_of(s),
        .needs_autocommit = s.needs_autocommit,
    });
    if (i > first) {
      const sql::Statement& previous = statements[i - 1];
      const std::size_t gap = previous.offset + previous.length;
      script.statements.back().new_transaction =
          script.transactional &&
          has_commit_directive(std::string_view(script.text).substr(gap, s.offset - gap));
    }
  }
  return script;
}

std::vector<std::pair<std::size_t, std::size_t>> MigrationScript::parts() const {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::size_t begin = 0;
  for (std::size_t i = 1; i < statements.size(); ++i) {
    if (statements[i].new_transaction) {
      out.emplace_back(begin, i);
      begin = i;
    }
  }
  out.emplace_back(begin, statements.size());
  return out;
}

}  // namespace confiture::migrate
