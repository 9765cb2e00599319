// The planning context of the differ, the spreading of replacements to dependents, and the
// ordering of steps: a topological sort over the dependencies of both catalogs, ties broken by
// rank and then by the order the generators added the steps in.
#include "planner.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <queue>

#include "locks.hpp"

namespace confiture::diff {
namespace {

bool is_table_part(const std::string& kind) {
  return kind == "column" || kind == "default" || kind == "constraint" || kind == "trigger" ||
         kind == "policy";
}

// What each object depends on (forward) or what depends on it (reverse), with the implicit
// dependency of a table's parts on their table, and `extra` ones.
DependencyMap dependency_map(const catalog::Catalog& catalog, bool reverse,
                             const std::vector<catalog::Dependency>& extra = {}) {
  DependencyMap map;
  auto add = [&](const ObjectRef& dependent, const ObjectRef& referenced) {
    if (reverse) {
      map[referenced].push_back(dependent);
    } else {
      map[dependent].push_back(referenced);
    }
  };
  for (const catalog::Dependency& d : catalog.dependencies) {
    // A sequence owned by a column is created before its table (the column's default uses it)
    // and attached after: its OWNED BY step waits for the column itself.
    if (!reverse && d.dependent.kind == "sequence" && d.referenced.kind == "column") continue;
    add(d.dependent, d.referenced);
    if (is_table_part(d.dependent.kind)) add(d.dependent, ref("table", d.dependent.name));
  }
  for (const catalog::Table& table : catalog.tables) {
    for (const catalog::Column& column : table.columns) {
      add(ref("column", table.name, column.name), ref("table", table.name));
    }
  }
  for (const catalog::Index& index : catalog.indexes) {
    add(ref("index", index.name), ref("table", index.table));
  }
  for (const catalog::Dependency& d : extra) add(d.dependent, d.referenced);
  return map;
}

const std::vector<ObjectRef>& lookup(const DependencyMap& map, const ObjectRef& object) {
  static const std::vector<ObjectRef> none;
  auto found = map.find(object);
  return found == map.end() ? none : found->second;
}

bool replaceable(const std::string& kind) {
  return kind == "view" || kind == "index" || kind == "trigger" || kind == "policy" ||
         kind == "constraint" || kind == "default" || kind == "routine";
}

// What PostgreSQL refuses to keep over a column whose type changes.
bool blocks_column_change(const std::string& kind) {
  return kind == "view" || kind == "trigger" || kind == "policy" || kind == "routine";
}

}  // namespace

ObjectRef ref(std::string kind, const QualifiedName& name, std::string member) {
  return {std::move(kind), name, std::move(member)};
}

ObjectRef schema_ref(const std::string& schema) { return {"schema", {schema, ""}, ""}; }

Planner::Planner(const catalog::Catalog& from_catalog, const catalog::Catalog& to_catalog,
                 const Options& planner_options)
    : from(from_catalog), to(to_catalog), options(planner_options) {}

void Planner::close_replacements() {
  const DependencyMap dependents = dependency_map(from, true);
  std::vector<std::pair<ObjectRef, bool>> work;  // (object, only a reshape)
  for (const ObjectRef& object : replaced_) work.emplace_back(object, false);
  for (const ObjectRef& object : gone_) work.emplace_back(object, false);
  for (const ObjectRef& object : reshaped_) work.emplace_back(object, true);
  while (!work.empty()) {
    auto [object, reshape] = work.back();
    work.pop_back();
    for (const ObjectRef& dependent : lookup(dependents, object)) {
      const bool affected =
          reshape ? blocks_column_change(dependent.kind) : replaceable(dependent.kind);
      if (!affected || gone_.count(dependent) > 0) continue;
      if (replaced_.insert(dependent).second) work.emplace_back(dependent, false);
    }
  }
}

QualifiedName Planner::old_table_name(const QualifiedName& to_table) const {
  auto found = options.renames.tables.find(to_table);
  if (found == options.renames.tables.end()) return to_table;
  return {to_table.schema, found->second};
}

std::string Planner::old_column_name(const QualifiedName& to_table,
                                     const std::string& column) const {
  auto found = options.renames.columns.find({to_table, column});
  return found == options.renames.columns.end() ? column : found->second;
}

void Planner::advise_if_large(const QualifiedName& table) {
  constexpr std::int64_t kLargeBytes = 1LL << 30;
  constexpr double kLargeRows = 10'000'000;
  const catalog::Table* before = from.table(old_table_name(table));
  if (!before || !advised_.insert(table).second) return;
  if (before->estimated_bytes < kLargeBytes && before->estimated_rows < kLargeRows) return;
  notes_.push_back(fmt::format(
      "{} is large (~{:.1f} GB, ~{:.0f} rows): this plan rewrites it or locks it exclusively for "
      "as long as that takes; run it in a maintenance window, or split the change into steps "
      "that take no long lock (add a new column, backfill it in batches, switch, drop the old)",
      table.display(), static_cast<double>(before->estimated_bytes) / (1LL << 30),
      before->estimated_rows < 0 ? 0.0 : before->estimated_rows));
}

Step& Planner::add(Step step) {
  steps_.push_back(std::move(step));
  return steps_.back();
}

Plan Planner::finish() {
  // What routine bodies use orders a table or view before a function that reads it, for the
  // statements that run the function (an index build, a materialized view, a default filling
  // existing rows). Those edges can close a cycle that PostgreSQL itself does not have (a
  // function reading the table whose default calls it): then the order is made without them.
  const DependencyMap used_by = dependency_map(from, true);
  std::optional<std::vector<std::size_t>> order =
      order_steps(dependency_map(to, false, body_dependencies(to)), used_by, false);
  if (!order) order = order_steps(dependency_map(to, false), used_by, true);
  Plan plan;
  const Step* previous = nullptr;
  bool merged = false;  // the last statement already holds several actions
  for (std::size_t i : *order) {
    const Step& step = steps_[i];
    const bool combines = previous && !step.combine_target.empty() &&
                          step.combine_target == previous->combine_target &&
                          step.phase == previous->phase;
    if (combines) {
      Statement& into = plan.statements.back();
      if (!merged) {
        into.sql = "ALTER TABLE " + previous->combine_target + "\n    " + previous->combine_action;
      }
      merged = true;
      into.sql += ",\n    " + step.combine_action;
      for (const HazardNote& note : step.statement.hazards) {
        const bool known = std::any_of(
            into.hazards.begin(), into.hazards.end(),
            [&](const auto& h) { return h.hazard == note.hazard && h.message == note.message; });
        if (!known) into.hazards.push_back(note);
      }
      into.statement_timeout_ms =
          std::max(into.statement_timeout_ms, step.statement.statement_timeout_ms);
      into.lock_timeout_ms = std::max(into.lock_timeout_ms, step.statement.lock_timeout_ms);
      previous = &step;
      continue;
    }
    Statement statement = step.statement;
    merged = false;
    statement.new_transaction = previous && previous->phase != step.phase;
    plan.statements.push_back(std::move(statement));
    previous = &step;
  }
  // A step that writes a DO block states its lock; every other lock is read off the statement.
  for (Statement& statement : plan.statements) {
    if (statement.lock.mode == LockMode::kNone)
      statement.lock = statement_lock(statement.sql, from, options.renames);
  }
  // Autocommit runs every statement on its own anyway: no transaction boundary to mark.
  if (!plan.transactional()) {
    for (Statement& statement : plan.statements) statement.new_transaction = false;
  }
  plan.notes = std::move(notes_);
  plan.sets_check_function_bodies = routine_bodies_;
  return plan;
}

std::optional<std::vector<std::size_t>> Planner::order_steps(const DependencyMap& uses,
                                                             const DependencyMap& used_by,
                                                             bool break_cycles) {
  std::map<ObjectRef, std::vector<std::size_t>> creators;
  std::map<ObjectRef, std::vector<std::size_t>> droppers;
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    for (const ObjectRef& object : steps_[i].creates) creators[object].push_back(i);
    for (const ObjectRef& object : steps_[i].drops) droppers[object].push_back(i);
  }
  auto steps_of = [](const std::map<ObjectRef, std::vector<std::size_t>>& index,
                     const ObjectRef& object) -> const std::vector<std::size_t>& {
    static const std::vector<std::size_t> none;
    auto found = index.find(object);
    return found == index.end() ? none : found->second;
  };

