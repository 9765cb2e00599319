// The value model of a live database's schema, as read from PostgreSQL's catalogs. Plain values:
// build one by hand in a unit test (every member has an initializer, so designated initializers
// may leave any out), read one with read_catalog(). It holds schemas, extensions, user-defined
// types, tables with their columns and constraints, sequences, indexes, views, routines,
// triggers and row-level security policies: what `sync` and the schema diff compare; objects
// of any other kind are listed as unsupported.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "confiture/catalog/dependency.hpp"
#include "confiture/catalog/index.hpp"
#include "confiture/catalog/policy.hpp"
#include "confiture/catalog/qualified_name.hpp"
#include "confiture/catalog/routine.hpp"
#include "confiture/catalog/trigger.hpp"
#include "confiture/catalog/types.hpp"
#include "confiture/catalog/unsupported_object.hpp"
#include "confiture/catalog/view.hpp"

namespace confiture::pg {
class Connection;
}

namespace confiture::catalog {

struct Column {
  std::string name{};
  int number = 0;            // attnum
  std::string type{};        // format_type(atttypid, atttypmod), e.g. "character varying(80)"
  std::string base_type{};   // for a domain, the type underneath (format_type); else == type
  char type_category = 'U';  // pg_type.typcategory of base_type: 'S' string, 'N' numeric,
                             // 'D' date/time, 'I' network address, 'B' boolean, 'U' user, ...
  int max_length = -1;       // n of character varying(n) / character(n), else -1
  bool not_null = false;
  std::optional<std::string> default_expr{};  // pg_get_expr(adbin, adrelid); for a generated
                                              // column, its generation expression
  char identity = '\0';                       // 'a' ALWAYS, 'd' BY DEFAULT, '\0' none
  char generated = '\0';  // 's' STORED, 'v' VIRTUAL (PostgreSQL 18+), '\0' not generated
  std::optional<QualifiedName> collation{};  // only when not the column type's default
  bool inherited = false;                    // comes from a parent table (INHERITS or partitioning)
  bool local = true;                         // also declared by the table itself
  std::optional<int> statistics_target{};    // SET STATISTICS; none: the server's default
  // SET STORAGE (attstorage): 'p' PLAIN, 'e' EXTERNAL, 'm' MAIN, 'x' EXTENDED; and the type's
  // own (typstorage), which a new column starts with and a type change resets it to.
  char storage = 'x';
  char type_storage = 'x';
  std::optional<std::string> comment{};
  std::vector<std::string> privileges{};  // column grants only: empty unless some were made
};

// A primary key, unique, check or exclusion constraint, as the schema diff compares it.
struct Constraint {
  std::string name{};
  char kind = 'c';                     // pg_constraint.contype: 'p', 'u', 'c', 'x'
  std::vector<std::string> columns{};  // conkey in key order; expressions left out
  std::string definition{};            // pg_get_constraintdef: "UNIQUE (a, b)", "CHECK ((n > 0))"
  bool deferrable = false;
  bool initially_deferred = false;
  bool validated = true;    // false: NOT VALID
  bool inherited = false;   // comes from a parent table or partitioned table (not conislocal)
  bool no_inherit = false;  // CHECK ... NO INHERIT
  std::optional<std::string> comment{};
};

// On a partition, the foreign keys it inherits from its partitioned parent are listed too (same
// name as the parent's): each partition is a table of its own for copying.
struct ForeignKey {
  std::string name{};
  std::vector<std::string> columns{};  // in key order
  QualifiedName referenced{};
  std::vector<std::string> referenced_columns{};  // same length and order as columns
  bool deferrable = false;
  bool initially_deferred = false;
  bool validated = true;    // false: NOT VALID
  char on_update = 'a';     // pg_constraint.confupdtype: a r c n d
  char on_delete = 'a';     // pg_constraint.confdeltype
  bool match_full = false;  // MATCH FULL (else MATCH SIMPLE)
  std::optional<std::string> comment{};
};

struct Table {
  QualifiedName name{};
  std::uint32_t oid = 0;
  char kind = 'r';  // pg_class.relkind: 'r' table, 'p' partitioned table
  std::optional<QualifiedName> partition_of{};  // set for a partition (its direct parent)
  std::vector<Column> columns{};                // attnum order; dropped columns left out
  std::vector<std::string> primary_key{};       // column names in key order; empty: none
  std::vector<ForeignKey> foreign_keys{};       // sorted by name (byte order)
  // Primary key (also in primary_key), unique, check and exclusion constraints, sorted by name.
  std::vector<Constraint> constraints{};
  bool unlogged = false;
  bool row_security = false;                      // ENABLE ROW LEVEL SECURITY
  bool force_row_security = false;                // FORCE ROW LEVEL SECURITY
  std::vector<std::string> storage_parameters{};  // reloptions as stored: "fillfactor=70"
  std::optional<std::string> partition_key{};     // pg_get_partkeydef: "RANGE (created_at)"
  std::optional<std::string> partition_bound{};   // on a partition: "FOR VALUES IN (1)", "DEFAULT"
  std::optional<std::string> comment{};
  std::vector<std::string> privileges{};  // aclitem texts; see Catalog
  std::string owner{};                    // role name
  std::vector<QualifiedName> inherits{};  // INHERITS parents in declaration order (no partitions)
  // pg_class.reltuples as the server keeps it: -1 when never analyzed since PostgreSQL 14, but
  // 0 on PostgreSQL 13, which cannot tell "never analyzed" from "empty". For a partitioned
  // table, the sum over its leaf partitions (those never analyzed count 0; -1 when all are).
  double estimated_rows = -1;
  // pg_relation_size (main fork); for a partitioned table, the sum over its leaf partitions.
  std::int64_t estimated_bytes = 0;

