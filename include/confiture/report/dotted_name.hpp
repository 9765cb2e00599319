// The one reader of dotted names as people and PostgreSQL write them (`name`, `schema.name`,
// "Quoted"."Parts"), for every module: configuration values, profile keys and --tables patterns,
// sequence names in nextval('...') and setval('...'), %TYPE references. Only what a bare
// (unquoted) part may hold differs between them, so that is the one thing a caller chooses.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace confiture::report {

struct NameSyntax {
  enum class Bare {
    kPlain,   // [A-Za-z_][A-Za-z0-9_]* and no blanks anywhere (the Python tool's table names)
    kWord,    // up to a blank or a dot, blanks allowed around parts (PostgreSQL's regclass input)
    kPhrase,  // up to a dot, trimmed, no double quote (a name as a person writes it: "my table")
  };
  Bare bare = Bare::kPhrase;
  bool fold_bare = false;  // lower-case bare parts (ASCII) as SQL does, else keep them as written
  std::size_t max_parts = 2;  // 0: any number
};

// migration.tracking_table and the other table names of a configuration file.
inline constexpr NameSyntax kConfigTableName{NameSyntax::Bare::kPlain, false, 2};
// A table as a person writes it in a profile or on the command line: bare parts keep their case.
inline constexpr NameSyntax kWrittenName{NameSyntax::Bare::kPhrase, false, 2};
// The text of a regclass value, as nextval('...') reads it (SplitIdentifierString): bare parts
// folded, any number of parts (the caller decides what a catalog or column part means). Parts are
// not cut to 63 bytes here.
inline constexpr NameSyntax kRegclassText{NameSyntax::Bare::kWord, true, 0};

// The parts of `text`, quotes removed (`""` inside a quoted part stands for one quote; a quoted
// part may hold dots and blanks, not NUL). nullopt when `text` is not such a name: an empty
// part, an unclosed quote, text after a closing quote, more than max_parts parts, or a bare part
// its syntax does not allow.
std::optional<std::vector<std::string>> split_dotted_name(std::string_view text,
                                                          const NameSyntax& syntax);

struct SchemaAndName {
  std::string schema;  // empty: unqualified
  std::string name;
};

// `text` as `name` or `schema.name` in `syntax` (at most two parts, whatever max_parts says).
std::optional<SchemaAndName> split_schema_and_name(std::string_view text, const NameSyntax& syntax);

}  // namespace confiture::report
