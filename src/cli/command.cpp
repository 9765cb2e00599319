// Shared flags, output rendering and terminal confirmation for all commands.
#include "command.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "confiture/report/codes.hpp"

namespace confiture::cli {

Output::Output(const GlobalOptions& options)
    : json_(options.format == "json"), quiet_(options.quiet), verbose_(options.verbose) {
  const char* no_color = std::getenv("NO_COLOR");
  style_.color = ::isatty(STDERR_FILENO) && !(no_color && *no_color);
}

void Output::result(const nlohmann::json& document, const std::string& text) const {
  if (json_) {
    std::cout << report::success_envelope(document).dump(2) << "\n";
  } else if (!quiet_ && !text.empty()) {
    std::cout << text << (text.back() == '\n' ? "" : "\n");
  }
}

void Output::warn(const std::string& message) const {
  if (quiet_ || !warned_.insert(message).second) return;
  std::cerr << report::warning_text(message, style_);
}

void Output::info(const std::string& message) const {
  if (!quiet_ && !json_) std::cerr << message << "\n";
}

void Output::verbose(const std::string& message) const {
  if (verbose_) std::cerr << message << "\n";
}

void Output::error(const Error& error) const {
  if (json_) {
    std::cout << report::error_envelope(error).dump(2) << "\n";
  } else {
    std::cerr << report::error_text(error, style_);
  }
}

int Output::unreachable(const nlohmann::json& report, const std::string& text,
                        const std::string& reason) const {
  if (json_) {
    Error failure(codes::kConnFailed, ExitClass::kConnection,
                  "the database could not be reached: " + reason,
                  "check that the server is running and that the connection settings are right");
    failure.details = report;
    error(failure);
  } else {
    result({}, text);
  }
  return static_cast<int>(ExitClass::kConnection);
}

void add_output_options(CLI::App* command, GlobalOptions& options) {
  // `pretty` is what `diff` calls its text output: accepted here too, as text.
  command->add_option("-f,--format", options.format, "Output format: text (or pretty) or json")
      ->check(CLI::IsMember({"text", "pretty", "json"}));
  add_verbosity_options(command, options);
}

void add_verbosity_options(CLI::App* command, GlobalOptions& options) {
  command->add_flag("-q,--quiet", options.quiet,
                    "Print only errors: no result text, warnings or progress");
  command->add_flag("-v,--verbose", options.verbose, "Print timings and details");
}

void add_project_options(CLI::App* command, GlobalOptions& options) {
  add_environment_options(command, options);
  command->add_option("-d,--database-url", options.database_url,
                      "Connection string (libpq URI or key=value); wins over everything");
}

void add_environment_options(CLI::App* command, GlobalOptions& options) {
  add_env_option(command, options, "Environment name (db/environments/NAME.yaml)");
  command->add_option("-c,--config", options.config_file, "Environment file to use");
  add_project_dir_option(command, options);
}

void add_env_option(CLI::App* command, GlobalOptions& options, const std::string& help) {
  command->add_option("-e,--env", options.env, help);
}

void add_project_dir_option(CLI::App* command, GlobalOptions& options) {
  command->add_option("--project-dir", options.project_dir, "Project directory (default: .)");
}

config::Selection selection_of(const GlobalOptions& options) {
  for (const auto& [flag, value] : {std::pair{"--project-dir", std::optional(options.project_dir)},
                                    std::pair{"-c/--config", options.config_file}}) {
    if (value && value->empty()) {
      throw Error(codes::kConfigUsage, ExitClass::kConfig,
                  fmt::format("{} is an empty string", flag),
                  "name a directory or file, or leave the option out");
    }
  }
  config::Selection selection;
  selection.project_dir = std::filesystem::absolute(options.project_dir).lexically_normal();
  selection.env_name = options.env;
  if (options.config_file) selection.config_file = std::filesystem::absolute(*options.config_file);
  selection.database_url = options.database_url;
  return selection;
}

bool can_confirm_on_tty() { return ::isatty(STDIN_FILENO) && ::isatty(STDERR_FILENO); }

void warn_environment(const Output& out, const config::Environment& environment) {
  for (const auto& warning : environment.warnings) out.warn(warning);
}

void warn_selected_environments(const CLI::App& app, const GlobalOptions& options,
                                const Output& out) {
  const CLI::App* command = &app;
  for (auto subs = command->get_subcommands(); !subs.empty(); subs = command->get_subcommands()) {
    command = subs.front();
  }
  const config::Selection selection = selection_of(options);
  const config::EnvLookup lookup = config::process_environment();
  auto show = [&](const auto& load) {
    try {
      warn_environment(out, load());
    } catch (const Error&) {
    }
  };
  if (command->get_option_no_throw("--env") != nullptr) {
    show([&] { return config::select_environment(selection, lookup); });
  }
  const auto environments = selection.project_dir / "db" / "environments";
  for (const char* name : {"--from", "--to", "--against", "FROM", "TO"}) {
    const CLI::Option* option = command->get_option_no_throw(name);
    if (option == nullptr) continue;
    for (const std::string& value : option->results()) {
      std::error_code ec;
      if (value.empty() || value.find_first_of("/=:") != std::string::npos ||
          !std::filesystem::is_regular_file(environments / (value + ".yaml"), ec)) {
        continue;
      }
      show([&] { return config::load_environment(selection.project_dir, value, lookup); });
    }
  }
}

std::string environment_label(const std::string& name) {
  return name.empty() ? "none (no environment file: connection from the command line or "
                        "the process environment)"
                      : name;
}

bool confirm_on_tty(const std::string& question) {
  if (!can_confirm_on_tty()) return false;
  std::cerr << question << " [y/N] " << std::flush;
  std::string answer;
  if (!std::getline(std::cin, answer)) return false;
  return answer == "y" || answer == "Y" || answer == "yes";
}

}  // namespace confiture::cli
