// Views and materialized views. A view whose query changes but keeps its columns as a prefix is
// replaced in place (CREATE OR REPLACE VIEW, dependents untouched); otherwise it is dropped and
// created again, and so is everything built on it.
#include <fmt/format.h>

#include "annotations.hpp"
#include "planner.hpp"
#include "sql_text.hpp"

namespace confiture::diff {
namespace {

const catalog::View* find_view(const catalog::Catalog& catalog, const QualifiedName& name) {
  for (const catalog::View& view : catalog.views) {
    if (view.name == name) return &view;
  }
  return nullptr;
}

std::string query_of(const catalog::View& view) {
  std::string query = view.definition;
  while (!query.empty() &&
         (query.back() == ';' || std::isspace(static_cast<unsigned char>(query.back())))) {
    query.pop_back();
  }
  return query;
}

std::string kind_of(const catalog::View& view) {
  return view.materialized ? "MATERIALIZED VIEW" : "VIEW";
}

bool same_view(const catalog::View& a, const catalog::View& b) {
  return a.materialized == b.materialized && query_of(a) == query_of(b) && a.options == b.options &&
         a.populated == b.populated;
}

// CREATE OR REPLACE VIEW keeps the old columns (same names and types, same order) and may add
// more at the end.
bool replaceable_in_place(const catalog::View& from, const catalog::View& to) {
  if (from.materialized || to.materialized || from.options != to.options) return false;
  if (to.columns.size() < from.columns.size()) return false;
  for (std::size_t i = 0; i < from.columns.size(); ++i) {
    if (from.columns[i].name != to.columns[i].name || from.columns[i].type != to.columns[i].type) {
      return false;
    }
  }
  return true;
}

void create_view(Planner& planner, const catalog::View& view, bool or_replace) {
  std::string sql = fmt::format("CREATE {}{} {}", or_replace ? "OR REPLACE " : "", kind_of(view),
                                qualified(view.name));
  if (!view.options.empty()) sql += " WITH (" + join(view.options, ", ") + ")";
  sql += " AS\n" + query_of(view);
  if (view.materialized && !view.populated) sql += "\nWITH NO DATA";
  Statement statement = view.materialized && view.populated
                            ? data_change(sql, "materialized view " + view.name.display())
                            : catalog_change(sql, "view " + view.name.display());
  planner.add({.statement = std::move(statement),
               .creates = {ref("view", view.name)},
               .rank = kCreateView});
}

void drop_view(Planner& planner, const catalog::View& view) {
  Statement statement =
      catalog_change(fmt::format("DROP {} {}", kind_of(view), qualified(view.name)),
                     (view.materialized ? "materialized view " : "view ") + view.name.display());
  planner.add(
      {.statement = std::move(statement), .drops = {ref("view", view.name)}, .rank = kDropView});
}

}  // namespace

void seed_views(Planner& planner) {
  for (const catalog::View& view : planner.from.views) {
    const catalog::View* now = find_view(planner.to, view.name);
    if (!now) {
      planner.gone(ref("view", view.name));
    } else if (!same_view(view, *now) && !replaceable_in_place(view, *now)) {
      planner.replace(ref("view", view.name));
    }
  }
}

void plan_views(Planner& planner) {
  for (const catalog::View& view : planner.from.views) {
    const ObjectRef object = ref("view", view.name);
    if (planner.is_gone(object) || planner.replaced(object)) drop_view(planner, view);
  }
  for (const catalog::View& view : planner.to.views) {
    const catalog::View* before = find_view(planner.from, view.name);
    const bool fresh = !before || planner.replaced(ref("view", view.name));
    if (fresh) {
      create_view(planner, view, false);
    } else if (!same_view(*before, view)) {
      create_view(planner, view, true);
    }
    const std::string target = qualified(view.name);
    const ObjectRef object = ref("view", view.name);
    plan_comment(planner, kind_of(view) + " " + target, object,
                 fresh ? std::nullopt : before->comment, view.comment);
    plan_privileges(
        planner, "TABLE", target, object,
        fresh ? std::nullopt : std::optional<Privileges>({before->privileges, before->owner}),
        {view.privileges, view.owner});
  }
}

}  // namespace confiture::diff
