// User-defined types: enums, domains, composite and range types. Enum values are added in place
// (ADD VALUE, BEFORE/AFTER to keep the order); an enum that loses or reorders values is swapped:
// the old type renamed aside, the new one created, columns converted through text, the old one
// dropped. Domains change in place (default, NOT NULL, constraints); composite types in place
// when their attributes keep their order; anything else is dropped and created again.
#include <fmt/format.h>

#include <algorithm>

#include "annotations.hpp"
#include "planner.hpp"
#include "sql_text.hpp"

namespace confiture::diff {
namespace {

template <typename T>
const T* find_named(const std::vector<T>& list, const QualifiedName& name) {
  for (const T& item : list) {
    if (item.name == name) return &item;
  }
  return nullptr;
}

ObjectRef type_ref(const QualifiedName& name) { return ref("type", name); }

// `from` labels appear in `to` in the same relative order: only additions.
bool only_additions(const catalog::EnumType& from, const catalog::EnumType& to) {
  std::size_t at = 0;
  for (const std::string& label : to.labels) {
    if (at < from.labels.size() && from.labels[at] == label) ++at;
  }
  return at == from.labels.size();
}

bool attributes_extend(const catalog::CompositeType& from, const catalog::CompositeType& to) {
  // Attributes kept in `to` must keep their relative order; a type change is fine.
  std::vector<std::string> kept;
  for (const auto& a : from.attributes) {
    for (const auto& b : to.attributes) {
      if (a.name == b.name) kept.push_back(a.name);
    }
  }
  std::vector<std::string> order;
  for (const auto& b : to.attributes) {
    if (std::find(kept.begin(), kept.end(), b.name) != kept.end()) order.push_back(b.name);
  }
  if (order != kept) return false;
  // New attributes only after every kept one: ADD ATTRIBUTE appends.
  bool seen_new = false;
  for (const auto& b : to.attributes) {
    const bool is_new = std::find(kept.begin(), kept.end(), b.name) == kept.end();
    if (is_new) seen_new = true;
    if (!is_new && seen_new) return false;
  }
  return true;
}

std::string labels_sql(const std::vector<std::string>& labels) {
  std::vector<std::string> quoted;
  for (const std::string& label : labels) quoted.push_back(literal(label));
  return join(quoted, ", ");
}

std::string attribute_sql(const catalog::CompositeAttribute& attribute) {
  std::string sql = ident(attribute.name) + " " + attribute.type;
  if (attribute.collation) sql += " COLLATE " + qualified(*attribute.collation);
  return sql;
}

std::string create_sql(const catalog::EnumType& type) {
  return fmt::format("CREATE TYPE {} AS ENUM ({})", qualified(type.name), labels_sql(type.labels));
}

std::string create_sql(const catalog::Domain& domain) {
  std::string sql = fmt::format("CREATE DOMAIN {} AS {}", qualified(domain.name), domain.base_type);
  if (domain.collation) sql += " COLLATE " + qualified(*domain.collation);
  if (domain.default_expr) sql += " DEFAULT " + *domain.default_expr;
  if (domain.not_null) sql += " NOT NULL";
  for (const catalog::DomainConstraint& constraint : domain.constraints) {
    if (constraint.validated) {
      sql += fmt::format(" CONSTRAINT {} {}", ident(constraint.name), constraint.definition);
    }
  }
  return sql;
}

std::string create_sql(const catalog::CompositeType& type) {
  std::vector<std::string> attributes;
  for (const auto& attribute : type.attributes) attributes.push_back(attribute_sql(attribute));
  return fmt::format("CREATE TYPE {} AS ({})", qualified(type.name), join(attributes, ", "));
}

std::string create_sql(const catalog::RangeType& type) {
  std::vector<std::string> options{"SUBTYPE = " + type.subtype};
  if (type.subtype_opclass) options.push_back("SUBTYPE_OPCLASS = " + *type.subtype_opclass);
  if (type.collation) options.push_back("COLLATION = " + qualified(*type.collation));
  if (type.canonical) options.push_back("CANONICAL = " + *type.canonical);
  if (type.subtype_diff) options.push_back("SUBTYPE_DIFF = " + *type.subtype_diff);
  return fmt::format("CREATE TYPE {} AS RANGE ({})", qualified(type.name), join(options, ", "));
}

bool same(const catalog::EnumType& a, const catalog::EnumType& b) { return a.labels == b.labels; }
bool same(const catalog::RangeType& a, const catalog::RangeType& b) {
  return a.subtype == b.subtype && a.subtype_opclass == b.subtype_opclass &&
         a.collation == b.collation && a.canonical == b.canonical &&
         a.subtype_diff == b.subtype_diff;
}
bool same(const catalog::CompositeType& a, const catalog::CompositeType& b) {
  if (a.attributes.size() != b.attributes.size()) return false;
  for (std::size_t i = 0; i < a.attributes.size(); ++i) {
    const auto& x = a.attributes[i];
    const auto& y = b.attributes[i];
    if (x.name != y.name || x.type != y.type || x.collation != y.collation) return false;
  }
  return true;
}

// Whether a changed type of each kind is dropped and created again.
bool must_replace(const catalog::EnumType&, const catalog::EnumType&) { return false; }
bool must_replace(const catalog::Domain& a, const catalog::Domain& b) {
  return a.base_type != b.base_type || a.collation != b.collation;
}
bool must_replace(const catalog::CompositeType& a, const catalog::CompositeType& b) {
  return !attributes_extend(a, b);
}
bool must_replace(const catalog::RangeType& a, const catalog::RangeType& b) { return !same(a, b); }

void create_type(Planner& planner, const QualifiedName& name, std::string sql) {
  planner.add({.statement = catalog_change(std::move(sql), "type " + name.display()),
               .creates = {type_ref(name)},
               .rank = kCreateType});
}

void drop_type(Planner& planner, const QualifiedName& name, bool domain) {
  planner.add({.statement = catalog_change(
                   fmt::format("DROP {} {}", domain ? "DOMAIN" : "TYPE", qualified(name)),
                   "type " + name.display()),
               .drops = {type_ref(name)},
               .rank = kDropType});
}

void alter_type(Planner& planner, const QualifiedName& name, std::string sql, bool domain,
                bool transactional = true) {
  Statement statement = catalog_change(
      fmt::format("ALTER {} {} {}", domain ? "DOMAIN" : "TYPE", qualified(name), sql),
      "type " + name.display());
  statement.transactional = transactional;
  planner.add({.statement = std::move(statement), .creates = {type_ref(name)}, .rank = kAlterType});
}

void add_enum_values(Planner& planner, const catalog::EnumType& from, const catalog::EnumType& to) {
  std::vector<std::string> present = from.labels;
  for (std::size_t i = 0; i < to.labels.size(); ++i) {
    const std::string& label = to.labels[i];
    if (std::find(present.begin(), present.end(), label) != present.end()) continue;
    const std::string where =
        i > 0 ? "AFTER " + literal(to.labels[i - 1]) : "BEFORE " + literal(to.labels[1]);
    // A value added in a transaction cannot be used before it commits: run it on its own.
    alter_type(planner, to.name, fmt::format("ADD VALUE {} {}", literal(label), where), false,
               false);
    present.push_back(label);
  }
}

// The columns of `catalog`'s tables whose type is `type` or an array of it.
std::vector<std::pair<QualifiedName, const catalog::Column*>> columns_of_type(
    const catalog::Catalog& catalog, const QualifiedName& type) {
  std::vector<std::pair<QualifiedName, const catalog::Column*>> found;
  const std::string bare = type.schema == "public" ? type.name : type.display();
  for (const catalog::Table& table : catalog.tables) {
    for (const catalog::Column& column : table.columns) {
      if (column.inherited) continue;
      if (column.type == bare || column.type == bare + "[]" || column.type == type.quoted() ||
          column.type == type.quoted() + "[]") {
        found.emplace_back(table.name, &column);
      }
    }
  }
  return found;
}

// A type that cannot change in place while columns use it (an enum losing or reordering values, a
// domain over another base type): rename the old one aside, create the new one, convert each
// column (`cast_via`: through text for an enum), drop the old one. A column holding a value the
// new type refuses fails the plan.
void swap_type(Planner& planner, const QualifiedName& name, std::string create,
               const std::string& cast_via, bool domain) {
  const std::string aside = (name.name + "__confiture_old").substr(0, 63);
  const QualifiedName aside_name{name.schema, aside};
  planner.add({.statement = catalog_change(
                   fmt::format("ALTER {} {} RENAME TO {}", domain ? "DOMAIN" : "TYPE",
                               qualified(name), ident(aside)),
                   "type " + name.display()),
               .drops = {type_ref(name)},
               .rank = kAlterType,
               .moves_aside = true});
  create_type(planner, name, std::move(create));
  planner.steps().back().follows_previous = true;
  for (const auto& [table, column] : columns_of_type(planner.to, name)) {
    const bool array = column->type.ends_with("[]");
    Statement statement = data_change(
        fmt::format("ALTER TABLE {} ALTER COLUMN {} TYPE {} USING {}{}{}::{}", qualified(table),
                    ident(column->name), column->type, ident(column->name), cast_via,
                    array && !cast_via.empty() ? "[]" : "", column->type),
        fmt::format("column {}.{}", table.display(), column->name));
    planner.advise_if_large(table);
    with_hazard(statement, Hazard::kTableRewrite, "rewrites " + table.display());
    with_hazard(statement, Hazard::kAcquiresAccessExclusiveLock,
                "blocks reads and writes of " + table.display() + " while it is rewritten");
    with_hazard(statement, Hazard::kValidationMayFail,
                fmt::format("fails if {}.{} holds a value the new {} refuses", table.display(),
                            column->name, name.display()));
    planner.add({.statement = std::move(statement),
                 .creates = {ref("column", table, column->name)},
                 .rank = kAlterColumn,
                 .follows_previous = true});
  }
  planner.add({.statement = catalog_change(
                   fmt::format("DROP {} {}", domain ? "DOMAIN" : "TYPE", qualified(aside_name)),
                   "type " + aside_name.display()),
               .rank = kAlterColumn,
               .follows_previous = true});
}

const catalog::DomainConstraint* constraint_named(const catalog::Domain& domain,
                                                  const std::string& name) {
  for (const catalog::DomainConstraint& constraint : domain.constraints) {
    if (constraint.name == name) return &constraint;
  }
  return nullptr;
}

void change_domain(Planner& planner, const catalog::Domain& from, const catalog::Domain& to) {
  if (from.default_expr != to.default_expr) {
    alter_type(planner, to.name,
               to.default_expr ? "SET DEFAULT " + *to.default_expr : std::string("DROP DEFAULT"),
               true);
  }
  if (from.not_null != to.not_null) {
    alter_type(planner, to.name, to.not_null ? "SET NOT NULL" : "DROP NOT NULL", true);
    if (to.not_null) {
      with_hazard(planner.steps().back().statement, Hazard::kValidationMayFail,
                  "fails if a column of type " + to.name.display() + " holds NULLs");
    }
  }
  for (const auto& constraint : from.constraints) {
    const catalog::DomainConstraint* now = constraint_named(to, constraint.name);
    if (!now || now->definition != constraint.definition) {
      alter_type(planner, to.name, "DROP CONSTRAINT " + ident(constraint.name), true);
    }
  }
  for (const auto& constraint : to.constraints) {
    const catalog::DomainConstraint* before = constraint_named(from, constraint.name);
    if (before && before->definition == constraint.definition) {
      if (!before->validated && constraint.validated) {
        alter_type(planner, to.name, "VALIDATE CONSTRAINT " + ident(constraint.name), true);
      }
      continue;
    }
    alter_type(planner, to.name,
               fmt::format("ADD CONSTRAINT {} {} NOT VALID", ident(constraint.name),
                           constraint.definition),
               true);
    if (constraint.validated) {
      alter_type(planner, to.name, "VALIDATE CONSTRAINT " + ident(constraint.name), true);
      planner.steps().back().follows_previous = true;
      planner.steps().back().statement.statement_timeout_ms = kDataTimeoutMs;
      with_hazard(planner.steps().back().statement, Hazard::kValidationMayFail,
                  "fails if a value of type " + to.name.display() + " breaks " + constraint.name);
    }
  }
}

void change_composite(Planner& planner, const catalog::CompositeType& from,
                      const catalog::CompositeType& to) {
  for (const auto& attribute : from.attributes) {
    const bool kept = std::any_of(to.attributes.begin(), to.attributes.end(),
                                  [&](const auto& a) { return a.name == attribute.name; });
    if (!kept) alter_type(planner, to.name, "DROP ATTRIBUTE " + ident(attribute.name), false);
  }
  for (const auto& attribute : to.attributes) {
    auto before = std::find_if(from.attributes.begin(), from.attributes.end(),
                               [&](const auto& a) { return a.name == attribute.name; });
    if (before == from.attributes.end()) {
      alter_type(planner, to.name, "ADD ATTRIBUTE " + attribute_sql(attribute), false);
    } else if (before->type != attribute.type || before->collation != attribute.collation) {
      std::string sql =
          fmt::format("ALTER ATTRIBUTE {} TYPE {}", ident(attribute.name), attribute.type);
      if (attribute.collation) sql += " COLLATE " + qualified(*attribute.collation);
      alter_type(planner, to.name, sql, false);
    }
  }
}

void change(Planner& planner, const catalog::EnumType& from, const catalog::EnumType& to) {
  if (only_additions(from, to)) {
    add_enum_values(planner, from, to);
  } else {
    swap_type(planner, to.name, create_sql(to), "::text", false);
  }
}
void change(Planner& planner, const catalog::Domain& from, const catalog::Domain& to) {
  if (must_replace(from, to)) {
    swap_type(planner, to.name, create_sql(to), "", true);
  } else {
    change_domain(planner, from, to);
  }
}
void change(Planner& planner, const catalog::CompositeType& from,
            const catalog::CompositeType& to) {
  change_composite(planner, from, to);
}
void change(Planner&, const catalog::RangeType&, const catalog::RangeType&) {}

bool same(const catalog::Domain& a, const catalog::Domain& b) {
  if (a.base_type != b.base_type || a.not_null != b.not_null || a.default_expr != b.default_expr ||
      a.collation != b.collation || a.constraints.size() != b.constraints.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.constraints.size(); ++i) {
    if (a.constraints[i].name != b.constraints[i].name ||
        a.constraints[i].definition != b.constraints[i].definition ||
        a.constraints[i].validated != b.constraints[i].validated) {
      return false;
    }
  }
  return true;
}

// Types that columns may use are swapped, not dropped and created.
bool swapped(const catalog::EnumType& from, const catalog::EnumType& to) {
  return !only_additions(from, to);
}
bool swapped(const catalog::Domain& from, const catalog::Domain& to) {
  return must_replace(from, to);
}
template <typename T>
bool swapped(const T&, const T&) {
  return false;
}

template <typename T>
void seed_kind(Planner& planner, const std::vector<T>& from_list, const std::vector<T>& to_list) {
  for (const T& type : from_list) {
    const T* now = find_named(to_list, type.name);
    if (!now) {
      planner.gone(type_ref(type.name));
    } else if (!same(type, *now) && must_replace(type, *now)) {
      planner.replace(type_ref(type.name));
    }
  }
}

template <typename T>
void plan_kind(Planner& planner, const std::vector<T>& from_list, const std::vector<T>& to_list,
               bool domain) {
  for (const T& type : from_list) {
    const ObjectRef object = type_ref(type.name);
    const T* now = find_named(to_list, type.name);
    if (now && swapped(type, *now)) continue;
    if (planner.is_gone(object) || planner.replaced(object)) drop_type(planner, type.name, domain);
  }
  for (const T& type : to_list) {
    const T* before = find_named(from_list, type.name);
    const ObjectRef object = type_ref(type.name);
    const bool fresh = !before || planner.replaced(object);
    if (before && swapped(*before, type)) {
      change(planner, *before, type);
    } else if (fresh) {
      create_type(planner, type.name, create_sql(type));
    } else if (!same(*before, type)) {
      change(planner, *before, type);
    }
    plan_comment(planner, (domain ? "DOMAIN " : "TYPE ") + qualified(type.name), object,
                 fresh ? std::nullopt : before->comment, type.comment);
    plan_privileges(
        planner, "TYPE", qualified(type.name), object,
        fresh ? std::nullopt : std::optional<Privileges>({before->privileges, before->owner}),
        {type.privileges, type.owner});
  }
}

}  // namespace

void seed_types(Planner& planner) {
  seed_kind(planner, planner.from.enum_types, planner.to.enum_types);
  seed_kind(planner, planner.from.domains, planner.to.domains);
  seed_kind(planner, planner.from.composite_types, planner.to.composite_types);
  seed_kind(planner, planner.from.range_types, planner.to.range_types);
  // A swapped type: its columns are converted, and what depends on it is built again.
  auto reshape_columns = [&](const QualifiedName& name) {
    planner.replace(type_ref(name));
    for (const auto& [table, column] : columns_of_type(planner.from, name)) {
      planner.reshape(ref("column", table, column->name));
    }
  };
  for (const catalog::EnumType& type : planner.from.enum_types) {
    const catalog::EnumType* now = find_named(planner.to.enum_types, type.name);
    if (now && swapped(type, *now)) reshape_columns(type.name);
  }
  for (const catalog::Domain& domain : planner.from.domains) {
    const catalog::Domain* now = find_named(planner.to.domains, domain.name);
    if (now && swapped(domain, *now)) reshape_columns(domain.name);
  }
}

void plan_types(Planner& planner) {
  plan_kind(planner, planner.from.enum_types, planner.to.enum_types, false);
  plan_kind(planner, planner.from.domains, planner.to.domains, true);
  plan_kind(planner, planner.from.composite_types, planner.to.composite_types, false);
  plan_kind(planner, planner.from.range_types, planner.to.range_types, false);
}

}  // namespace confiture::diff
