// Parents before children: the target checks foreign keys row by row, and sync runs without the
// superuser rights that would switch those checks off. A self-reference needs no order (COPY
// checks it at the end of the statement); a cycle is broken at a foreign key whose columns are
// all nullable: that key is copied as NULL and restored once every table is in.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "plan_steps.hpp"
#include "table_patterns.hpp"

namespace confiture::sync {
namespace {

struct Edge {
  std::size_t child = 0, parent = 0;
  const catalog::ForeignKey* key = nullptr;
  bool nullable = false;
  bool removed = false;
};

// A cycle through the remaining edges, as edge indexes; empty when there is none.
std::vector<std::size_t> find_cycle(std::size_t nodes, const std::vector<Edge>& edges) {
  std::vector<int> state(nodes, 0);  // 0 new, 1 on the path, 2 done
  std::vector<std::size_t> path;     // edges taken from the root
  std::vector<std::size_t> cycle;
  auto visit = [&](auto&& self, std::size_t node) -> bool {
    state[node] = 1;
    for (std::size_t e = 0; e < edges.size(); ++e) {
      const Edge& edge = edges[e];
      if (edge.removed || edge.child != node) continue;
      path.push_back(e);
      if (state[edge.parent] == 1) {
        auto start = std::find_if(path.begin(), path.end(),
                                  [&](std::size_t p) { return edges[p].child == edge.parent; });
        cycle.assign(start, path.end());
        return true;
      }
      if (state[edge.parent] == 0 && self(self, edge.parent)) return true;
      path.pop_back();
    }
    state[node] = 2;
    return false;
  };
  for (std::size_t node = 0; node < nodes; ++node) {
    if (state[node] == 0 && visit(visit, node)) return cycle;
  }
  return {};
}

}  // namespace

void order_tables(const std::vector<SelectedTable>& tables, const catalog::Catalog& target,
                  std::vector<TablePlan>& plans, std::vector<std::string>& problems) {
  std::map<catalog::QualifiedName, std::size_t> index;
  for (std::size_t i = 0; i < tables.size(); ++i) index[tables[i].source->name] = i;

  std::vector<Edge> edges;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    const catalog::Table* into = tables[i].target;
    if (!into) continue;
    for (const catalog::ForeignKey& key : into->foreign_keys) {
      auto parent = index.find(key.referenced);
      if (parent == index.end()) {
        problems.push_back(fmt::format(
            "{} references {} ({}), which is not selected: add it to "
            "--tables or exclude {}",
            into->name.display(), key.referenced.display(), key.name, into->name.display()));
        continue;
      }
      if (parent->second == i) continue;
      bool nullable = std::all_of(key.columns.begin(), key.columns.end(), [&](const auto& c) {
        const catalog::Column* column = into->column(c);
        return column && !column->not_null;
      });
      edges.push_back({i, parent->second, &key, nullable, false});
    }
  }
  // TRUNCATE refuses a table that an unselected table references. A partition of a selected
  // table is emptied with it.
  auto selected = [&](const catalog::QualifiedName& name) { return index.count(name) > 0; };
  for (const catalog::Table& other : target.tables) {
    if (selected(other.name) || has_selected_ancestor(target, other, selected)) continue;
    for (const catalog::ForeignKey& key : other.foreign_keys) {
      if (index.count(key.referenced)) {
        problems.push_back(
            fmt::format("{} (not selected) references {} ({}): emptying {} "
                        "would fail; add {} to --tables or exclude {}",
                        other.name.display(), key.referenced.display(), key.name,
                        key.referenced.display(), other.name.display(), key.referenced.display()));
      }
    }
  }

  for (auto cycle = find_cycle(tables.size(), edges); !cycle.empty();
       cycle = find_cycle(tables.size(), edges)) {
    auto breakable = std::find_if(cycle.begin(), cycle.end(), [&](std::size_t e) {
      return edges[e].nullable && !plans[edges[e].child].primary_key.empty();
    });
    if (breakable == cycle.end()) {
      std::vector<std::string> names;
      for (std::size_t e : cycle) {
        names.push_back(
            fmt::format("{} ({})", plans[edges[e].child].name.display(), edges[e].key->name));
      }
      problems.push_back(
          fmt::format("foreign keys form a cycle with no nullable link on a table "
                      "with a primary key: {}",
                      fmt::join(names, " -> ")));
      for (std::size_t e : cycle) edges[e].removed = true;
      continue;
    }
    Edge& edge = edges[*breakable];
    edge.removed = true;
    TablePlan& child = plans[edge.child];
    DeferredForeignKey deferred;
    deferred.constraint = edge.key->name;
    for (const std::string& column : edge.key->columns) {
      auto field = std::find(child.columns.begin(), child.columns.end(), column);
      if (field != child.columns.end()) {
        deferred.fields.push_back(static_cast<std::size_t>(field - child.columns.begin()));
      }
    }
    child.deferred.push_back(std::move(deferred));
  }

  // Kahn's algorithm, taking the first ready table by name so the order is stable.
  std::vector<std::set<std::size_t>> after(tables.size());
  for (const Edge& edge : edges) {
    if (!edge.removed) after[edge.child].insert(edge.parent);
  }
  std::vector<std::size_t> order;
  std::vector<bool> placed(tables.size(), false);
  while (order.size() < tables.size()) {
    std::size_t next = tables.size();
    for (std::size_t i = 0; i < tables.size(); ++i) {
      if (placed[i]) continue;
      bool ready = std::all_of(after[i].begin(), after[i].end(),
                               [&](std::size_t parent) { return placed[parent]; });
      if (ready && (next == tables.size() || plans[i].name < plans[next].name)) next = i;
    }
    if (next == tables.size()) break;  // only with unbreakable cycles, already reported
    placed[next] = true;
    order.push_back(next);
  }
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (!placed[i]) order.push_back(i);
  }

  std::vector<std::size_t> position(tables.size());
  for (std::size_t p = 0; p < order.size(); ++p) position[order[p]] = p;
  std::vector<TablePlan> sorted;
  for (std::size_t i : order) {
    TablePlan plan = std::move(plans[i]);
    plan.after.clear();
    for (std::size_t parent : after[i]) plan.after.push_back(position[parent]);
    std::sort(plan.after.begin(), plan.after.end());
    sorted.push_back(std::move(plan));
  }
  plans = std::move(sorted);
}

}  // namespace confiture::sync
