// A function, procedure or aggregate in the catalog model. Overloads share a name and differ by
// identity arguments; types print as the reading session's search_path sees them.
#pragma once

#include <optional>
#include <string>

#include "confiture/catalog/qualified_name.hpp"

namespace confiture::catalog {

// What CREATE AGGREGATE was given; each function as regproc prints it.
struct AggregateParts {
  std::string transition_function{};  // SFUNC
  std::string state_type{};           // STYPE
  std::optional<std::string> final_function{};
  std::optional<std::string> combine_function{};
  std::optional<std::string> initial_value{};  // INITCOND, as text
};

struct Routine {
  QualifiedName name{};
  std::string identity_arguments{};  // "a integer, b text": with the name, what tells overloads
  std::string arguments{};           // the full list, with defaults and modes
  char kind = 'f';                   // pg_proc.prokind: 'f' function, 'p' procedure,
                                     // 'a' aggregate, 'w' window function
  std::optional<std::string> definition{};  // pg_get_functiondef; not for an aggregate
  std::string language{};
  std::string return_type{};  // pg_get_function_result; empty for a procedure
  char volatility = 'v';      // 'i' immutable, 's' stable, 'v' volatile
  bool security_definer = false;
  std::optional<AggregateParts> aggregate{};  // set for an aggregate only
  std::optional<std::string> comment{};
  std::vector<std::string> privileges{};  // aclitem texts; see Catalog
  std::string owner{};                    // role name

  // schema.name(identity arguments), for people and for sorting overloads apart.
  std::string signature() const { return name.display() + "(" + identity_arguments + ")"; }
};

}  // namespace confiture::catalog
