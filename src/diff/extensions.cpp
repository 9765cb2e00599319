// Extensions: created in their schema at their version, updated, moved, dropped. What an
// extension creates is its own business: those objects are not in the catalog model.
#include <fmt/format.h>

#include "planner.hpp"
#include "sql_text.hpp"

namespace confiture::diff {
namespace {

const catalog::Extension* find_extension(const catalog::Catalog& catalog, const std::string& name) {
  for (const catalog::Extension& extension : catalog.extensions) {
    if (extension.name == name) return &extension;
  }
  return nullptr;
}

ObjectRef extension_ref(const std::string& name) { return {"extension", {"", name}, ""}; }

}  // namespace

void plan_extensions(Planner& planner) {
  for (const catalog::Extension& extension : planner.from.extensions) {
    if (extension.name == "plpgsql" || find_extension(planner.to, extension.name)) continue;
    Statement statement =
        catalog_change("DROP EXTENSION " + ident(extension.name), "extension " + extension.name);
    with_hazard(statement, Hazard::kHasUntrackableDependencies,
                "drops every object of " + extension.name +
                    "; uses in function bodies are not "
                    "tracked");
    planner.add({.statement = std::move(statement),
                 .drops = {extension_ref(extension.name)},
                 .rank = kDropExtension});
  }
  for (const catalog::Extension& extension : planner.to.extensions) {
    const catalog::Extension* before = find_extension(planner.from, extension.name);
    const std::string what = "extension " + extension.name;
    const ObjectRef object = extension_ref(extension.name);
    if (!before) {
      Step step{
          .statement = catalog_change(
              fmt::format("CREATE EXTENSION {} WITH SCHEMA {} VERSION {}", ident(extension.name),
                          ident(extension.schema), literal(extension.version)),
              what),
          .creates = {object},
          .rank = kCreateExtension};
      step.needs.push_back(schema_ref(extension.schema));
      planner.add(std::move(step));
      continue;
    }
    if (before->version != extension.version) {
      planner.add({.statement = catalog_change(
                       fmt::format("ALTER EXTENSION {} UPDATE TO {}", ident(extension.name),
                                   literal(extension.version)),
                       what),
                   .creates = {object},
                   .rank = kCreateExtension});
    }
    if (before->schema != extension.schema) {
      Step step{
          .statement = catalog_change(fmt::format("ALTER EXTENSION {} SET SCHEMA {}",
                                                  ident(extension.name), ident(extension.schema)),
                                      what),
          .creates = {object},
          .rank = kCreateExtension};
      step.needs.push_back(schema_ref(extension.schema));
      planner.add(std::move(step));
    }
  }
}

}  // namespace confiture::diff
