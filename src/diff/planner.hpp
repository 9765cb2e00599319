// What the generators of the differ share: the statements in the making (steps, each knowing the
// objects it creates and drops, which is what they are ordered by) and the planning context.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "confiture/catalog/catalog.hpp"
#include "confiture/diff/differ.hpp"
#include "confiture/diff/plan.hpp"

namespace confiture::diff {

using catalog::ObjectRef;
using catalog::QualifiedName;

// When nothing else decides between two steps: drops first (dependents before what they use),
// then creates (what is used before its users), then comments and grants.
enum Rank : int {
  kRename = 0,  // first: every later statement names the object as `to` does
  kDropTrigger,
  kDropPolicy,
  kDropView,
  kDropForeignKey,
  kDropConstraint,
  kDropIndex,
  kDropDefault,
  kDropRoutine,
  kDropColumn,
  kDropTable,
  kDropSequence,
  kDropType,
  kDropSchema,
  kDropExtension,
  kCreateSchema,
  kCreateExtension,
  kCreateType,
  kAlterType,
  kCreateSequence,
  kCreateRoutine,
  kCreateTable,
  kAlterTable,
  kAlterColumn,
  kSetDefault,
  kOwnSequence,
  kCreateConstraint,
  kCreateIndex,
  kCreateView,
  kCreateForeignKey,
  kCreateTrigger,
  kCreatePolicy,
  kComment,
  kGrant,
  kValidate,       // VALIDATE CONSTRAINT: in a transaction of its own, after the rest (phase 1)
  kAfterValidate,  // SET NOT NULL over a just validated check, and dropping that check (phase 2)
};

// A transactional plan commits between phases, so that a VALIDATE CONSTRAINT holds only its
// SHARE UPDATE EXCLUSIVE lock (the ADD ... NOT VALID before it, and its ACCESS EXCLUSIVE or
// SHARE ROW EXCLUSIVE lock, committed first).
enum Phase : int { kMainPhase = 0, kValidatePhase = 1, kAfterValidatePhase = 2 };

struct Step {
  Statement statement{};
  std::vector<ObjectRef> creates{};  // objects it creates or changes, named as `to` has them
  std::vector<ObjectRef> drops{};    // objects it removes, named as `from` had them
  std::vector<ObjectRef> needs{};    // objects it only uses (comments, grants): created first
  Rank rank = kAlterTable;
  bool follows_previous = false;  // must come after the step added just before it
  // Renames the object it drops out of the way: what stays and used it is changed after it, not
  // before (an enum swapped through a renamed old type).
  bool moves_aside = false;
  Phase phase = kMainPhase;
  // One `ALTER TABLE <combine_target> <combine_action>`: consecutive ones of the same table are
  // written as one ALTER TABLE with several actions (one rewrite instead of one per column).
  std::string combine_target{};
  std::string combine_action{};
};

// What each object uses, or what uses it.
using DependencyMap = std::map<ObjectRef, std::vector<ObjectRef>>;

ObjectRef ref(std::string kind, const QualifiedName& name, std::string member = {});
ObjectRef schema_ref(const std::string& schema);

class Planner {
 public:
  Planner(const catalog::Catalog& from, const catalog::Catalog& to, const Options& options);

  const catalog::Catalog& from;
  const catalog::Catalog& to;
  const Options& options;

  // Objects of `from` that are dropped and created again because something they depend on
  // changes in a way they cannot follow (a view over a column whose type changes, ...).
  bool replaced(const ObjectRef& object) const { return replaced_.count(object) > 0; }
  void replace(const ObjectRef& object) { replaced_.insert(object); }
  // Objects of `from` that stay but whose shape changes under their dependents (a column whose
  // type changes): dependents are replaced, the object itself is altered.
  void reshape(const ObjectRef& object) { reshaped_.insert(object); }
  // Objects of `from` that `to` no longer has.
  void gone(const ObjectRef& object) { gone_.insert(object); }
  bool is_gone(const ObjectRef& object) const { return gone_.count(object) > 0; }
  // Replaces, until nothing changes, every dependent (in `from`) of a replaced or gone object
  // that can be dropped and created again, and the views, policies and triggers over a
  // reshaped one (PostgreSQL rebuilds indexes and constraints itself).
  void close_replacements();

  // The table of `from` that `to_table` is, after declared renames.
  QualifiedName old_table_name(const QualifiedName& to_table) const;
  std::string old_column_name(const QualifiedName& to_table, const std::string& column) const;

  Step& add(Step step);
  std::vector<Step>& steps() { return steps_; }
  // A statement rewrites or exclusively locks `table` (named as `to` has it): when `from` says
  // the table is large, a note says how long that may block, and how to avoid it.
  void advise_if_large(const QualifiedName& table);
  // Something the plan cannot do, said once in the plan's notes.
  void note(std::string text) { notes_.push_back(std::move(text)); }
  // A routine is created: the plan runs with check_function_bodies off.
  void uses_routine_bodies() { routine_bodies_ = true; }

  Plan finish();  // orders the steps

 private:
  // The steps' order over `uses` (in `to`) and `used_by` (in `from`); without `break_cycles`,
  // nothing when they form a cycle.
  std::optional<std::vector<std::size_t>> order_steps(const DependencyMap& uses,
                                                      const DependencyMap& used_by,
                                                      bool break_cycles);

  std::set<ObjectRef> replaced_;
  std::set<ObjectRef> reshaped_;
  std::set<ObjectRef> gone_;
  std::vector<Step> steps_;
  std::vector<std::string> notes_;
  bool routine_bodies_ = false;
  std::set<QualifiedName> advised_;
};

// What the SQL and PL/pgSQL routine bodies of `catalog` use (tables, views, sequences,
// routines), which pg_depend does not record.
std::vector<catalog::Dependency> body_dependencies(const catalog::Catalog& catalog);

// One file each, in the order they run; each reads both catalogs and adds its steps.
void plan_schemas(Planner& planner);
void plan_extensions(Planner& planner);
void plan_types(Planner& planner);
void plan_sequences(Planner& planner);
void plan_tables(Planner& planner);
void plan_constraints(Planner& planner);
void plan_indexes(Planner& planner);
void plan_views(Planner& planner);
void plan_routines(Planner& planner);
void plan_triggers(Planner& planner);
void plan_policies(Planner& planner);

// Before any step is added, each kind marks its objects that are gone, replaced for their own
// sake, or reshaped; then replacements spread to dependents; then the plan_* above run.
void seed_types(Planner& planner);
void seed_tables(Planner& planner);
void seed_constraints(Planner& planner);
void seed_indexes(Planner& planner);
void seed_views(Planner& planner);
void seed_routines(Planner& planner);
void seed_triggers(Planner& planner);
void seed_policies(Planner& planner);

}  // namespace confiture::diff
