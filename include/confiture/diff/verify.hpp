// Proving a plan: run it on a scratch copy of the current schema the way a migration would, then
// diff that copy against the desired schema again. An empty re-diff is the proof.
#pragma once

#include "confiture/diff/plan.hpp"

namespace confiture::pg {
class Connection;
}

namespace confiture::diff {

// Runs the plan on `conn` (a scratch database): in one transaction when every statement allows
// it, otherwise statement by statement in autocommit, as `migrate up` runs a no-transaction file.
// Throws Error(DIFFER_401, exit 4) naming the statement that failed and the server's message.
void apply_plan(pg::Connection& conn, const Plan& plan);

}  // namespace confiture::diff