  const std::size_t n = steps_.size();
  std::vector<std::set<std::size_t>> after(n);  // after[a]: steps that must wait for a
  std::vector<int> waiting(n, 0);
  auto must_precede = [&](std::size_t a, std::size_t b) {
    if (a != b && after[a].insert(b).second) ++waiting[b];
  };
  for (std::size_t b = 0; b < n; ++b) {
    const Step& step = steps_[b];
    if (step.follows_previous && b > 0) must_precede(b - 1, b);
    for (const ObjectRef& object : step.needs) {
      for (std::size_t a : steps_of(creators, object)) must_precede(a, b);
    }
    for (const ObjectRef& object : step.creates) {
      // What it uses is created first; an object replaced is dropped before it is created.
      for (const ObjectRef& used : lookup(uses, object)) {
        for (std::size_t a : steps_of(creators, used)) must_precede(a, b);
      }
      for (std::size_t a : steps_of(droppers, object)) must_precede(a, b);
    }
    // Whatever depended on what this step drops or changes is dropped first; whatever stays and
    // depended on what it drops is changed first (a default moved off a function, ...).
    auto settle_dependents = [&](const ObjectRef& object, bool dropping) {
      for (const ObjectRef& dependent : lookup(used_by, object)) {
        const auto& dropped = steps_of(droppers, dependent);
        for (std::size_t a : dropped) must_precede(a, b);
        if (dropping && dropped.empty()) {
          for (std::size_t a : steps_of(creators, dependent)) must_precede(a, b);
        }
      }
    };
    for (const ObjectRef& object : step.drops) settle_dependents(object, !step.moves_aside);
    for (const ObjectRef& object : step.creates) settle_dependents(object, false);
  }

  auto later = [&](std::size_t a, std::size_t b) {
    return std::tie(steps_[a].rank, a) > std::tie(steps_[b].rank, b);
  };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> ready(later);
  for (std::size_t i = 0; i < n; ++i) {
    if (waiting[i] == 0) ready.push(i);
  }
  std::vector<bool> done(n, false);
  std::vector<std::size_t> order;
  while (order.size() < n) {
    if (ready.empty()) {
      if (!break_cycles) return std::nullopt;
      // A dependency cycle: place the first waiting step anyway and say so; verification will
      // tell whether the order works.
      std::size_t first = n;
      for (std::size_t i = 0; i < n; ++i) {
        if (!done[i] && (first == n || later(first, i))) first = i;
      }
      std::string sql = steps_[first].statement.sql;
      sql = sql.substr(0, sql.find('\n'));
      notes_.push_back(fmt::format("dependency cycle broken at: {}", sql));
      waiting[first] = 0;
      ready.push(first);
    }
    const std::size_t next = ready.top();
    ready.pop();
    if (done[next]) continue;
    done[next] = true;
    order.push_back(next);
    for (std::size_t b : after[next]) {
      if (!done[b] && --waiting[b] == 0) ready.push(b);
    }
  }
  return order;
}

}  // namespace confiture::diff
