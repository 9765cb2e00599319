// read_catalog: one set-based query per object kind (embedded .sql resources), so the number of
// round trips does not grow with the schema. Tables, their columns and constraints (stitched by
// table oid) and sequences are read here; the other kinds by the read_*.cpp beside it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "catalog_query.hpp"
#include "confiture/catalog/catalog.hpp"
#include "confiture/pg/connection.hpp"

namespace confiture::catalog {
namespace sql {
extern const std::string_view tables;
extern const std::string_view columns;
extern const std::string_view constraints;
extern const std::string_view sequences;
}  // namespace sql

namespace {

using detail::bind_schemas;
using detail::char_of;
using detail::optional_name;
using detail::optional_text;
using detail::text_array;

using TablesByOid = std::unordered_map<std::uint32_t, Table*>;

void read_tables(pg::Connection& conn, const std::string& schemas, Catalog& catalog) {
  for (const auto& row : conn.exec(bind_schemas(sql::tables, schemas))) {
    Table& table = catalog.tables.emplace_back();
    table.oid = row["oid"].as<std::uint32_t>();
    table.name = {row["schema"].as<std::string>(), row["name"].as<std::string>()};
    table.kind = char_of(row["kind"]);
    table.partition_of = optional_name(row["parent_schema"], row["parent_name"]);
    table.estimated_rows = row["estimated_rows"].as<double>();
    table.estimated_bytes = row["estimated_bytes"].as<std::int64_t>();
    table.unlogged = row["unlogged"].as<bool>();
    table.row_security = row["row_security"].as<bool>();
    table.force_row_security = row["force_row_security"].as<bool>();
    table.storage_parameters = text_array(row["storage_parameters"]);
    table.partition_key = optional_text(row["partition_key"]);
    table.partition_bound = optional_text(row["partition_bound"]);
    table.comment = optional_text(row["comment"]);
    table.privileges = text_array(row["privileges"]);
    table.owner = row["owner"].as<std::string>();
    const std::vector<std::string> parent_schemas = text_array(row["inherits_schemas"]);
    const std::vector<std::string> parent_names = text_array(row["inherits_names"]);
    for (std::size_t i = 0; i < parent_names.size(); ++i) {
      table.inherits.push_back({parent_schemas.at(i), parent_names[i]});
    }
  }
}

// Outside a transaction a table created or dropped between two queries can show up in one and
// not the other; rows of a table the first query did not see are skipped.
Table* table_for(const TablesByOid& tables, const pqxx::field& oid) {
  auto found = tables.find(oid.as<std::uint32_t>());
  return found == tables.end() ? nullptr : found->second;
}

void read_columns(pg::Connection& conn, const std::string& schemas, const TablesByOid& tables) {
  for (const auto& row : conn.exec(bind_schemas(sql::columns, schemas))) {
    Table* table = table_for(tables, row["table_oid"]);
    if (table == nullptr) continue;
    Column& column = table->columns.emplace_back();
    column.name = row["name"].as<std::string>();
    column.number = row["number"].as<int>();
    column.type = row["type"].as<std::string>();
    column.base_type = row["base_type"].as<std::string>();
    column.type_category = char_of(row["type_category"]);
    column.max_length = row["max_length"].as<int>();
    column.not_null = row["not_null"].as<bool>();
    if (!row["default_expr"].is_null()) column.default_expr = row["default_expr"].as<std::string>();
    column.identity = char_of(row["identity"]);
    column.generated = char_of(row["generated"]);
    column.inherited = row["inherited"].as<bool>();
    column.local = row["local"].as<bool>();
    if (!row["statistics_target"].is_null()) {
      column.statistics_target = row["statistics_target"].as<int>();
    }
    column.storage = char_of(row["storage"]);
    column.type_storage = char_of(row["type_storage"]);
    column.collation = optional_name(row["collation_schema"], row["collation_name"]);
    column.comment = optional_text(row["comment"]);
    column.privileges = text_array(row["privileges"]);
  }
}

void read_constraints(pg::Connection& conn, const std::string& schemas, const TablesByOid& tables) {
  for (const auto& row : conn.exec(bind_schemas(sql::constraints, schemas))) {
    Table* table = table_for(tables, row["table_oid"]);
    if (table == nullptr) continue;
    const char kind = char_of(row["kind"]);
    if (kind != 'f') {
      if (kind == 'p') table->primary_key = text_array(row["columns"]);
      table->constraints.push_back({.name = row["name"].as<std::string>(),
                                    .kind = kind,
                                    .columns = text_array(row["columns"]),
                                    .definition = row["definition"].as<std::string>(),
                                    .deferrable = row["deferrable"].as<bool>(),
                                    .initially_deferred = row["initially_deferred"].as<bool>(),
                                    .validated = row["validated"].as<bool>(),
                                    .inherited = row["inherited"].as<bool>(),
                                    .no_inherit = row["no_inherit"].as<bool>(),
                                    .comment = optional_text(row["comment"])});
      continue;
    }
    ForeignKey& key = table->foreign_keys.emplace_back();
    key.name = row["name"].as<std::string>();
    key.columns = text_array(row["columns"]);
    key.referenced = {row["referenced_schema"].as<std::string>(),
                      row["referenced_name"].as<std::string>()};
    key.referenced_columns = text_array(row["referenced_columns"]);
    key.deferrable = row["deferrable"].as<bool>();
    key.initially_deferred = row["initially_deferred"].as<bool>();
    key.validated = row["validated"].as<bool>();
    key.on_update = char_of(row["on_update"]);
    key.on_delete = char_of(row["on_delete"]);
    key.match_full = char_of(row["match_type"]) == 'f';
    key.comment = optional_text(row["comment"]);
  }
}

void read_sequences(pg::Connection& conn, const std::string& schemas, Catalog& catalog) {
  for (const auto& row : conn.exec(bind_schemas(sql::sequences, schemas))) {
    Sequence& sequence = catalog.sequences.emplace_back();
    sequence.name = {row["schema"].as<std::string>(), row["name"].as<std::string>()};
    sequence.owned_by_table = optional_name(row["owner_schema"], row["owner_table"]);
    if (!row["owner_column"].is_null()) sequence.owned_by_column = row["owner_column"].c_str();
    if (!row["last_value"].is_null()) sequence.last_value = row["last_value"].as<std::int64_t>();
    sequence.data_type = row["data_type"].as<std::string>();
    sequence.start = row["start"].as<std::int64_t>();
    sequence.increment = row["increment"].as<std::int64_t>();
    sequence.min_value = row["min_value"].as<std::int64_t>();
    sequence.max_value = row["max_value"].as<std::int64_t>();
    sequence.cache = row["cache"].as<std::int64_t>();
    sequence.cycle = row["cycle"].as<bool>();
    sequence.comment = optional_text(row["comment"]);
    sequence.privileges = text_array(row["privileges"]);
    sequence.owner = row["owner"].as<std::string>();
  }
}

}  // namespace

Catalog read_catalog(pg::Connection& conn, const ReadOptions& options) {
  const std::string schemas = detail::schemas_value(options.schemas);
  Catalog catalog;
  catalog.server_version = conn.server_version();

  read_tables(conn, schemas, catalog);
  TablesByOid tables;
  for (Table& table : catalog.tables) tables.emplace(table.oid, &table);
  read_columns(conn, schemas, tables);
  read_constraints(conn, schemas, tables);
  read_sequences(conn, schemas, catalog);
  if (!options.tables_only) {
    detail::read_schemas(conn, schemas, catalog);
    detail::read_extensions(conn, catalog);
    detail::read_types(conn, schemas, catalog);
    detail::read_indexes(conn, schemas, catalog);
    detail::read_views(conn, schemas, catalog);
    detail::read_routines(conn, schemas, catalog);
    detail::read_triggers(conn, schemas, catalog);
    detail::read_policies(conn, schemas, catalog);
    detail::read_unsupported(conn, schemas, catalog);
    detail::read_dependencies(conn, catalog);
  }

  // Sorted here, not by the queries: byte order of the names is what the model promises.
  auto by_name = [](const auto& a, const auto& b) { return a.name < b.name; };
  std::sort(catalog.schemas.begin(), catalog.schemas.end(), by_name);
  std::sort(catalog.extensions.begin(), catalog.extensions.end(), by_name);
  std::sort(catalog.enum_types.begin(), catalog.enum_types.end(), by_name);
  std::sort(catalog.domains.begin(), catalog.domains.end(), by_name);
  std::sort(catalog.composite_types.begin(), catalog.composite_types.end(), by_name);
  std::sort(catalog.range_types.begin(), catalog.range_types.end(), by_name);
  std::sort(catalog.tables.begin(), catalog.tables.end(), by_name);
  std::sort(catalog.sequences.begin(), catalog.sequences.end(), by_name);
  std::sort(catalog.indexes.begin(), catalog.indexes.end(), by_name);
  std::sort(catalog.views.begin(), catalog.views.end(), by_name);
  std::sort(catalog.routines.begin(), catalog.routines.end(), [](const auto& a, const auto& b) {
    return std::tie(a.name, a.identity_arguments) < std::tie(b.name, b.identity_arguments);
  });
  auto by_table_and_name = [](const auto& a, const auto& b) {
    return std::tie(a.table, a.name) < std::tie(b.table, b.name);
  };
  std::sort(catalog.triggers.begin(), catalog.triggers.end(), by_table_and_name);
  std::sort(catalog.policies.begin(), catalog.policies.end(), by_table_and_name);
  std::sort(catalog.unsupported.begin(), catalog.unsupported.end(),
            [](const auto& a, const auto& b) {
              return std::tie(a.kind, a.schema, a.name) < std::tie(b.kind, b.schema, b.name);
            });
  std::sort(catalog.dependencies.begin(), catalog.dependencies.end());
  for (Table& table : catalog.tables) {
    std::sort(table.foreign_keys.begin(), table.foreign_keys.end(), by_name);
    std::sort(table.constraints.begin(), table.constraints.end(), by_name);
  }
  return catalog;
}

}  // namespace confiture::catalog
