// COPY streams in text format over libpq's COPY API (libpqxx 6.4's stream_from/stream_to are
// unreliable, so they are not used). A CopyOut hands out one row at a time; a CopyIn batches
// whatever it is given into large CopyData messages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "confiture/pg/connection.hpp"
#include "confiture/pg/script.hpp"

namespace confiture::pg {

// Thrown by CopyIn::finish / CopyOut::next_row when the server rejects the COPY. Carries every
// error field (e.g. context "COPY users, line 12, column email: ...").
struct CopyFailure {
  StatementFailure failure;
};

// `COPY ... TO STDOUT` (text format). The connection may be inside a transaction.
class CopyOut {
 public:
  // Sends `copy_sql`; throws Error(kConnQueryFailed) when the server refuses it.
  CopyOut(Connection& conn, const std::string& copy_sql);
  ~CopyOut();  // an unfinished stream is cancelled and drained, so the session stays usable
  CopyOut(const CopyOut&) = delete;
  CopyOut& operator=(const CopyOut&) = delete;

  // The next row, '\n' included, valid until the next call; nullopt after the last row.
  // Throws CopyFailure when the server fails mid-stream, Error(kConnLost) when the session dies.
  std::optional<std::string_view> next_row();

 private:
  void release();
  Connection& conn_;
  char* row_ = nullptr;
  bool done_ = false;
};

// `COPY ... FROM STDIN` (text format). The connection may be inside a transaction.
class CopyIn {
 public:
  CopyIn(Connection& conn, const std::string& copy_sql);
  ~CopyIn();  // an unfinished stream is aborted: the server discards the COPY
  CopyIn(const CopyIn&) = delete;
  CopyIn& operator=(const CopyIn&) = delete;

  // Appends complete rows (text format, '\n'-terminated); sent in batches of about 256 kB.
  void write(std::string_view rows);
  // Ends the COPY; returns the number of rows the server stored. Throws CopyFailure when the
  // server rejects the data (bad value, constraint), Error(kConnLost) when the session dies.
  std::uint64_t finish();
  // Ends the COPY with an error: the server rolls the COPY back. Never throws.
  void abort(const char* reason) noexcept;

 private:
  void flush();
  Connection& conn_;
  std::string buffer_;
  bool done_ = false;
};

}  // namespace confiture::pg
