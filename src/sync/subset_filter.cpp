// --where subsets, closed over foreign keys so the copy stays consistent:
// - a table with --where keeps the rows its condition selects (its seed);
// - a table below a restricted one (a child, transitively) keeps the rows whose parent is kept:
//   its seed is "each restricted parent is NULL or in the parent's seed";
// - every restricted table also keeps the rows that kept rows of its restricted children
//   reference (the parents come along), and for a self-reference, the chain of rows its kept
//   rows point to.
// Everything is one SQL condition per table, evaluated on the source inside the snapshot.
#include <fmt/format.h>

#include <map>

#include "confiture/pg/quote.hpp"
#include "plan_steps.hpp"
#include "sql_text.hpp"

namespace confiture::sync {
namespace {

struct Link {
  std::size_t child = 0, parent = 0;
  const catalog::ForeignKey* key = nullptr;
};

class SubsetBuilder {
 public:
  explicit SubsetBuilder(const std::vector<SelectedTable>& tables) : tables_(tables) {}

  std::vector<Link> links, self_links;
  std::vector<bool> restricted;
  std::map<std::size_t, std::string> where;

  std::string seed(std::size_t i, const std::string& alias) {
    auto own = where.find(i);
    if (own != where.end()) return parenthesised_condition(own->second);
    std::vector<std::string> parts;
    for (const Link& link : links) {
      if (link.child != i || !restricted[link.parent]) continue;
      std::string inner = next_alias();
      parts.push_back(
          fmt::format("({} OR EXISTS (SELECT 1 FROM {} {} WHERE {} AND {}))",
                      any_null(alias, link.key->columns), from(link.parent), inner,
                      equal(inner, link.key->referenced_columns, alias, link.key->columns),
                      seed(link.parent, inner)));
    }
    return parts.empty() ? "true" : fmt::format("{}", fmt::join(parts, " AND "));
  }

  std::string kept(std::size_t i, const std::string& alias) {
    std::string condition = kept_by_others(i, alias);
    for (const Link& link : self_links) {
      if (link.child != i) continue;
      std::string start = next_alias(), step = next_alias(), chain = next_alias();
      condition = fmt::format(
          "({}) OR ({}) IN (WITH RECURSIVE {} AS (SELECT {} FROM {} {} WHERE ({}) UNION SELECT "
          "{} FROM {} {} JOIN {} ON ({}) = ({})) SELECT * FROM {})",
          condition, pg::quote_list(link.key->referenced_columns, alias), chain,
          pg::quote_list(link.key->columns, start), from(i), start, kept_by_others(i, start),
          pg::quote_list(link.key->columns, step), from(i), step, chain,
          pg::quote_list(link.key->referenced_columns, step),
          pg::quote_list(link.key->columns, chain), chain);
    }
    return condition;
  }

 private:
  // The seed plus the rows that kept rows of restricted children point to.
  std::string kept_by_others(std::size_t i, const std::string& alias) {
    std::string condition = seed(i, alias);
    for (const Link& link : links) {
      if (link.parent != i || !restricted[link.child]) continue;
      std::string inner = next_alias();
      condition +=
          fmt::format(" OR EXISTS (SELECT 1 FROM {} {} WHERE {} AND ({}))", from(link.child), inner,
                      equal(inner, link.key->columns, alias, link.key->referenced_columns),
                      kept(link.child, inner));
    }
    return condition;
  }

  std::string next_alias() { return fmt::format("s{}", ++aliases_); }

  std::string from(std::size_t i) const {
    return relation(tables_[i].source->name, tables_[i].source->kind);
  }

  static std::string any_null(const std::string& alias, const std::vector<std::string>& names) {
    std::vector<std::string> parts;
    for (const std::string& name : names) {
      parts.push_back(alias + "." + pg::quote_ident(name) + " IS NULL");
    }
    return fmt::format("{}", fmt::join(parts, " OR "));
  }

  static std::string equal(const std::string& left, const std::vector<std::string>& left_names,
                           const std::string& right, const std::vector<std::string>& right_names) {
    std::vector<std::string> parts;
    for (std::size_t c = 0; c < left_names.size(); ++c) {
      parts.push_back(fmt::format("{}.{} = {}.{}", left, pg::quote_ident(left_names[c]), right,
                                  pg::quote_ident(right_names[c])));
    }
    return fmt::format("{}", fmt::join(parts, " AND "));
  }

  const std::vector<SelectedTable>& tables_;
  int aliases_ = 0;
};

}  // namespace

void apply_subset(const std::vector<SelectedTable>& tables,
                  const std::vector<std::pair<const catalog::Table*, std::string>>& where,
                  std::vector<TablePlan>& plans, std::vector<std::string>& problems) {
  if (where.empty()) return;
  SubsetBuilder builder(tables);
  std::map<catalog::QualifiedName, std::size_t> index;
  for (std::size_t i = 0; i < tables.size(); ++i) index[tables[i].source->name] = i;
  for (const auto& [table, condition] : where) {
    auto found = index.find(table->name);
    if (found == index.end()) {
      problems.push_back(
          fmt::format("--where {}: the table is not selected", table->name.display()));
      continue;
    }
    builder.where[found->second] = condition;
  }
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (!tables[i].target) continue;
    for (const catalog::ForeignKey& key : tables[i].target->foreign_keys) {
      auto parent = index.find(key.referenced);
      if (parent == index.end()) continue;
      (parent->second == i ? builder.self_links : builder.links)
          .push_back({i, parent->second, &key});
    }
  }
  builder.restricted.assign(tables.size(), false);
  for (const auto& [i, condition] : builder.where) builder.restricted[i] = true;
  for (bool changed = true; changed;) {
    changed = false;
    for (const Link& link : builder.links) {
      if (builder.restricted[link.parent] && !builder.restricted[link.child]) {
        builder.restricted[link.child] = changed = true;
      }
    }
  }
  // Closing over a cycle between restricted tables would not terminate.
  std::vector<int> state(tables.size(), 0);
  bool cyclic = false;
  auto visit = [&](auto&& self, std::size_t node) -> void {
    state[node] = 1;
    for (const Link& link : builder.links) {
      if (link.child != node || !builder.restricted[link.parent]) continue;
      if (state[link.parent] == 1) cyclic = true;
      if (state[link.parent] == 0) self(self, link.parent);
    }
    state[node] = 2;
  };
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (builder.restricted[i] && state[i] == 0) visit(visit, i);
  }
  if (cyclic) {
    problems.push_back(
        "--where restricts tables that reference each other in a cycle; subsets cannot be "
        "closed over a foreign-key cycle: restrict a table outside the cycle");
    return;
  }
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (builder.restricted[i]) plans[i].filter = builder.kept(i, "t");
  }
}

}  // namespace confiture::sync
