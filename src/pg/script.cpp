// run_script: libpq pipeline mode, one round trip per transaction. Each transactional run is
// sent as BEGIN, its statements, COMMIT and one Sync; the server skips everything after a
// failure up to the Sync, which is what makes the first failure the only one reported.
#include "confiture/pg/script.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <memory>
#include <vector>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "native_handle.hpp"
#include "result_error.hpp"

namespace confiture::pg {
namespace {

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

// One pipelined exchange on a connection in pipeline mode.
class Pipeline {
 public:
  explicit Pipeline(Connection& conn) : conn_(conn), pg_(native_handle(conn)) {
    if (PQenterPipelineMode(pg_) != 1) lost();
  }
  ~Pipeline() { PQexitPipelineMode(pg_); }
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  void send(const std::string& sql) {
    if (PQsendQueryParams(pg_, sql.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) != 1) {
      lost();
    }
  }
  void sync() {
    if (PQpipelineSync(pg_) != 1) lost();
  }

  // Reads the results of one query; returns its error result, or nullptr when it succeeded
  // or was skipped (PGRES_PIPELINE_ABORTED) after an earlier failure.
  ResultPtr read_query() {
    ResultPtr error(nullptr, &PQclear);
    while (PGresult* raw = PQgetResult(pg_)) {
      ResultPtr result(raw, &PQclear);
      switch (PQresultStatus(raw)) {
        case PGRES_FATAL_ERROR:
          check_alive(raw);
          if (!error) error = std::move(result);
          break;
        case PGRES_COPY_IN:
        case PGRES_COPY_OUT:
        case PGRES_COPY_BOTH:
          // COPY has no place in a pipeline; libpq reports it and the session cannot go on.
          lost_with("COPY ... FROM STDIN / TO STDOUT cannot run inside a script");
        default:
          break;
      }
    }
    if (PQstatus(pg_) != CONNECTION_OK) lost();
    return error;
  }

  void read_sync() {
    ResultPtr result(PQgetResult(pg_), &PQclear);
    if (!result || PQresultStatus(result.get()) != PGRES_PIPELINE_SYNC) lost();
  }

  bool in_transaction() const {
    auto status = PQtransactionStatus(pg_);
    return status == PQTRANS_INERROR || status == PQTRANS_INTRANS;
  }

 private:
  void check_alive(const PGresult* result) {
    std::string state = result_field(result, PG_DIAG_SQLSTATE);
    if (PQstatus(pg_) != CONNECTION_OK || state.rfind("57P0", 0) == 0 ||
        state.rfind("08", 0) == 0) {
      lost_with(PQresultErrorMessage(result));
    }
  }
  [[noreturn]] void lost() { lost_with(PQerrorMessage(pg_)); }
  [[noreturn]] void lost_with(std::string_view message) { throw_connection_lost(conn_, message); }

  Connection& conn_;
  PGconn* pg_;
};

// Runs statements [first, last) as one unit: inside BEGIN/COMMIT when `transactional`.
std::optional<StatementFailure> run_unit(Pipeline& pipeline,
                                         std::span<const ScriptStatement> statements,
                                         std::size_t first, std::size_t last, bool transactional,
                                         TransactionEnd end) {
  const bool late_commit = transactional && end == TransactionEnd::kCommitAfterResults;
  if (transactional) pipeline.send("BEGIN");
  for (std::size_t i = first; i < last; ++i) pipeline.send(std::string(statements[i].sql));
  if (transactional && !late_commit) {
    pipeline.send(end == TransactionEnd::kCommit ? "COMMIT" : "ROLLBACK");
  }
  pipeline.sync();

  std::optional<StatementFailure> failure;
  auto note = [&](std::size_t index, ResultPtr error) {
    if (error && !failure) {
      failure = statement_failure(error.get());
      failure->index = index;
    }
  };
  if (transactional) note(first, pipeline.read_query());
  for (std::size_t i = first; i < last; ++i) note(i, pipeline.read_query());
  if (transactional && !late_commit) note(last - 1, pipeline.read_query());
  pipeline.read_sync();
  if (late_commit && !failure) {
    pipeline.send("COMMIT");
    pipeline.sync();
    note(last - 1, pipeline.read_query());
    pipeline.read_sync();
  }

  if (failure && pipeline.in_transaction()) {
    pipeline.send("ROLLBACK");
    pipeline.sync();
    pipeline.read_query();
    pipeline.read_sync();
  }
  return failure;
}

}  // namespace

std::optional<StatementFailure> run_script(Connection& conn,
                                           std::span<const ScriptStatement> statements,
                                           TransactionEnd end) {
  PGconn* pg = native_handle(conn);
  if (PQstatus(pg) != CONNECTION_OK) throw_connection_lost(conn, PQerrorMessage(pg));
  if (PQtransactionStatus(pg) != PQTRANS_IDLE) {
    throw Error(codes::kConnQueryFailed, ExitClass::kConnection,
                "cannot run a script: the session is inside a transaction",
                "this is a bug in confiture: commit or roll back before running a script");
  }
  Pipeline pipeline(conn);
  std::size_t first = 0;
  while (first < statements.size()) {
    std::size_t last = first + 1;
    const bool transactional = !statements[first].needs_autocommit;
    if (transactional) {
      while (last < statements.size() && !statements[last].needs_autocommit) ++last;
    }
    if (auto failure = run_unit(pipeline, statements, first, last, transactional, end)) {
      return failure;
    }
    first = last;
  }
  return std::nullopt;
}

}  // namespace confiture::pg
