// The value model of a live database's schema, as read from PostgreSQL's catalogs. Plain values:
// build one by hand in a unit test (every member has an initializer, so designated initializers
// may leave any out), read one with read_catalog(). The schema-diff work extends
// it to every object kind; today it holds what `sync` needs: tables, their columns, keys,
// foreign keys and sequences.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace confiture::pg {
class Connection;
}

namespace confiture::catalog {

struct QualifiedName {
  std::string schema{};
  std::string name{};

  // For people: schema.name, a part quoted unless it is a plain lowercase identifier
  // (public.users, "Sales"."Order Items"). Keywords are not quoted: not for SQL.
  std::string display() const;
  // For SQL: "schema"."name", both parts always quoted. An empty schema leaves out the
  // schema part in both forms.
  std::string quoted() const;
  auto operator<=>(const QualifiedName&) const = default;
};

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
  bool validated = true;  // false: NOT VALID
  char on_update = 'a';   // pg_constraint.confupdtype: a r c n d
  char on_delete = 'a';   // pg_constraint.confdeltype
};

struct Table {
  QualifiedName name{};
  std::uint32_t oid = 0;
  char kind = 'r';  // pg_class.relkind: 'r' table, 'p' partitioned table
  std::optional<QualifiedName> partition_of{};  // set for a partition (its direct parent)
  std::vector<Column> columns{};                // attnum order; dropped columns left out
  std::vector<std::string> primary_key{};       // column names in key order; empty: none
  std::vector<ForeignKey> foreign_keys{};       // sorted by name (byte order)
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
};

struct Catalog {
  int server_version = 0;  // e.g. 150004
  // Both sorted by (schema, name) in byte order; user schemas only, no extension members, no
  // temporary objects.
  std::vector<Table> tables{};
  std::vector<Sequence> sequences{};

  const Table* table(const QualifiedName& name) const;  // nullptr when absent
};

struct ReadOptions {
  // Empty: every user schema (not pg_*, information_schema). A schema that does not exist
  // just contributes nothing.
  std::vector<std::string> schemas{};
};

// Reads the catalog with one set-based query per object kind (embedded .sql resources; four
// round trips whatever the size of the schema), in whatever transaction `conn` is in: inside a
// REPEATABLE READ transaction it is the snapshot's view; in autocommit, DDL running meanwhile
// can land between two queries. Needs no privilege beyond connecting: a sequence this role may
// not read has no last_value. Type names and expressions are printed as the session's
// search_path sees them. Sizing a table (pg_relation_size) takes and releases an ACCESS SHARE
// lock, so it waits while another session holds an ACCESS EXCLUSIVE lock on that table.
// Throws Error(kConnQueryFailed / kConnLost) on failure.
Catalog read_catalog(pg::Connection& conn, const ReadOptions& options = {});

}  // namespace confiture::catalog
