// The tables confiture keeps in a database about that database: the build record, the migration
// lock holder, the protection mark and the progress of split migrations. They describe the
// database rather than belong to its schema or data, so `diff` leaves them out and `sync` never
// copies them. The ledger is one of them too, under its configured name (callers add it).
#pragma once

#include <array>
#include <string_view>

#include "confiture/pg/protection.hpp"

namespace confiture::pg {

// All of them live in `public` (or the first schema of the search_path, where that is
// `public`), unqualified like the Python tool's own tables.
inline constexpr std::array<std::string_view, 4> kOwnTables{
    "tb_confiture_build", "confiture_lock_holder", kProtectionTable, "confiture_migration_parts"};

}  // namespace confiture::pg
