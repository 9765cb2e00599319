// Proving a plan: run it on a scratch copy of the current schema the way a migration would, then
// diff that copy against the desired schema again. An empty re-diff is the proof.
#pragma once

#include <string>
#include <vector>

#include "confiture/catalog/catalog.hpp"
#include "confiture/diff/plan.hpp"

namespace confiture::pg {
class Connection;
}

namespace confiture::diff {

// Runs the plan on `conn` (a scratch database): in one transaction when every statement allows
// it, otherwise statement by statement in autocommit, as `migrate up` runs a no-transaction file.
// Throws Error(DIFFER_401, exit 4) naming the statement that failed and the server's message.
void apply_plan(pg::Connection& conn, const Plan& plan);

// Leaves out every object in one of `schemas` (and what depends on it): --exclude-schema.
void exclude_schemas(catalog::Catalog& catalog, const std::vector<std::string>& schemas);
// Leaves out tables by name in any schema, with their sequences and indexes: confiture's own
// ledger, lock and build tables, which describe a database rather than belong to its schema.
void exclude_tables(catalog::Catalog& catalog, const std::vector<std::string>& names);

}  // namespace confiture::diff
