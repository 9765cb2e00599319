// Narrowing catalogs to what a diff compares.
#include "confiture/diff/scope.hpp"

#include <algorithm>

namespace confiture::diff {
namespace {

template <typename T, typename Pred>
void erase_if(std::vector<T>& list, Pred pred) {
  list.erase(std::remove_if(list.begin(), list.end(), pred), list.end());
}

}  // namespace

void exclude_schemas(catalog::Catalog& c, const std::vector<std::string>& schemas) {
  if (schemas.empty()) return;
  auto out = [&](const std::string& schema) {
    return std::find(schemas.begin(), schemas.end(), schema) != schemas.end();
  };
  auto named_out = [&](const auto& item) { return out(item.name.schema); };
  auto table_out = [&](const auto& item) { return out(item.table.schema); };
  erase_if(c.schemas, [&](const auto& s) { return out(s.name); });
  erase_if(c.enum_types, named_out);
  erase_if(c.domains, named_out);
  erase_if(c.composite_types, named_out);
  erase_if(c.range_types, named_out);
  erase_if(c.tables, named_out);
  erase_if(c.sequences, named_out);
  erase_if(c.indexes, named_out);
  erase_if(c.views, named_out);
  erase_if(c.routines, named_out);
  erase_if(c.triggers, table_out);
  erase_if(c.policies, table_out);
  erase_if(c.unsupported, [&](const auto& u) { return out(u.schema); });
  erase_if(c.dependencies, [&](const auto& d) {
    return out(d.dependent.name.schema) || out(d.referenced.name.schema);
  });
}

void exclude_tables(catalog::Catalog& c, const std::vector<std::string>& names) {
  auto listed = [&](const catalog::QualifiedName& name) {
    return std::find(names.begin(), names.end(), name.name) != names.end();
  };
  erase_if(c.tables, [&](const auto& t) { return listed(t.name); });
  erase_if(c.sequences,
           [&](const auto& s) { return s.owned_by_table && listed(*s.owned_by_table); });
  erase_if(c.indexes, [&](const auto& i) { return listed(i.table); });
  erase_if(c.triggers, [&](const auto& t) { return listed(t.table); });
  erase_if(c.policies, [&](const auto& p) { return listed(p.table); });
  auto touches = [&](const catalog::ObjectRef& r) {
    return (r.kind == "table" || r.kind == "column" || r.kind == "default" ||
            r.kind == "constraint") &&
           listed(r.name);
  };
  erase_if(c.dependencies,
           [&](const auto& d) { return touches(d.dependent) || touches(d.referenced); });
}

}  // namespace confiture::diff
