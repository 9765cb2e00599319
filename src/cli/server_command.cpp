// `confiture server start|stop|status|url`: the project's embedded local PostgreSQL.
#include <fmt/format.h>

#include "command.hpp"
#include "confiture/pg/embedded_server.hpp"
#include "confiture/report/codes.hpp"

namespace confiture::cli {
namespace {

nlohmann::json status_json(const pg::ServerStatus& s) {
  return {{"initialized", s.initialized}, {"running", s.running},       {"pid", s.pid},
          {"data_dir", s.data_dir},       {"socket_dir", s.socket_dir}, {"bin_dir", s.bin_dir},
          {"version", s.version}};
}

std::string status_text(const pg::ServerStatus& s) {
  if (!s.initialized) return "Embedded server: not initialized (confiture server start)\n";
  return fmt::format("Embedded server: {}\n  data:    {}\n  socket:  {}\n  binaries: {} ({})\n",
                     s.running ? fmt::format("running (pid {})", s.pid) : "stopped", s.data_dir,
                     s.socket_dir, s.bin_dir, s.version);
}

// The database name the environment gives the embedded server.
std::string embedded_database(const GlobalOptions& options) {
  auto selection = selection_of(options);
  auto env = config::select_environment(selection, config::process_environment());
  if (!env.database || !env.database->embedded) {
    throw Error(codes::kConfigInvalidValue, ExitClass::kConfig,
                fmt::format("environment {} does not use the embedded server: `server url` "
                            "prints the URLs of the embedded server's databases only",
                            env.name),
                "its URL is the environment's database_url; to use the embedded server, set "
                "`database: {embedded: true, database: NAME}` in its file");
  }
  return env.database->database;
}

}  // namespace

void add_server_command(CLI::App& app, GlobalOptions& options, Action& action) {
  CLI::App* cmd = app.add_subcommand("server", "The project's embedded local PostgreSQL");
  cmd->require_subcommand(1);
  auto server = [&options] { return pg::EmbeddedServer(selection_of(options).project_dir); };

  CLI::App* start = cmd->add_subcommand("start", "Start it (initializing it on first use)");
  CLI::App* stop = cmd->add_subcommand("stop", "Stop it");
  CLI::App* status = cmd->add_subcommand("status", "Say whether it runs, and where");
  CLI::App* url = cmd->add_subcommand(
      "url",
      "Print the libpq URL of the environment's database on the embedded server (starting it); "
      "for an environment that does not use the embedded server, an error");
  // One server per project: only `url` reads an environment, and none takes a connection string.
  for (CLI::App* sub : {start, stop, status}) add_project_dir_option(sub, options);
  add_environment_options(url, options);
  for (CLI::App* sub : {start, stop, status, url}) add_output_options(sub, options);

  // start and stop: do it, then report the resulting status.
  auto change = [&action, server](void (pg::EmbeddedServer::*operation)()) {
    return [&action, server, operation] {
      action = [server, operation](const Output& out) {
        auto srv = server();
        (srv.*operation)();
        auto s = srv.status();
        out.result(status_json(s), status_text(s));
        return 0;
      };
    };
  };
  start->callback(change(&pg::EmbeddedServer::start));
  stop->callback(change(&pg::EmbeddedServer::stop));
  status->callback([&action, server] {
    action = [server](const Output& out) {
      auto s = server().status();
      out.result(status_json(s), status_text(s));
      return s.running ? 0 : static_cast<int>(ExitClass::kFailure);
    };
  });
  url->callback([&options, &action, server] {
    action = [&options, server](const Output& out) {
      std::string database = embedded_database(options);
      auto srv = server();
      srv.start();
      std::string u = srv.url(database);
      out.result({{"url", u}, {"database", database}}, u);
      return 0;
    };
  });
}

}  // namespace confiture::cli
