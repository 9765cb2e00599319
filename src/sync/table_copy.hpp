// Copies one table: COPY out of the source snapshot, rewritten in the stream, COPY into the
// target inside one transaction (so an interrupted table leaves nothing behind). Incremental
// tables go through a temporary table and an upsert. Also restores foreign keys that were
// copied as NULL to break a cycle.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "confiture/pg/connection.hpp"
#include "confiture/sync/plan.hpp"

namespace confiture::sync {

// The keys of keyed strategies, by the environment variable they were read from.
struct KeyRing {
  std::string default_env;
  std::map<std::string, AnonKey> keys;
  const AnonKey* key_for(const StrategySpec& spec) const;
};

struct CopyCounts {
  std::uint64_t rows = 0, bytes = 0;
};

// The SELECT that reads `table`'s copied columns and filter from the source (alias t).
std::string source_select(const TablePlan& table);

// `source` is inside the snapshot's transaction; `target` is idle. `on_rows` is called every
// few thousand rows with the counts so far. Throws SYNC_303 naming the table (and the row and
// column the server names), SYNC_307 when `interrupted` is set, CONN_1701 on a lost session.
CopyCounts copy_table(pg::Connection& source, pg::Connection& target, const TablePlan& table,
                      const KeyRing& keys, const std::function<void(const CopyCounts&)>& on_rows,
                      const std::atomic<bool>* interrupted);

// Sets the foreign keys of `table` listed in table.deferred to their source values. Returns the
// number of rows updated.
std::uint64_t restore_deferred_keys(pg::Connection& source, pg::Connection& target,
                                    const TablePlan& table, const KeyRing& keys);

}  // namespace confiture::sync
