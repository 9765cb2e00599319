// `confiture init [DIR]`: a new project that builds at once on the embedded server.
#include <fmt/format.h>

#include "command.hpp"
#include "confiture/config/project_init.hpp"
#include "confiture/report/codes.hpp"

namespace confiture::cli {
namespace {

// The directory as a word a POSIX shell reads back unchanged: `cd 'we'\''ird; name'`.
std::string shell_word(std::string dir) {
  // `cd -x` would read an option.
  if (!dir.empty() && dir.front() == '-') dir = "./" + dir;
  bool plain = !dir.empty() && dir.find_first_not_of(
                                   "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP"
                                   "QRSTUVWXYZ0123456789_./-+:@%,") == std::string::npos;
  if (plain) return dir;
  std::string quoted = "'";
  for (char c : dir) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

}  // namespace

void add_init_command(CLI::App& app, GlobalOptions& options, Action& action) {
  struct Flags {
    std::string dir = ".";
    bool force = false;
    bool bare = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd =
      app.add_subcommand("init", "Create a project: sample schema, seeds, environments");
  cmd->add_option("dir", flags->dir, "Project directory (default: .)");
  cmd->add_flag("--force", flags->force,
                "Overwrite existing files, and add the samples to a directory that already "
                "holds SQL files");
  cmd->add_flag("--bare", flags->bare,
                "Only the layout, environments and .gitignore: no sample schema, seeds or "
                "migrations (for an existing project)");
  add_output_options(cmd, options);
  cmd->callback([&action, flags] {
    action = [flags](const Output& out) {
      if (flags->dir.empty()) {
        throw Error(codes::kConfigUsage, ExitClass::kConfig,
                    "init: the project directory is an empty string",
                    "name a directory, or leave it out to use the current one");
      }
      auto result = config::init_project(flags->dir, flags->force, flags->bare);
      std::string text;
      for (const auto& f : result.written) text += "  wrote " + f + "\n";
      text += flags->dir == "." ? std::string("Project ready.")
                                : fmt::format("Project ready in {}.", flags->dir);
      text += flags->bare ? " Put the DDL files under db/schema/, then:\n" : " Next:\n";
      text += fmt::format("  {}confiture build --env local\n",
                          flags->dir == "." ? "" : "cd " + shell_word(flags->dir) + " && ");
      out.result({{"directory", flags->dir}, {"written", result.written}, {"kept", result.kept}},
                 text);
      return 0;
    };
  });
}

}  // namespace confiture::cli
