// The `confiture` executable: parses the command line, runs one command, maps errors to the
// exit codes of SPEC §5.
#include <iostream>

#include "command.hpp"
#include "confiture/pg/dsn.hpp"
#include "confiture/report/codes.hpp"

int main(int argc, char** argv) {
  using namespace confiture;
  CLI::App app{"confiture — PostgreSQL schemas from DDL: build, migrate, sync, diff", "confiture"};
  app.set_version_flag("--version", std::string("confiture ") + CONFITURE_VERSION);
  app.require_subcommand(1);
  cli::GlobalOptions options;
  cli::Action action;
  cli::add_init_command(app, options, action);
  cli::add_build_command(app, options, action);
  cli::add_status_command(app, options, action);
  cli::add_server_command(app, options, action);
  cli::add_migrate_command(app, options, action);
  cli::add_sync_command(app, options, action);
  cli::add_diff_command(app, options, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    Error error(codes::kConfigUsage, ExitClass::kConfig, e.what(),
                "run `confiture --help` (or `confiture COMMAND --help`) for usage");
    cli::Output(options).error(error);
    return static_cast<int>(ExitClass::kConfig);
  }

  cli::Output output(options);
  try {
    cli::warn_selected_environments(app, options, output);
    return action(output);
  } catch (const Error& error) {
    output.error(error);
    return static_cast<int>(error.exit_class);
  } catch (const std::exception& e) {
    Error error("INTERNAL_001", ExitClass::kFailure, "internal error: " + pg::redact(e.what()),
                "please report this with the command you ran");
    output.error(error);
    return static_cast<int>(ExitClass::kFailure);
  }
}
