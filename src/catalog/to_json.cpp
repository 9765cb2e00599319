// Catalog to JSON, field by field in declaration order, with the conventions to_json.hpp states
// for names, optionals and "char" codes.
#include "confiture/catalog/to_json.hpp"

#include <optional>
#include <string>
#include <vector>

namespace confiture::catalog {
namespace {

using nlohmann::json;

json code(char value) { return value == '\0' ? json(nullptr) : json(std::string(1, value)); }

json name_json(const QualifiedName& name) { return {{"schema", name.schema}, {"name", name.name}}; }

template <typename Value>
json optional_json(const std::optional<Value>& value) {
  return value ? json(*value) : json(nullptr);
}

json optional_json(const std::optional<QualifiedName>& value) {
  return value ? name_json(*value) : json(nullptr);
}

template <typename Item, typename Convert>
json array_of(const std::vector<Item>& items, Convert convert) {
  json array = json::array();
  for (const Item& item : items) array.push_back(convert(item));
  return array;
}

json names_json(const std::vector<QualifiedName>& names) { return array_of(names, name_json); }

json column_json(const Column& column) {
  return {{"name", column.name},
          {"number", column.number},
          {"type", column.type},
          {"base_type", column.base_type},
          {"type_category", code(column.type_category)},
          {"max_length", column.max_length},
          {"not_null", column.not_null},
          {"default_expr", optional_json(column.default_expr)},
          {"identity", code(column.identity)},
          {"generated", code(column.generated)},
          {"collation", optional_json(column.collation)},
          {"inherited", column.inherited},
          {"local", column.local},
          {"statistics_target", optional_json(column.statistics_target)},
          {"storage", code(column.storage)},
          {"type_storage", code(column.type_storage)},
          {"comment", optional_json(column.comment)},
          {"privileges", column.privileges}};
}

json constraint_json(const Constraint& constraint) {
  return {{"name", constraint.name},
          {"kind", code(constraint.kind)},
          {"columns", constraint.columns},
          {"definition", constraint.definition},
          {"deferrable", constraint.deferrable},
          {"initially_deferred", constraint.initially_deferred},
          {"validated", constraint.validated},
          {"inherited", constraint.inherited},
          {"no_inherit", constraint.no_inherit},
          {"comment", optional_json(constraint.comment)}};
}

json foreign_key_json(const ForeignKey& key) {
  return {{"name", key.name},
          {"columns", key.columns},
          {"referenced", name_json(key.referenced)},
          {"referenced_columns", key.referenced_columns},
          {"deferrable", key.deferrable},
          {"initially_deferred", key.initially_deferred},
          {"validated", key.validated},
          {"on_update", code(key.on_update)},
          {"on_delete", code(key.on_delete)},
          {"match_full", key.match_full},
          {"comment", optional_json(key.comment)}};
}

json table_json(const Table& table) {
  return {{"name", name_json(table.name)},
          {"kind", code(table.kind)},
          {"partition_of", optional_json(table.partition_of)},
          {"columns", array_of(table.columns, column_json)},
          {"primary_key", table.primary_key},
          {"foreign_keys", array_of(table.foreign_keys, foreign_key_json)},
          {"constraints", array_of(table.constraints, constraint_json)},
          {"unlogged", table.unlogged},
          {"row_security", table.row_security},
          {"force_row_security", table.force_row_security},
          {"storage_parameters", table.storage_parameters},
          {"partition_key", optional_json(table.partition_key)},
          {"partition_bound", optional_json(table.partition_bound)},
          {"comment", optional_json(table.comment)},
          {"privileges", table.privileges},
          {"owner", table.owner},
          {"inherits", names_json(table.inherits)},
          {"estimated_rows", table.estimated_rows},
          {"estimated_bytes", table.estimated_bytes}};
}

json sequence_json(const Sequence& sequence) {
  return {{"name", name_json(sequence.name)},
          {"owned_by_table", optional_json(sequence.owned_by_table)},
          {"owned_by_column", sequence.owned_by_column},
          {"last_value", sequence.last_value ? json(*sequence.last_value) : json(nullptr)},
          {"data_type", sequence.data_type},
          {"start", sequence.start},
          {"increment", sequence.increment},
          {"min_value", sequence.min_value},
          {"max_value", sequence.max_value},
          {"cache", sequence.cache},
          {"cycle", sequence.cycle},
          {"comment", optional_json(sequence.comment)},
          {"privileges", sequence.privileges},
          {"owner", sequence.owner}};
}

json schema_json(const Schema& schema) {
  return {{"name", schema.name},
          {"owner", schema.owner},
          {"comment", optional_json(schema.comment)},
          {"privileges", schema.privileges}};
}

json extension_json(const Extension& extension) {
  return {{"name", extension.name}, {"schema", extension.schema}, {"version", extension.version}};
}

json enum_json(const EnumType& type) {
  return {{"name", name_json(type.name)},
          {"labels", type.labels},
          {"comment", optional_json(type.comment)},
          {"privileges", type.privileges},
          {"owner", type.owner}};
}

json domain_json(const Domain& domain) {
  return {{"name", name_json(domain.name)},
          {"base_type", domain.base_type},
          {"not_null", domain.not_null},
          {"default_expr", optional_json(domain.default_expr)},
          {"collation", optional_json(domain.collation)},
          {"constraints", array_of(domain.constraints,
                                   [](const DomainConstraint& constraint) {
                                     return json{{"name", constraint.name},
                                                 {"definition", constraint.definition},
                                                 {"validated", constraint.validated}};
                                   })},
          {"comment", optional_json(domain.comment)},
          {"privileges", domain.privileges},
          {"owner", domain.owner}};
}

json composite_json(const CompositeType& type) {
  return {{"name", name_json(type.name)},
          {"attributes", array_of(type.attributes,
                                  [](const CompositeAttribute& attribute) {
                                    return json{{"name", attribute.name},
                                                {"type", attribute.type},
                                                {"collation", optional_json(attribute.collation)}};
                                  })},
          {"comment", optional_json(type.comment)},
          {"privileges", type.privileges},
          {"owner", type.owner}};
}

json range_json(const RangeType& type) {
  return {{"name", name_json(type.name)},
          {"subtype", type.subtype},
          {"subtype_opclass", optional_json(type.subtype_opclass)},
          {"collation", optional_json(type.collation)},
          {"canonical", optional_json(type.canonical)},
          {"subtype_diff", optional_json(type.subtype_diff)},
          {"comment", optional_json(type.comment)},
          {"privileges", type.privileges},
          {"owner", type.owner}};
}

json index_json(const Index& index) {
  return {{"name", name_json(index.name)},    {"table", name_json(index.table)},
          {"unique", index.unique},           {"method", index.method},
          {"definition", index.definition},   {"predicate", optional_json(index.predicate)},
          {"key_columns", index.key_columns}, {"include_columns", index.include_columns},
          {"inherited", index.inherited},     {"comment", optional_json(index.comment)}};
}

json view_json(const View& view) {
  return {{"name", name_json(view.name)},
          {"materialized", view.materialized},
          {"definition", view.definition},
          {"options", view.options},
          {"populated", view.populated},
          {"columns", array_of(view.columns,
                               [](const ViewColumn& column) {
                                 return json{{"name", column.name}, {"type", column.type}};
                               })},
          {"comment", optional_json(view.comment)},
          {"privileges", view.privileges},
          {"owner", view.owner}};
}

json aggregate_json(const std::optional<AggregateParts>& parts) {
  if (!parts) return nullptr;
  return {{"transition_function", parts->transition_function},
          {"state_type", parts->state_type},
          {"final_function", optional_json(parts->final_function)},
          {"combine_function", optional_json(parts->combine_function)},
          {"initial_value", optional_json(parts->initial_value)}};
}

json routine_json(const Routine& routine) {
  return {{"name", name_json(routine.name)},
          {"identity_arguments", routine.identity_arguments},
          {"arguments", routine.arguments},
          {"kind", code(routine.kind)},
          {"definition", optional_json(routine.definition)},
          {"language", routine.language},
          {"return_type", routine.return_type},
          {"volatility", code(routine.volatility)},
          {"security_definer", routine.security_definer},
          {"aggregate", aggregate_json(routine.aggregate)},
          {"comment", optional_json(routine.comment)},
          {"privileges", routine.privileges},
          {"owner", routine.owner}};
}

json trigger_json(const Trigger& trigger) {
  return {{"table", name_json(trigger.table)}, {"name", trigger.name},
          {"definition", trigger.definition},  {"enabled", code(trigger.enabled)},
          {"inherited", trigger.inherited},    {"comment", optional_json(trigger.comment)}};
}

json policy_json(const Policy& policy) {
  return {{"table", name_json(policy.table)},
          {"name", policy.name},
          {"command", code(policy.command)},
          {"permissive", policy.permissive},
          {"roles", policy.roles},
          {"using_expr", optional_json(policy.using_expr)},
          {"with_check_expr", optional_json(policy.with_check_expr)},
          {"comment", optional_json(policy.comment)}};
}

json unsupported_json(const UnsupportedObject& object) {
  return {{"kind", object.kind}, {"schema", object.schema}, {"name", object.name}};
}

json object_json(const ObjectRef& object) {
  return {{"kind", object.kind}, {"name", name_json(object.name)}, {"member", object.member}};
}

json dependency_json(const Dependency& dependency) {
  return {{"dependent", object_json(dependency.dependent)},
          {"referenced", object_json(dependency.referenced)}};
}

}  // namespace

nlohmann::json to_json(const Catalog& catalog) {
  return {{"server_version", catalog.server_version},
          {"schemas", array_of(catalog.schemas, schema_json)},
          {"extensions", array_of(catalog.extensions, extension_json)},
          {"enum_types", array_of(catalog.enum_types, enum_json)},
          {"domains", array_of(catalog.domains, domain_json)},
          {"composite_types", array_of(catalog.composite_types, composite_json)},
          {"range_types", array_of(catalog.range_types, range_json)},
          {"tables", array_of(catalog.tables, table_json)},
          {"sequences", array_of(catalog.sequences, sequence_json)},
          {"indexes", array_of(catalog.indexes, index_json)},
          {"views", array_of(catalog.views, view_json)},
          {"routines", array_of(catalog.routines, routine_json)},
          {"triggers", array_of(catalog.triggers, trigger_json)},
          {"policies", array_of(catalog.policies, policy_json)},
          {"unsupported", array_of(catalog.unsupported, unsupported_json)},
          {"dependencies", array_of(catalog.dependencies, dependency_json)}};
}

}  // namespace confiture::catalog
