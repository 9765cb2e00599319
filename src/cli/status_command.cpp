// `confiture status`: source schema hash versus what the database was built with.
#include <fmt/format.h>

#include "command.hpp"
#include "confiture/build/status.hpp"

namespace confiture::cli {

void add_status_command(CLI::App& app, GlobalOptions& options, Action& action) {
  CLI::App* cmd = app.add_subcommand(
      "status", "Compare the DDL source with what the environment's database was built from");
  add_project_options(cmd, options);
  add_output_options(cmd, options);
  cmd->callback([&options, &action] {
    action = [&options](const Output& out) {
      build::StatusReport r =
          build::schema_status(selection_of(options), config::process_environment());
      std::string text =
          fmt::format("Environment:  {}\nDatabase:     {}\n", r.environment, r.target);
      text += r.reachable ? "Server:       reachable\n"
                          : fmt::format("Server:       unreachable ({})\n", r.unreachable);
      text += fmt::format("Source:       {} files, hash {}\n", r.files, r.source_hash);
      if (r.reachable) {
        text += r.built_hash ? fmt::format("Built:        hash {}\n", *r.built_hash)
                             : std::string("Built:        never built with confiture build\n");
      }
      if (r.last_build) text += fmt::format("Last build:   {}\n", *r.last_build);
      if (r.reachable) {
        text += r.up_to_date() ? "State:        up to date\n"
                               : "State:        out of date (run confiture build)\n";
      }
      out.result(r.to_json(), text);
      if (!r.reachable) return static_cast<int>(ExitClass::kConnection);
      return r.up_to_date() ? 0 : static_cast<int>(ExitClass::kFailure);
    };
  });
}

}  // namespace confiture::cli
