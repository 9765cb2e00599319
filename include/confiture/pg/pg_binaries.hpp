// Finds the installed PostgreSQL server programs (initdb, pg_ctl, postgres) that the embedded
// server runs.
#pragma once

#include <filesystem>
#include <string_view>

namespace confiture::pg {

// True when `dir` holds executable initdb, pg_ctl and postgres.
bool is_pg_bindir(const std::filesystem::path& dir);

// The first of: $CONFITURE_PG_BINDIR (an error if set but unusable), the bin dir of the
// installed major version `cluster_major` (so an existing cluster keeps its version),
// `pg_config --bindir`, the highest version in /usr/lib/postgresql/*/bin.
// Throws Error(kServerNoBinaries, kConnection) when none holds the server programs.
std::filesystem::path find_pg_bindir(std::string_view cluster_major = {});

}  // namespace confiture::pg
