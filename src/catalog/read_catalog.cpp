// read_catalog: one set-based query per object kind (embedded .sql resources), stitched into the
// value model by table oid, so the number of round trips does not grow with the schema.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <pqxx/pqxx>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "confiture/catalog/catalog.hpp"
#include "confiture/pg/connection.hpp"
#include "confiture/pg/quote.hpp"

namespace confiture::catalog {
namespace sql {
extern const std::string_view tables;
extern const std::string_view columns;
extern const std::string_view constraints;
extern const std::string_view sequences;
}  // namespace sql

namespace {

constexpr std::string_view kSchemasVariable = ":schemas";

// The schema filter as a SQL value: a text[] of the chosen schemas, or NULL for all of them.
std::string schemas_value(const std::vector<std::string>& schemas) {
  if (schemas.empty()) return "NULL::pg_catalog.text[]";
  std::string value = "ARRAY[";
  for (std::size_t i = 0; i < schemas.size(); ++i) {
    if (i > 0) value += ", ";
    value += pg::quote_literal(schemas[i]);
  }
  return value + "]::pg_catalog.text[]";
}

// The queries name the filter as the psql variable :schemas, so each file also runs as it is
// under `psql -v schemas='NULL::text[]' -f`. A "::" cast is never mistaken for it.
std::string bind_schemas(std::string_view query, const std::string& value) {
  std::string text;
  std::size_t from = 0;
  for (std::size_t at = query.find(kSchemasVariable); at != std::string_view::npos;
       at = query.find(kSchemasVariable, at + 1)) {
    if (at > 0 && query[at - 1] == ':') continue;
    text.append(query.substr(from, at - from)).append(value);
    from = at + kSchemasVariable.size();
  }
  return text.append(query.substr(from));
}

// "char" columns: an empty value (attidentity, attgenerated) means none.
char char_of(const pqxx::field& field) { return field.is_null() ? '\0' : field.c_str()[0]; }

std::vector<std::string> text_array(const pqxx::field& field) {
  std::vector<std::string> values;
  pqxx::array_parser parser = field.as_array();
  for (;;) {
    auto [juncture, value] = parser.get_next();
    if (juncture == pqxx::array_parser::done) break;
    if (juncture == pqxx::array_parser::string_value) values.push_back(std::move(value));
  }
  return values;
}

std::optional<QualifiedName> optional_name(const pqxx::field& schema, const pqxx::field& name) {
  if (name.is_null()) return std::nullopt;
  return QualifiedName{schema.as<std::string>(), name.as<std::string>()};
}

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
  }
}

void read_constraints(pg::Connection& conn, const std::string& schemas, const TablesByOid& tables) {
  for (const auto& row : conn.exec(bind_schemas(sql::constraints, schemas))) {
    Table* table = table_for(tables, row["table_oid"]);
    if (table == nullptr) continue;
    if (char_of(row["kind"]) == 'p') {
      table->primary_key = text_array(row["columns"]);
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
  }
}

void read_sequences(pg::Connection& conn, const std::string& schemas, Catalog& catalog) {
  for (const auto& row : conn.exec(bind_schemas(sql::sequences, schemas))) {
    Sequence& sequence = catalog.sequences.emplace_back();
    sequence.name = {row["schema"].as<std::string>(), row["name"].as<std::string>()};
    sequence.owned_by_table = optional_name(row["owner_schema"], row["owner_table"]);
    if (!row["owner_column"].is_null()) sequence.owned_by_column = row["owner_column"].c_str();
    if (!row["last_value"].is_null()) sequence.last_value = row["last_value"].as<std::int64_t>();
  }
}

}  // namespace

Catalog read_catalog(pg::Connection& conn, const ReadOptions& options) {
  const std::string schemas = schemas_value(options.schemas);
  Catalog catalog;
  catalog.server_version = conn.server_version();

  read_tables(conn, schemas, catalog);
  TablesByOid tables;
  for (Table& table : catalog.tables) tables.emplace(table.oid, &table);
  read_columns(conn, schemas, tables);
  read_constraints(conn, schemas, tables);
  read_sequences(conn, schemas, catalog);

  // Sorted here, not by the queries: byte order of the names is what the model promises.
  auto by_name = [](const auto& a, const auto& b) { return a.name < b.name; };
  std::sort(catalog.tables.begin(), catalog.tables.end(), by_name);
  std::sort(catalog.sequences.begin(), catalog.sequences.end(), by_name);
  for (Table& table : catalog.tables) {
    std::sort(table.foreign_keys.begin(), table.foreign_keys.end(), by_name);
  }
  return catalog;
}

}  // namespace confiture::catalog
