// Schemas: created first, dropped last (plain DROP SCHEMA: by then the plan has dropped what was
// in it, and anything it did not know about makes the drop fail instead of vanishing).
#include <fmt/format.h>

#include "annotations.hpp"
#include "planner.hpp"
#include "sql_text.hpp"

namespace confiture::diff {
namespace {

const catalog::Schema* find_schema(const catalog::Catalog& catalog, const std::string& name) {
  for (const catalog::Schema& schema : catalog.schemas) {
    if (schema.name == name) return &schema;
  }
  return nullptr;
}

}  // namespace

void plan_schemas(Planner& planner) {
  for (const catalog::Schema& schema : planner.from.schemas) {
    if (find_schema(planner.to, schema.name)) continue;
    planner.gone(schema_ref(schema.name));
    planner.add(
        {.statement = catalog_change("DROP SCHEMA " + ident(schema.name), "schema " + schema.name),
         .drops = {schema_ref(schema.name)},
         .rank = kDropSchema});
  }
  for (const catalog::Schema& schema : planner.to.schemas) {
    const catalog::Schema* before = find_schema(planner.from, schema.name);
    const ObjectRef object = schema_ref(schema.name);
    if (!before) {
      planner.add({.statement = catalog_change("CREATE SCHEMA " + ident(schema.name),
                                               "schema " + schema.name),
                   .creates = {object},
                   .rank = kCreateSchema});
    }
    plan_comment(planner, "SCHEMA " + ident(schema.name), object,
                 before ? before->comment : std::nullopt, schema.comment);
    plan_privileges(
        planner, "SCHEMA", ident(schema.name), object,
        before ? std::optional<Privileges>({before->privileges, before->owner}) : std::nullopt,
        {schema.privileges, schema.owner});
  }
}

}  // namespace confiture::diff
