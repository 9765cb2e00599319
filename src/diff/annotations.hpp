// What every kind of object may carry besides its definition: a comment and privileges. The
// generators call these for each object they create or keep.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "planner.hpp"

namespace confiture::diff {

// COMMENT ON <what> IS ... when the comments differ (`what` is e.g. `TABLE "s"."t"`).
void plan_comment(Planner& planner, const std::string& what, const ObjectRef& object,
                  const std::optional<std::string>& from, const std::optional<std::string>& to);

// The privileges of one object as GRANT/REVOKE statements. `kind` is the GRANT object type
// (TABLE, SEQUENCE, FUNCTION, PROCEDURE, SCHEMA, TYPE), `target` its quoted name (with
// arguments for a routine), `columns` a column list for column privileges. Privileges are
// aclitem texts; `from` empty means a new object, which has the kind's default privileges.
// The owners' own entries compare as the owner's, whoever that is on either side.
struct Privileges {
  std::vector<std::string> acl;
  std::string owner;
};
void plan_privileges(Planner& planner, const std::string& kind, const std::string& target,
                     const ObjectRef& object, const std::optional<Privileges>& from,
                     const Privileges& to, const std::string& column = {});

}  // namespace confiture::diff
