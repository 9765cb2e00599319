// `confiture init [DIR]`: a new project that builds at once on the embedded server.
#include <fmt/format.h>

#include "command.hpp"
#include "confiture/config/project_init.hpp"

namespace confiture::cli {

void add_init_command(CLI::App& app, GlobalOptions& options, Action& action) {
  struct Flags {
    std::string dir = ".";
    bool force = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd =
      app.add_subcommand("init", "Create a project: sample schema, seeds, environments");
  cmd->add_option("dir", flags->dir, "Project directory (default: .)");
  cmd->add_flag("--force", flags->force, "Overwrite existing files");
  add_output_options(cmd, options);
  cmd->callback([&action, flags] {
    action = [flags](const Output& out) {
      auto result = config::init_project(flags->dir, flags->force);
      std::string text;
      for (const auto& f : result.written) text += "  wrote " + f + "\n";
      text += fmt::format("Project ready in {}. Next:\n  cd {} && confiture build --env local\n",
                          flags->dir, flags->dir);
      out.result({{"directory", flags->dir}, {"written", result.written}, {"kept", result.kept}},
                 text);
      return 0;
    };
  });
}

}  // namespace confiture::cli
