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
inline constexpr const char* kBuildRecordTable = "tb_confiture_build";    // build/build_state
inline constexpr const char* kLockHolderTable = "confiture_lock_holder";  // migrate/advisory_lock
inline constexpr const char* kMigrationPartsTable =
    "confiture_migration_parts";  // split migrations
inline constexpr std::array<std::string_view, 4> kOwnTables{kBuildRecordTable, kLockHolderTable,
                                                            kProtectionTable, kMigrationPartsTable};

}  // namespace confiture::pg