  const Column* column(std::string_view column_name) const;  // nullptr when absent
};

struct Sequence {
  QualifiedName name{};
  std::optional<QualifiedName> owned_by_table{};  // OWNED BY (serial) or identity column
  std::string owned_by_column{};                  // empty when not owned
  std::optional<std::int64_t> last_value{};  // pg_sequences.last_value: null when never used or
                                             // not readable by this role
  std::string data_type = "bigint";
  std::int64_t start = 1;
  std::int64_t increment = 1;
  std::int64_t min_value = 1;
  std::int64_t max_value = 9223372036854775807;
  std::int64_t cache = 1;
  bool cycle = false;
  std::optional<std::string> comment{};
  std::vector<std::string> privileges{};  // aclitem texts; see Catalog
  std::string owner{};                    // role name
};

struct Schema {
  std::string name{};
  std::string owner{};
  std::optional<std::string> comment{};
  std::vector<std::string> privileges{};  // aclitem texts; see Catalog
};

// The extension itself; the objects it created are left out of every other list.
struct Extension {
  std::string name{};
  std::string schema{};  // where its objects went
  std::string version{};
};

struct Catalog {
  int server_version = 0;  // e.g. 150004
  // Every list is sorted by name ((schema, name) where qualified) in byte order; user schemas
  // only, no extension members, no temporary objects. Extensions are listed whatever the schema
  // filter: they belong to the database. Privileges are aclitem texts as the server prints them
  // ("alice=arw/owner"), in the server's order, with the defaults spelled out (acldefault) for
  // an object whose privileges were never changed, so that both sides of a diff compare alike.
  std::vector<Schema> schemas{};
  std::vector<Extension> extensions{};
  std::vector<EnumType> enum_types{};
  std::vector<Domain> domains{};
  std::vector<CompositeType> composite_types{};
  std::vector<RangeType> range_types{};
  std::vector<Table> tables{};
  std::vector<Sequence> sequences{};
  std::vector<Index> indexes{};
  std::vector<View> views{};  // views and materialized views
  // Functions, procedures and aggregates, sorted by name then identity arguments.
  std::vector<Routine> routines{};
  // Both sorted by table, then name.
  std::vector<Trigger> triggers{};
  std::vector<Policy> policies{};
  // Objects of kinds the model does not cover, sorted by kind, schema, name.
  std::vector<UnsupportedObject> unsupported{};
  // What depends on what among the objects above (and on extensions), sorted.
  std::vector<Dependency> dependencies{};

  const Table* table(const QualifiedName& name) const;  // nullptr when absent
};

struct ReadOptions {
  // Empty: every user schema (not pg_*, information_schema). A schema that does not exist
  // just contributes nothing.
  std::vector<std::string> schemas{};
  // Only tables (columns, constraints, foreign keys) and sequences: what copying data needs,
  // in 4 of the 16 queries.
  bool tables_only = false;
};

// Reads the catalog with one set-based query per object kind (embedded .sql resources; seventeen
// round trips whatever the size of the schema), in whatever transaction `conn` is in: inside a
// REPEATABLE READ transaction it is the snapshot's view; in autocommit, DDL running meanwhile
// can land between two queries. Needs no privilege beyond connecting: a sequence this role may
// not read has no last_value. Type names and expressions are printed as the session's
// search_path sees them. Sizing a table (pg_relation_size) takes and releases an ACCESS SHARE
// lock, so it waits while another session holds an ACCESS EXCLUSIVE lock on that table.
// Throws Error(kConnQueryFailed / kConnLost) on failure.
Catalog read_catalog(pg::Connection& conn, const ReadOptions& options = {});

}  // namespace confiture::catalog
