// What routine bodies use, as dependencies: PostgreSQL records nothing for the tables, views,
// sequences and routines a SQL or PL/pgSQL body names (only a SQL-standard body's), so the names
// libpg_query finds in each body are resolved against the same catalog.
#include <map>

#include "confiture/sql/body_references.hpp"
#include "planner.hpp"

namespace confiture::diff {
namespace {

// Objects by unqualified name, with their schemas.
using ByName = std::map<std::string, std::vector<std::pair<std::string, ObjectRef>>>;

// A qualified name is that object. An unqualified one is resolved as a call from the usual
// search_path would be: the routine's own schema first (where a `SET search_path` usually points),
// then public, then the only schema that has one; otherwise it is left out.
std::vector<ObjectRef> resolve(const ByName& objects, const sql::BodyName& name,
                               const std::string& own_schema) {
  auto found = objects.find(name.name);
  if (found == objects.end()) return {};
  const auto& candidates = found->second;
  auto in_schema = [&](const std::string& schema) {
    std::vector<ObjectRef> refs;
    for (const auto& [candidate_schema, object] : candidates) {
      if (candidate_schema == schema) refs.push_back(object);
    }
    return refs;
  };
  if (!name.schema.empty()) return in_schema(name.schema);
  for (const std::string& schema : {own_schema, std::string("public")}) {
    std::vector<ObjectRef> refs = in_schema(schema);
    if (!refs.empty()) return refs;
  }
  const std::string& first = candidates.front().first;
  for (const auto& candidate : candidates) {
    if (candidate.first != first) return {};
  }
  return in_schema(first);
}

}  // namespace

std::vector<catalog::Dependency> body_dependencies(const catalog::Catalog& catalog) {
  ByName relations;
  ByName sequences;
  ByName routines;
  auto add = [](ByName& map, const QualifiedName& name, ObjectRef object) {
    map[name.name].emplace_back(name.schema, std::move(object));
  };
  for (const catalog::Table& table : catalog.tables)
    add(relations, table.name, ref("table", table.name));
  for (const catalog::View& view : catalog.views) add(relations, view.name, ref("view", view.name));
  for (const catalog::Sequence& sequence : catalog.sequences) {
    add(relations, sequence.name, ref("sequence", sequence.name));
    add(sequences, sequence.name, ref("sequence", sequence.name));
  }
  for (const catalog::Routine& routine : catalog.routines) {
    add(routines, routine.name, ref("routine", routine.name, routine.identity_arguments));
  }

  std::vector<catalog::Dependency> dependencies;
  for (const catalog::Routine& routine : catalog.routines) {
    if (!routine.definition) continue;
    const ObjectRef self = ref("routine", routine.name, routine.identity_arguments);
    const sql::BodyReferences used = sql::body_references(*routine.definition, routine.language);
    auto depend_on = [&](const ByName& objects, const std::vector<sql::BodyName>& names) {
      for (const sql::BodyName& name : names) {
        for (ObjectRef& object : resolve(objects, name, routine.name.schema)) {
          if (object != self) dependencies.push_back({self, std::move(object)});
        }
      }
    };
    depend_on(relations, used.relations);
    depend_on(routines, used.routines);
    depend_on(sequences, used.sequences);
  }
  return dependencies;
}

}  // namespace confiture::diff
