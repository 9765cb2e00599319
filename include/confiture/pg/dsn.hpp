// Connection strings (libpq URIs or key=value strings): parsing, rewriting and, above all,
// removing passwords before any text reaches a user.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace confiture::pg {

// `text` with every password replaced by ***: URI user info (postgresql://u:***@h), URI query
// parameters (?password=***) and key=value pairs (password=*** or password='***'), anywhere in
// a longer message. Keys ending in "password" (sslpassword, PGPASSWORD) count too.
std::string redact(std::string_view text);

// A key=value DSN with the same connection options as `dsn` but connecting to `dbname`.
// Throws Error(kConfigBadDatabaseUrl) when `dsn` is not a valid libpq connection string.
std::string with_database(std::string_view dsn, std::string_view dbname);

// The database `dsn` connects to, defaulted the way libpq does it: dbname, else PGDATABASE,
// else the user name (from the DSN, PGUSER or the operating system).
std::string database_name(std::string_view dsn);

// A key=value DSN from libpq keywords, values quoted where needed. Unknown keywords throw
// Error(kConfigBadDatabaseUrl).
std::string build_dsn(const std::map<std::string, std::string>& keywords);

// The keywords `dsn` sets explicitly (libpq's PQconninfoParse, no defaults filled in).
std::map<std::string, std::string> parse_dsn(std::string_view dsn);

// "database "app" at db.internal:5432" - a password-free description of where `dsn` points.
std::string describe_target(std::string_view dsn);

}  // namespace confiture::pg
