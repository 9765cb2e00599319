// The lock each statement of a plan takes: read from the statement's parse tree (the command and,
// for ALTER TABLE, each action, as PostgreSQL 15's AlterTableGetLockLevel and the commands' own
// lock requests decide it), with `from` naming what the text does not say (the table of an index,
// the other table of a dropped foreign key, the parent of a partition, the tables over a domain).
#pragma once

#include <string>

#include "confiture/catalog/catalog.hpp"
#include "confiture/diff/differ.hpp"
#include "confiture/diff/plan.hpp"

namespace confiture::diff {

// A statement that does not parse (a newer server's syntax), or a DO block whose step did not state
// its lock, is assumed to take ACCESS EXCLUSIVE (`assumed`).
// `renames`: the tables the plan renames, whose later statements name them as `to` does.
StatementLock statement_lock(const std::string& sql, const catalog::Catalog& from,
                             const Renames& renames);

}  // namespace confiture::diff
