// confiture_test_server start|stop|url DIR: the ctest fixture that brings up the test run's
// PostgreSQL (an embedded server with DIR as its project) and removes it all afterwards; `url`
// prints the admin URL for the e2e scripts.
#include <filesystem>
#include <iostream>
#include <string>

#include "confiture/pg/embedded_server.hpp"
#include "confiture/report/error.hpp"

int main(int argc, char** argv) {
  const std::string usage = "usage: confiture_test_server start|stop|url DIR";
  if (argc != 3) {
    std::cerr << usage << "\n";
    return 2;
  }
  const std::string command = argv[1];
  const std::filesystem::path dir = argv[2];
  try {
    if (command == "start") {
      std::filesystem::create_directories(dir);
      confiture::pg::EmbeddedServer server(dir);
      server.start();
      std::cout << "test server running: " << server.admin_url() << "\n";
    } else if (command == "url") {
      confiture::pg::EmbeddedServer server(dir);
      server.start();
      std::cout << server.admin_url() << "\n";
    } else if (command == "stop") {
      if (!std::filesystem::exists(dir)) return 0;
      confiture::pg::EmbeddedServer(dir).destroy();
      std::filesystem::remove_all(dir);
      std::cout << "test server stopped and removed\n";
    } else {
      std::cerr << usage << "\n";
      return 2;
    }
  } catch (const confiture::Error& error) {
    std::cerr << error.code << ": " << error.what() << "\n";
    if (!error.hint.empty()) std::cerr << "hint: " << error.hint << "\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << error.what() << "\n";
    return 1;
  }
  return 0;
}
