// The routines part of read_catalog: functions, procedures and aggregates, in one query.
#include <pqxx/pqxx>
#include <string>
#include <string_view>

#include "catalog_query.hpp"
#include "confiture/pg/connection.hpp"

namespace confiture::catalog {
namespace sql {
extern const std::string_view routines;
}  // namespace sql

namespace detail {

void read_routines(pg::Connection& conn, const std::string& schemas, Catalog& catalog) {
  for (const auto& row : conn.exec(bind_schemas(sql::routines, schemas))) {
    Routine& routine = catalog.routines.emplace_back();
    routine.name = {row["schema"].as<std::string>(), row["name"].as<std::string>()};
    routine.identity_arguments = row["identity_arguments"].as<std::string>();
    routine.arguments = row["arguments"].as<std::string>();
    routine.kind = char_of(row["kind"]);
    routine.definition = optional_text(row["definition"]);
    routine.language = row["language"].as<std::string>();
    routine.return_type = optional_text(row["return_type"]).value_or("");
    routine.volatility = char_of(row["volatility"]);
    routine.security_definer = row["security_definer"].as<bool>();
    if (!row["aggregate_transition"].is_null()) {
      routine.aggregate =
          AggregateParts{.transition_function = row["aggregate_transition"].as<std::string>(),
                         .state_type = row["aggregate_state_type"].as<std::string>(),
                         .final_function = optional_text(row["aggregate_final"]),
                         .combine_function = optional_text(row["aggregate_combine"]),
                         .initial_value = optional_text(row["aggregate_initial_value"])};
    }
    routine.comment = optional_text(row["comment"]);
    routine.privileges = text_array(row["privileges"]);
    routine.owner = row["owner"].as<std::string>();
  }
}

}  // namespace detail
}  // namespace confiture::catalog
