// `confiture migrate generate NAME`.
#include <fmt/format.h>

#include <chrono>

#include "confiture/migrate/generate.hpp"
#include "migrate_commands.hpp"

namespace confiture::cli {

void add_migrate_generate_command(CLI::App& migrate, GlobalOptions& options, Action& action) {
  auto name = std::make_shared<std::string>();
  CLI::App* cmd = migrate.add_subcommand(
      "generate", "Write a new, empty {UTC timestamp}_{name}.up.sql / .down.sql pair");
  add_project_options(cmd, options);
  add_output_options(cmd, options);
  cmd->add_option("NAME", *name, "snake_case name, e.g. add_user_bio")->required();
  cmd->callback([&options, &action, name] {
    action = [&options, name](const Output& out) {
      auto project = migrate::open_project(selection_of(options), config::process_environment());
      auto made = migrate::generate_migration(project, *name, std::chrono::system_clock::now());
      out.result(made.to_json(),
                 fmt::format("Created {}\n        {}\n", made.up_file, made.down_file));
      return 0;
    };
  });
}

}  // namespace confiture::cli
