// The DELETES_DATA gate and its rename suggestions.
#include "confiture/diff/gate.hpp"

#include <fmt/format.h>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace confiture::diff {
namespace {

bool has_column_named(const catalog::Table& table, const std::string& name) {
  return table.column(name) != nullptr;
}

// The table of `to` that `from_table` is, through the declared table renames.
const catalog::Table* counterpart(const catalog::Catalog& to, const Options& options,
                                  const catalog::Table& from_table) {
  for (const auto& [to_name, old_name] : options.renames.tables) {
    if (to_name.schema == from_table.name.schema && old_name == from_table.name.name) {
      return to.table(to_name);
    }
  }
  return to.table(from_table.name);
}

bool declared_column_rename(const Options& options, const catalog::QualifiedName& table,
                            const std::string& column) {
  return options.renames.columns.count({table, column}) > 0;
}

std::vector<std::string> column_types(const catalog::Table& table) {
  std::vector<std::string> types;
  for (const catalog::Column& column : table.columns) types.push_back(column.type);
  return types;
}

}  // namespace

std::set<Hazard> parse_allowed_hazards(const std::vector<std::string>& names) {
  std::set<Hazard> allowed;
  for (const std::string& name : names) {
    if (name == "all") {
      const auto& every = all_hazards();
      allowed.insert(every.begin(), every.end());
      continue;
    }
    auto hazard = hazard_from_id(name);
    if (!hazard) {
      std::vector<std::string> known;
      for (Hazard h : all_hazards()) known.emplace_back(hazard_id(h));
      throw Error(codes::kConfigUsage, ExitClass::kConfig,
                  fmt::format("unknown hazard {} in --allow-hazards", name),
                  fmt::format("known hazards: {}, or all", fmt::join(known, ", ")));
    }
    allowed.insert(*hazard);
  }
  return allowed;
}

std::vector<std::string> rename_suggestions(const catalog::Catalog& from,
                                            const catalog::Catalog& to, const Options& options) {
  std::vector<std::string> out;
  std::vector<const catalog::Table*> dropped_tables;
  for (const catalog::Table& table : from.tables) {
    const catalog::Table* after = counterpart(to, options, table);
    if (!after) {
      dropped_tables.push_back(&table);
      continue;
    }
    for (const catalog::Column& gone : table.columns) {
      if (has_column_named(*after, gone.name)) continue;
      bool renamed_away = false;
      for (const auto& [key, old_name] : options.renames.columns) {
        if (key.first == after->name && old_name == gone.name) renamed_away = true;
      }
      if (renamed_away) continue;
      for (const catalog::Column& added : after->columns) {
        if (table.column(added.name) || declared_column_rename(options, after->name, added.name) ||
            added.type != gone.type) {
          continue;
        }
        out.push_back(fmt::format(
            "column {} of {} is dropped and column {} of the same type ({}) is added: if it was "
            "renamed, end the line that declares {} with `-- confiture:renamed-from {}`",
            gone.name, after->name.display(), added.name, added.type, added.name, gone.name));
      }
    }
  }
  for (const catalog::Table& created : to.tables) {
    if (from.table(created.name) || options.renames.tables.count(created.name) > 0) continue;
    for (const catalog::Table* gone : dropped_tables) {
      if (gone->name.schema != created.name.schema || gone->kind != created.kind ||
          column_types(*gone) != column_types(created)) {
        continue;
      }
      out.push_back(fmt::format(
          "table {} is dropped and table {} with the same columns is created: if it was "
          "renamed, end the line `CREATE TABLE {} (` with `-- confiture:renamed-from {}`",
          gone->name.display(), created.name.display(), created.name.display(), gone->name.name));
    }
  }
  return out;
}

std::vector<std::string> refused_hazards(const Plan& plan, const std::set<Hazard>& allowed) {
  std::vector<std::string> lines;
  for (const Statement& statement : plan.statements) {
    for (const HazardNote& note : statement.hazards) {
      if (note.hazard != Hazard::kDeletesData || allowed.count(note.hazard) > 0) continue;
      lines.push_back(fmt::format("  {}: {}", hazard_id(note.hazard), note.message));
    }
  }
  return lines;
}

void refuse_hazards(const Plan& plan, const std::set<Hazard>& allowed,
                    const std::vector<std::string>& suggestions) {
  const std::vector<std::string> lines = refused_hazards(plan, allowed);
  if (lines.empty()) return;
  nlohmann::json statements = nlohmann::json::array();
  for (const Statement& statement : plan.statements) {
    for (const HazardNote& note : statement.hazards) {
      if (note.hazard != Hazard::kDeletesData || allowed.count(note.hazard) > 0) continue;
      statements.push_back(
          {{"sql", statement.sql}, {"hazard", hazard_id(note.hazard)}, {"message", note.message}});
    }
  }
  std::string hint;
  for (const std::string& suggestion : suggestions) hint += suggestion + "; ";
  hint += "review them, then pass --allow-hazards DELETES_DATA (or all) to accept";
  Error error(codes::kDifferHazards, ExitClass::kSafety,
              fmt::format("the plan deletes data in {} statement(s):\n{}", lines.size(),
                          fmt::join(lines, "\n")),
              hint);
  error.details = {{"statements", std::move(statements)}, {"rename_suggestions", suggestions}};
  throw error;
}

}  // namespace confiture::diff
