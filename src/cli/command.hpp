// What every command shares: the global flags, the output channel (JSON document on stdout,
// human text and warnings on stderr), and the registration signature of a command file.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "confiture/config/connection_source.hpp"
#include "confiture/config/environment.hpp"
#include "confiture/report/render.hpp"

namespace confiture::cli {

struct GlobalOptions {
  std::string format = "text";
  bool quiet = false;
  bool verbose = false;
  std::optional<std::string> env;
  std::optional<std::string> config_file;
  std::optional<std::string> database_url;
  std::string project_dir = ".";
};

class Output {
 public:
  explicit Output(const GlobalOptions& options);
  bool json() const { return json_; }
  const report::Style& style() const { return style_; }
  // The command's result: the JSON envelope on stdout, or the text (on stdout) unless --quiet.
  void result(const nlohmann::json& document, const std::string& text) const;
  // A warning on stderr; the same text twice in one run is shown once (the environment's
  // warnings reach some commands through two paths).
  void warn(const std::string& message) const;
  void info(const std::string& message) const;     // progress notes: stderr, not with -q/json
  void verbose(const std::string& message) const;  // only with -v
  void error(const Error& error) const;
  // A report on a database that could not be reached: the text as a result, but in JSON the
  // failure envelope (CONN_1700, the report in its details), since the command failed. Returns
  // the exit code, 3.
  int unreachable(const nlohmann::json& report, const std::string& text,
                  const std::string& reason) const;

 private:
  bool json_ = false;
  bool quiet_ = false;
  bool verbose_ = false;
  report::Style style_;
  mutable std::set<std::string> warned_;
};

// A command's work once its flags are parsed; returns the process exit code.
using Action = std::function<int(const Output&)>;

// -e/--env, -c/--config, -d/--database-url, --project-dir (when the command reads a project) and
// -f/--format, -q, -v (always). The short flags are declared here only, so that every command
// spells them alike (SPEC §6).
void add_output_options(CLI::App* command, GlobalOptions& options);
void add_verbosity_options(CLI::App* command, GlobalOptions& options);  // -q, -v
void add_project_options(CLI::App* command, GlobalOptions& options);
// Without --database-url: for commands that need an environment's file, not a connection.
void add_environment_options(CLI::App* command, GlobalOptions& options);
void add_env_option(CLI::App* command, GlobalOptions& options, const std::string& help);
void add_project_dir_option(CLI::App* command, GlobalOptions& options);
config::Selection selection_of(const GlobalOptions& options);

// The warnings of a loaded environment file (unknown or repeated keys, Python-only keys): every
// command that loads an environment shows them, once.
void warn_environment(const Output& out, const config::Environment& environment);

// Before the command runs: the warnings of every environment file the parsed command line
// selects (--env/-c or local.yaml for a command with project options, and environment names
// given to --from, --to, --against, FROM, TO). A file that fails to load is left to the
// command itself, which reports the error when it loads it.
void warn_selected_environments(const CLI::App& app, const GlobalOptions& options,
                                const Output& out);

// An environment's name for a report, or what to say when the project has no environment file.
std::string environment_label(const std::string& name);

// Asks a yes/no question on the terminal; false when stdin or stderr is not a TTY.
bool confirm_on_tty(const std::string& question);
// Whether confirm_on_tty can ask at all (stdin and stderr are terminals): advice for a command
// that asks adds --yes when it cannot.
bool can_confirm_on_tty();

void add_init_command(CLI::App& app, GlobalOptions& options, Action& action);
void add_build_command(CLI::App& app, GlobalOptions& options, Action& action);
void add_status_command(CLI::App& app, GlobalOptions& options, Action& action);
void add_server_command(CLI::App& app, GlobalOptions& options, Action& action);
void add_migrate_command(CLI::App& app, GlobalOptions& options, Action& action);
void add_sync_command(CLI::App& app, GlobalOptions& options, Action& action);
void add_diff_command(CLI::App& app, GlobalOptions& options, Action& action);
void add_help_command(CLI::App& app, Action& action);

}  // namespace confiture::cli
