// The libpq handle behind a Connection, for the parts of src/pg/ that need raw libpq
// (pipelined scripts). Private to src/pg/: nothing else may use libpq directly.
#pragma once

#include <libpq-fe.h>

#include "confiture/pg/connection.hpp"

namespace confiture::pg {

struct NativeAccess {
  static PGconn* handle(Connection& conn);
};

inline PGconn* native_handle(Connection& conn) { return NativeAccess::handle(conn); }

// Error(kConnLost) for a session that is gone; `what` is libpq's message (redacted here).
[[noreturn]] void throw_connection_lost(const Connection& conn, std::string_view what);

}  // namespace confiture::pg
