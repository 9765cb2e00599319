// `confiture status`: source schema hash versus what the database was built with, and the
// migrations still pending there.
#include <fmt/format.h>

#include <filesystem>

#include "command.hpp"
#include "confiture/build/status.hpp"
#include "confiture/migrate/status.hpp"

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
      // Migrations only when the server is up: status never starts the embedded server.
      nlohmann::json doc = r.to_json();
      bool pending = false;
      auto lookup = config::process_environment();
      auto project = migrate::open_project(selection_of(options), lookup);
      if (r.reachable && std::filesystem::is_directory(project.dir)) {
        migrate::StatusReport m = migrate::migration_status(project, lookup);
        // Without a ledger the database was built from the DDL (which holds every migration),
        // or never managed: its migrations are not "pending", they need a baseline.
        pending = m.ledger_exists && !m.pending.empty();
        text += m.ledger_exists
                    ? fmt::format("Migrations:   {} applied, {} pending\n", m.applied.size(),
                                  m.pending.size())
                    : fmt::format(
                          "Migrations:   no ledger yet; if the DDL already holds them, "
                          "record them with `confiture migrate baseline --through {}`\n",
                          m.migrations.empty() ? "<version>" : m.migrations.back().version);
        if (!m.modified.empty()) {
          text += fmt::format(
              "Modified:     {} (applied, changed since; `confiture migrate up` "
              "refuses until restored or `confiture migrate verify --fix`)\n",
              fmt::join(m.modified, ", "));
        }
        if (!m.without_down.empty()) {
          text += fmt::format("No down file: {}\n", fmt::join(m.without_down, ", "));
        }
        doc["migrations"] = {{"ledger_exists", m.ledger_exists},
                             {"modified", m.modified},
                             {"without_down", m.without_down},
                             {"applied", m.applied},
                             {"pending", m.pending},
                             {"current", m.current ? nlohmann::json(*m.current) : nullptr}};
      }
      if (r.reachable) {
        text += !r.up_to_date() ? "State:        out of date (run confiture build)\n"
                : pending       ? "State:        migrations pending (run confiture migrate up)\n"
                                : "State:        up to date\n";
      }
      out.result(doc, text);
      if (!r.reachable) return static_cast<int>(ExitClass::kConnection);
      return r.up_to_date() && !pending ? 0 : static_cast<int>(ExitClass::kFailure);
    };
  });
}

}  // namespace confiture::cli
