// Turns the `database:` mapping of an environment file into a libpq key=value string.
#include <string_view>

#include "confiture/config/environment.hpp"

namespace confiture::config {
namespace {

// libpq key=value quoting: single quotes around the value, backslash before ' and \.
void append_field(std::string& dsn, std::string_view key, std::string_view value) {
  if (value.empty()) return;
  if (!dsn.empty()) dsn += ' ';
  dsn += key;
  dsn += "='";
  for (char c : value) {
    if (c == '\'' || c == '\\') dsn += '\\';
    dsn += c;
  }
  dsn += '\'';
}

}  // namespace

std::string database_settings_dsn(const DatabaseSettings& settings) {
  std::string dsn;
  append_field(dsn, "host", settings.host);
  append_field(dsn, "port", settings.port);
  append_field(dsn, "dbname", settings.database);
  append_field(dsn, "user", settings.user);
  append_field(dsn, "password", settings.password);
  append_field(dsn, "sslmode", settings.sslmode);
  return dsn;
}

}  // namespace confiture::config
