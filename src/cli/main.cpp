// The `confiture` executable: parses the command line, runs one command, maps errors to the
// exit codes of SPEC §5.
#include <fmt/format.h>
#include <yaml-cpp/exceptions.h>

#include <filesystem>
#include <iostream>
#include <pqxx/except>
#include <string>
#include <vector>

#include "command.hpp"
#include "confiture/pg/dsn.hpp"
#include "confiture/report/codes.hpp"
#include "usage_error.hpp"

namespace {

using confiture::Error;
using confiture::ExitClass;
namespace codes = confiture::codes;

// An exception that escaped the library as something other than confiture::Error. The library
// turns what it expects into an Error with context; these are the kinds a user can still reach
// (a path the system refuses, a server that goes away mid-query), each with its own code, so that
// INTERNAL_001 is left for real bugs.
Error error_of(const std::exception& e) {
  using confiture::pg::redact;
  if (const auto* fs_error = dynamic_cast<const std::filesystem::filesystem_error*>(&e)) {
    // what() is "filesystem error: OPERATION: REASON [PATH]"; keep the operation.
    std::string operation = fs_error->what();
    if (operation.rfind("filesystem error: ", 0) == 0) operation.erase(0, 18);
    if (auto colon = operation.find(": "); colon != std::string::npos) operation.resize(colon);
    const std::string path = fs_error->path1().string();
    // A path too long for the system is too long to read: its start and its length say enough.
    const std::string shown =
        path.empty()        ? "(an empty path)"
        : path.size() > 160 ? fmt::format("'{}...' ({} bytes)", path.substr(0, 80), path.size())
                            : "'" + path + "'";
    Error error(codes::kConfigIo, ExitClass::kConfig,
                fmt::format("{} {}: {}", operation, shown, fs_error->code().message()),
                "check the path: that it is not empty, not too long, and that its directories "
                "exist and may be read");
    error.details["path"] = path;
    if (!fs_error->path2().empty()) error.details["path2"] = fs_error->path2().string();
    return error;
  }
  if (const auto* yaml_error = dynamic_cast<const YAML::Exception*>(&e)) {
    const YAML::Mark& mark = yaml_error->mark;
    return Error(codes::kConfigInvalidValue, ExitClass::kConfig,
                 mark.is_null() ? "unexpected YAML value: " + yaml_error->msg
                                : fmt::format("unexpected YAML value at line {}, column {}: {}",
                                              mark.line + 1, mark.column + 1, yaml_error->msg),
                 "check the type of the value at that place of the YAML file");
  }
  if (dynamic_cast<const pqxx::broken_connection*>(&e)) {
    return Error(codes::kConnLost, ExitClass::kConnection,
                 "lost the connection to the database: " + redact(e.what()),
                 "check that the server is still running");
  }
  if (const auto* sql_error = dynamic_cast<const pqxx::sql_error*>(&e)) {
    Error error(codes::kConnQueryFailed, ExitClass::kConnection,
                "query failed: " + redact(e.what()));
    error.details["sqlstate"] = sql_error->sqlstate();
    return error;
  }
  return Error("INTERNAL_001", ExitClass::kFailure, "internal error: " + redact(e.what()),
               "please report this with the command you ran");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace confiture;
  CLI::App app{"confiture — PostgreSQL schemas from DDL: build, migrate, sync, diff", "confiture"};
  app.set_version_flag("-V,--version", std::string("confiture ") + CONFITURE_VERSION);
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
  cli::add_help_command(app, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    // A parse that failed before it reached --format still owes a script its JSON.
    const std::vector<std::string> args(argv + 1, argv + argc);
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (args[i] == "--format=json" || args[i] == "-fjson" ||
          ((args[i] == "--format" || args[i] == "-f") && i + 1 < args.size() &&
           args[i + 1] == "json")) {
        options.format = "json";
      }
    }
    cli::Output(options).error(cli::usage_error(app, args, e));
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
    Error error = error_of(e);
    output.error(error);
    return static_cast<int>(error.exit_class);
  }
}
