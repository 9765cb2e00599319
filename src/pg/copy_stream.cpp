// COPY TO STDOUT / FROM STDIN through libpq's blocking COPY calls.
#include "confiture/pg/copy_stream.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <cstdlib>
#include <memory>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "native_handle.hpp"
#include "result_error.hpp"

namespace confiture::pg {
namespace {

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;
constexpr std::size_t kBatchBytes = 256 * 1024;

// Starts a COPY and checks the server entered the expected COPY state.
void start(Connection& conn, const std::string& sql, ExecStatusType expected) {
  PGconn* pg = native_handle(conn);
  ResultPtr result(PQexec(pg, sql.c_str()), &PQclear);
  if (PQstatus(pg) != CONNECTION_OK) throw_connection_lost(conn, PQerrorMessage(pg));
  if (PQresultStatus(result.get()) == expected) return;
  StatementFailure failure = statement_failure(result.get());
  Error error(codes::kConnQueryFailed, ExitClass::kConnection,
              fmt::format("query failed on database \"{}\": {}", conn.database(), failure.message));
  error.details["sqlstate"] = failure.sqlstate;
  throw error;
}

// Collects the final results of a COPY; throws the first error.
void finish_results(Connection& conn, std::uint64_t* rows) {
  PGconn* pg = native_handle(conn);
  std::optional<CopyFailure> failure;
  while (PGresult* raw = PQgetResult(pg)) {
    ResultPtr result(raw, &PQclear);
    if (PQresultStatus(raw) == PGRES_COMMAND_OK) {
      if (rows) *rows = std::strtoull(PQcmdTuples(raw), nullptr, 10);
    } else if (!failure) {
      failure = CopyFailure{statement_failure(raw)};
    }
  }
  if (PQstatus(pg) != CONNECTION_OK) throw_connection_lost(conn, PQerrorMessage(pg));
  if (failure) throw *failure;
}

}  // namespace

CopyOut::CopyOut(Connection& conn, const std::string& copy_sql) : conn_(conn) {
  start(conn, copy_sql, PGRES_COPY_OUT);
}

CopyOut::~CopyOut() {
  release();
  if (done_) return;
  PGconn* pg = native_handle(conn_);
  if (PGcancel* cancel = PQgetCancel(pg)) {
    char message[256];
    PQcancel(cancel, message, sizeof message);
    PQfreeCancel(cancel);
  }
  char* row = nullptr;
  while (PQgetCopyData(pg, &row, 0) > 0) PQfreemem(row);
  while (PGresult* raw = PQgetResult(pg)) PQclear(raw);
}

void CopyOut::release() {
  if (row_) PQfreemem(row_);
  row_ = nullptr;
}

std::optional<std::string_view> CopyOut::next_row() {
  release();
  if (done_) return std::nullopt;
  PGconn* pg = native_handle(conn_);
  int length = PQgetCopyData(pg, &row_, 0);
  if (length > 0) return std::string_view(row_, static_cast<std::size_t>(length));
  done_ = true;
  if (length == -2) throw_connection_lost(conn_, PQerrorMessage(pg));
  finish_results(conn_, nullptr);
  return std::nullopt;
}

CopyIn::CopyIn(Connection& conn, const std::string& copy_sql) : conn_(conn) {
  start(conn, copy_sql, PGRES_COPY_IN);
  buffer_.reserve(kBatchBytes + 64 * 1024);
}

CopyIn::~CopyIn() {
  if (!done_) abort("confiture: copy abandoned");
}

void CopyIn::write(std::string_view rows) {
  buffer_.append(rows);
  if (buffer_.size() >= kBatchBytes) flush();
}

void CopyIn::flush() {
  if (buffer_.empty()) return;
  PGconn* pg = native_handle(conn_);
  if (PQputCopyData(pg, buffer_.data(), static_cast<int>(buffer_.size())) != 1) {
    done_ = true;
    throw_connection_lost(conn_, PQerrorMessage(pg));
  }
  buffer_.clear();
}

std::uint64_t CopyIn::finish() {
  flush();
  done_ = true;
  PGconn* pg = native_handle(conn_);
  if (PQputCopyEnd(pg, nullptr) != 1) throw_connection_lost(conn_, PQerrorMessage(pg));
  std::uint64_t rows = 0;
  finish_results(conn_, &rows);
  return rows;
}

void CopyIn::abort(const char* reason) noexcept {
  if (done_) return;
  done_ = true;
  PGconn* pg = native_handle(conn_);
  if (PQputCopyEnd(pg, reason) == 1) {
    while (PGresult* raw = PQgetResult(pg)) PQclear(raw);
  }
}

}  // namespace confiture::pg
