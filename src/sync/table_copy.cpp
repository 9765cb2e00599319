// One table through COPY, and the restoring of cycle-breaking foreign keys.
#include "table_copy.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "confiture/pg/copy_stream.hpp"
#include "confiture/pg/quote.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "row_rewriter.hpp"
#include "sql_text.hpp"

namespace confiture::sync {

const AnonKey* KeyRing::key_for(const StrategySpec& spec) const {
  auto found = keys.find(spec.key_env.empty() ? default_env : spec.key_env);
  return found == keys.end() ? nullptr : &found->second;
}

namespace {

constexpr std::size_t kBatchRows = 4096;

void check_interrupted(const TablePlan& table, const std::atomic<bool>* interrupted) {
  if (interrupted && interrupted->load()) {
    throw Error(
        codes::kSyncInterrupted, ExitClass::kFailure,
        fmt::format("interrupted while copying {}; it was rolled back", table.name.display()),
        "finished tables are kept; run the same command with --resume");
  }
}

std::string source_copy(const TablePlan& table, const std::string& extra_filter) {
  std::vector<std::string> filters;
  if (!table.filter.empty()) filters.push_back("(" + table.filter + ")");
  if (!extra_filter.empty()) filters.push_back(extra_filter);
  if (filters.empty() && table.kind != 'p') {
    return fmt::format("COPY {} ({}) TO STDOUT", table.name.quoted(),
                       pg::quote_list(table.columns));
  }
  return fmt::format("COPY (SELECT {} FROM {} t{}) TO STDOUT", pg::quote_list(table.columns, "t"),
                     relation(table.name, table.kind),
                     filters.empty() ? "" : fmt::format(" WHERE {}", fmt::join(filters, " AND ")));
}

}  // namespace

std::string source_select(const TablePlan& table) {
  return fmt::format("SELECT {} FROM {} t{}", pg::quote_list(table.columns, "t"),
                     relation(table.name, table.kind),
                     table.filter.empty() ? "" : fmt::format(" WHERE ({})", table.filter));
}

namespace {

Error copy_error(const TablePlan& table, const pg::StatementFailure& failure, bool in_source) {
  std::string message =
      fmt::format("copying {} failed {}: {}", table.name.display(),
                  in_source ? "reading the source" : "writing the target", failure.message);
  if (!failure.detail.empty()) message += "\n  detail: " + failure.detail;
  if (!failure.context.empty()) message += "\n  where: " + failure.context;
  Error error(codes::kSyncCopyFailed, ExitClass::kConnection, message,
              "tables finished before this one are kept; fix the cause and run the same command "
              "with --resume");
  error.details["table"] = table.name.display();
  error.details["sqlstate"] = failure.sqlstate;
  return error;
}

RowRewriter rewriter_for(const TablePlan& table, const KeyRing& keys,
                         const std::vector<std::size_t>& nulled) {
  std::vector<RowRewriter::Step> steps;
  for (std::size_t field : nulled) steps.push_back({field, nullptr});
  for (const ColumnRewrite& rewrite : table.rewrites) {
    if (std::find(nulled.begin(), nulled.end(), rewrite.field) != nulled.end()) continue;
    steps.push_back(
        {rewrite.field, make_anonymizer(rewrite.spec, rewrite.column, keys.key_for(rewrite.spec))});
  }
  return RowRewriter(std::move(steps));
}

// Streams rows from `out` through `rewriter` into `in`.
CopyCounts pump(pg::CopyOut& out, pg::CopyIn& in, RowRewriter& rewriter, const TablePlan& table,
                const std::function<void(const CopyCounts&)>& on_rows,
                const std::atomic<bool>* interrupted) {
  CopyCounts counts;
  std::string batch;
  while (true) {
    std::optional<std::string_view> row;
    try {
      row = out.next_row();
    } catch (const pg::CopyFailure& failure) {
      throw copy_error(table, failure.failure, true);
    }
    if (!row) break;
    if (rewriter.empty()) {
      counts.bytes += row->size();
      in.write(*row);
    } else {
      std::size_t before = batch.size();
      try {
        rewriter.rewrite(*row, batch);
      } catch (Error& error) {
        error.details["table"] = table.name.display();
        throw;
      }
      counts.bytes += batch.size() - before;
      if (batch.size() >= 256 * 1024) {
        in.write(batch);
        batch.clear();
      }
    }
    if (++counts.rows % kBatchRows == 0) {
      check_interrupted(table, interrupted);
      if (on_rows) on_rows(counts);
    }
  }
  in.write(batch);
  return counts;
}

void rollback_quietly(pg::Connection& target) {
  try {
    target.exec("ROLLBACK");
  } catch (const Error&) {
    // The session is gone; the server rolled the transaction back already.
  }
}

// A temporary table with the target's types for `columns`, dropped when the transaction ends.
void create_staging(pg::Connection& target, const std::string& staging,
                    const catalog::QualifiedName& table, const std::vector<std::string>& columns) {
  target.exec(
      fmt::format("CREATE TEMPORARY TABLE {} ON COMMIT DROP AS SELECT {} FROM {} WITH NO DATA",
                  staging, pg::quote_list(columns), table.quoted()));
}

std::string upsert_sql(const TablePlan& table, const std::string& staging) {
  std::vector<std::string> updates;
  for (const std::string& column : table.columns) {
    if (std::find(table.primary_key.begin(), table.primary_key.end(), column) !=
        table.primary_key.end()) {
      continue;
    }
    updates.push_back(fmt::format("{0} = EXCLUDED.{0}", pg::quote_ident(column)));
  }
  return fmt::format(
      "INSERT INTO {} ({}) OVERRIDING SYSTEM VALUE SELECT {} FROM {} ON CONFLICT ({}) DO {}",
      table.name.quoted(), pg::quote_list(table.columns), pg::quote_list(table.columns), staging,
      pg::quote_list(table.primary_key),
      updates.empty() ? std::string("NOTHING")
                      : fmt::format("UPDATE SET {}", fmt::join(updates, ", ")));
}

}  // namespace

CopyCounts copy_table(pg::Connection& source, pg::Connection& target, const TablePlan& table,
                      const KeyRing& keys, const std::function<void(const CopyCounts&)>& on_rows,
                      const std::atomic<bool>* interrupted) {
  std::vector<std::size_t> nulled;
  for (const DeferredForeignKey& key : table.deferred) {
    nulled.insert(nulled.end(), key.fields.begin(), key.fields.end());
  }
  RowRewriter rewriter = rewriter_for(table, keys, nulled);

  std::string extra_filter;
  if (table.incremental) {
    const std::string& column = table.incremental->change_column;
    auto mark = target.exec(
        fmt::format("SELECT max({})::text FROM {}", pg::quote_ident(column), table.name.quoted()));
    if (!mark[0][0].is_null()) {
      extra_filter = fmt::format(
          "t.{} {} {}", pg::quote_ident(column),
          table.incremental->by_primary_key ? ">" : ">=", pg::quote_literal(mark[0][0].c_str()));
    }
  }

  const std::string staging = "confiture_incoming";
  target.exec("BEGIN");
  try {
    std::string into = table.name.quoted();
    if (table.incremental) {
      create_staging(target, staging, table.name, table.columns);
      into = staging;
    }
    pg::CopyOut out(source, source_copy(table, extra_filter));
    pg::CopyIn in(target,
                  fmt::format("COPY {} ({}) FROM STDIN", into, pg::quote_list(table.columns)));
    CopyCounts counts = pump(out, in, rewriter, table, on_rows, interrupted);
    try {
      in.finish();
    } catch (const pg::CopyFailure& failure) {
      throw copy_error(table, failure.failure, false);
    }
    if (table.incremental) {
      auto result = target.exec(upsert_sql(table, staging));
      counts.rows = result.affected_rows();
    }
    check_interrupted(table, interrupted);  // the server may have held the last rows a while
    target.exec("COMMIT");
    if (on_rows) on_rows(counts);
    return counts;
  } catch (...) {
    rollback_quietly(target);
    throw;
  }
}

std::uint64_t restore_deferred_keys(pg::Connection& source, pg::Connection& target,
                                    const TablePlan& table, const KeyRing& keys) {
  std::uint64_t restored = 0;
  for (const DeferredForeignKey& key : table.deferred) {
    // The staging rows carry the primary key and the foreign key, rewritten as in the copy.
    TablePlan slice = table;
    slice.columns = table.primary_key;
    std::vector<std::string> key_columns;
    for (std::size_t field : key.fields) key_columns.push_back(table.columns[field]);
    slice.columns.insert(slice.columns.end(), key_columns.begin(), key_columns.end());
    slice.rewrites.clear();
    for (const ColumnRewrite& rewrite : table.rewrites) {
      auto at = std::find(slice.columns.begin(), slice.columns.end(), table.columns[rewrite.field]);
      if (at == slice.columns.end()) continue;
      ColumnRewrite moved = rewrite;
      moved.field = static_cast<std::size_t>(at - slice.columns.begin());
      slice.rewrites.push_back(std::move(moved));
    }
    slice.deferred.clear();
    slice.incremental.reset();
    RowRewriter rewriter = rewriter_for(slice, keys, {});

    std::vector<std::string> not_null, matches;
    for (const std::string& column : key_columns) {
      not_null.push_back(fmt::format("t.{} IS NOT NULL", pg::quote_ident(column)));
    }
    std::vector<std::string> assignments;
    for (const std::string& column : key_columns) {
      assignments.push_back(fmt::format("{0} = d.{0}", pg::quote_ident(column)));
    }
    for (const std::string& column : table.primary_key) {
      matches.push_back(fmt::format("t.{0} = d.{0}", pg::quote_ident(column)));
    }
    const std::string staging = "confiture_deferred";
    target.exec("BEGIN");
    try {
      create_staging(target, staging, table.name, slice.columns);
      pg::CopyOut out(source,
                      source_copy(slice, fmt::format("({})", fmt::join(not_null, " AND "))));
      pg::CopyIn in(target, fmt::format("COPY {} FROM STDIN", staging));
      pump(out, in, rewriter, slice, {}, nullptr);
      try {
        in.finish();
      } catch (const pg::CopyFailure& failure) {
        throw copy_error(table, failure.failure, false);
      }
      auto result = target.exec(fmt::format("UPDATE {} t SET {} FROM {} d WHERE {}",
                                            table.name.quoted(), fmt::join(assignments, ", "),
                                            staging, fmt::join(matches, " AND ")));
      restored += result.affected_rows();
      target.exec("COMMIT");
    } catch (const Error& error) {
      rollback_quietly(target);
      if (error.code == codes::kConnQueryFailed) {
        Error failed(codes::kSyncCopyFailed, ExitClass::kConnection,
                     fmt::format("restoring foreign key {} of {} failed: {}", key.constraint,
                                 table.name.display(), error.what()),
                     "every table is copied; fix the cause and run the same command with --resume");
        failed.details = error.details;
        throw failed;
      }
      throw;
    }
  }
  return restored;
}

}  // namespace confiture::sync
