// The help command: the same text as COMMAND --help.
#include <iostream>

#include "command.hpp"
#include "usage_error.hpp"

namespace confiture::cli {

void add_help_command(CLI::App& app, Action& action) {
  auto words = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("help", "Describe a command: confiture help migrate up");
  cmd->add_option("COMMAND", *words, "The command, and its subcommand (default: all commands)");
  cmd->callback([&app, &action, words] {
    action = [&app, words](const Output&) {
      // Not App::help(): it would describe the selected subcommand, which is `help` itself.
      const CLI::App& command = find_command(app, *words);
      std::cout << app.get_formatter()->make_help(&command, command_path(command),
                                                  CLI::AppFormatMode::Normal);
      return 0;
    };
  });
}

}  // namespace confiture::cli
