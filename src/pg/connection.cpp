// Connection: libpqxx session opened through a connection policy that remembers the libpq
// handle, with libpqxx exceptions turned into confiture::Error.
#include "confiture/pg/connection.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include "confiture/pg/dsn.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "native_handle.hpp"

namespace confiture::pg {
namespace detail {

// libpqxx 6 has no public accessor for the PGconn; a connection policy sees every handle it
// opens and closes, which is the extension point libpqxx offers for this.
class HandleTrackingPolicy final : public pqxx::connect_direct {
 public:
  explicit HandleTrackingPolicy(const std::string& options) : pqxx::connect_direct(options) {}

  handle do_startconnect(handle orig) override {
    return remember(pqxx::connect_direct::do_startconnect(orig));
  }
  handle do_completeconnect(handle orig) override {
    return remember(pqxx::connect_direct::do_completeconnect(orig));
  }
  handle do_dropconnect(handle orig) noexcept override {
    return remember(pqxx::connect_direct::do_dropconnect(orig));
  }
  handle do_disconnect(handle orig) noexcept override {
    return remember(pqxx::connect_direct::do_disconnect(orig));
  }

  PGconn* native() const { return native_; }

 private:
  handle remember(handle h) noexcept {
    native_ = h;
    return h;
  }
  PGconn* native_ = nullptr;
};

// Mirrors pqxx::basic_connection_base, with the tracking policy.
class TrackedConnection final : public pqxx::connection_base {
 public:
  explicit TrackedConnection(const std::string& options)
      : pqxx::connection_base(policy_), options_(options), policy_(options_) {
    init();
  }
  ~TrackedConnection() noexcept { close(); }

  PGconn* native() const { return policy_.native(); }

 private:
  std::string options_;  // must be initialised before policy_, which keeps a reference
  HandleTrackingPolicy policy_;
};

}  // namespace detail

namespace {

bool is_connection_loss(const std::string& sqlstate) {
  // 57P01-03: the server is shutting down or terminated this session; 08: connection exception.
  return sqlstate.rfind("57P0", 0) == 0 || sqlstate.rfind("08", 0) == 0;
}

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  return std::string(text);
}

}  // namespace

PGconn* NativeAccess::handle(Connection& conn) { return conn.conn_->native(); }

void throw_connection_lost(const Connection& conn, std::string_view what) {
  Error error(codes::kConnLost, ExitClass::kConnection,
              fmt::format("lost the connection to database \"{}\": {}", conn.database(),
                          redact(trimmed(what))),
              "check that the server is still running; nothing after the last committed "
              "transaction was kept");
  throw error;
}

Connection::Connection(const std::string& dsn) : dsn_(dsn) {
  std::string target = describe_target(dsn);  // also rejects a malformed DSN (exit 5)
  try {
    conn_ = std::make_unique<detail::TrackedConnection>(dsn);
  } catch (const std::exception& e) {
    throw Error(codes::kConnFailed, ExitClass::kConnection,
                fmt::format("cannot connect to {}: {}", target, redact(trimmed(e.what()))),
                "check that the server is running and that host, port, user, password and "
                "database are right");
  }
  // A silent reconnect would drop session state such as advisory locks; fail loudly instead.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  conn_->inhibit_reactivation(true);
#pragma GCC diagnostic pop
  if (const char* db = PQdb(conn_->native())) database_ = db;
}

Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;
Connection::~Connection() = default;

pqxx::connection_base& Connection::raw() { return *conn_; }

int Connection::server_version() const { return conn_->server_version(); }

pqxx::result Connection::exec(std::string_view sql) {
  try {
    pqxx::nontransaction tx(*conn_);
    pqxx::result result = tx.exec(std::string(sql));
    tx.commit();
    return result;
  } catch (const pqxx::broken_connection& e) {
    throw_connection_lost(*this, e.what());
  } catch (const pqxx::sql_error& e) {
    if (is_connection_loss(e.sqlstate()) || PQstatus(conn_->native()) != CONNECTION_OK) {
      throw_connection_lost(*this, e.what());
    }
    Error error(
        codes::kConnQueryFailed, ExitClass::kConnection,
        fmt::format("query failed on database \"{}\": {}", database_, redact(trimmed(e.what()))));
    error.details["sqlstate"] = e.sqlstate();
    throw error;
  } catch (const std::exception& e) {
    if (!conn_->native() || PQstatus(conn_->native()) != CONNECTION_OK) {
      throw_connection_lost(*this, e.what());
    }
    throw Error(
        codes::kConnQueryFailed, ExitClass::kConnection,
        fmt::format("query failed on database \"{}\": {}", database_, redact(trimmed(e.what()))));
  }
}

}  // namespace confiture::pg
