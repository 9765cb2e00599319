// One open session with a PostgreSQL server (libpqxx underneath). Every failure comes out as a
// confiture::Error whose text never holds a password.
#pragma once

#include <memory>
#include <pqxx/pqxx>
#include <string>
#include <string_view>

namespace confiture::pg {

namespace detail {
class TrackedConnection;
}

class Connection {
 public:
  // Connects at once; throws Error(kConnFailed, kConnection) naming the target (no password).
  explicit Connection(const std::string& dsn);
  Connection(Connection&&) noexcept;
  Connection& operator=(Connection&&) noexcept;
  ~Connection();

  // The libpqxx connection, for transactions and prepared statements. It is a
  // pqxx::connection_base (the base of pqxx::connection in libpqxx 6), because the session is
  // opened through a connection policy that also gives src/pg/ the libpq handle.
  pqxx::connection_base& raw();

  // Runs `sql` (one or more statements) in autocommit. Throws Error(kConnLost) when the
  // session is gone and Error(kConnQueryFailed) with details.sqlstate when the server refuses.
  pqxx::result exec(std::string_view sql);

  const std::string& dsn() const { return dsn_; }  // holds credentials: never print it
  int server_version() const;                      // e.g. 150004
  const std::string& database() const { return database_; }

 private:
  friend struct NativeAccess;
  std::string dsn_;
  std::string database_;
  std::unique_ptr<detail::TrackedConnection> conn_;
};

}  // namespace confiture::pg
