// migrate up: pending = files whose version is not in the ledger, computed under the lock;
// every pending file is parsed before the first one runs.
#include "confiture/migrate/up.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "confiture/migrate/checksums.hpp"
#include "confiture/migrate/ledger_maintenance.hpp"
#include "confiture/migrate/migration_script.hpp"
#include "confiture/pg/quote.hpp"
#include "confiture/pg/script.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/report/stopwatch.hpp"
#include "migrate_session.hpp"
#include "run_migration.hpp"

namespace confiture::migrate {
namespace {

nlohmann::json result_json(const MigrationResult& m, bool with_statements) {
  nlohmann::json out = {{"version", m.version},
                        {"name", m.name},
                        {"file", m.file},
                        {"checksum", m.checksum},
                        {"transactional", m.transactional},
                        {"duration_ms", m.duration_ms},
                        {"attempts", m.attempts}};
  if (with_statements) {
    out["statements"] = nlohmann::json::array();
    for (const auto& s : m.statements) {
      out["statements"].push_back(
          {{"line", s.line}, {"summary", s.summary}, {"transactional", s.transactional}});
    }
  }
  return out;
}

struct Pending {
  const MigrationFile* file;
  MigrationScript script;
  std::string checksum;
};

MigrationResult result_of(const Pending& p, bool with_statements = true) {
  MigrationResult r;
  r.version = p.file->version;
  r.name = p.file->name;
  r.file = p.file->up_display;
  r.checksum = p.checksum;
  r.transactional = p.script.transactional;
  if (!with_statements) return r;
  for (const auto& s : p.script.statements) {
    r.statements.push_back({s.line, s.summary, !s.needs_autocommit && p.script.transactional});
  }
  return r;
}

void verify_checksums(const std::vector<AppliedMigration>& applied,
                      const std::vector<MigrationFile>& files, ChecksumPolicy policy,
                      UpReport& report) {
  if (policy == ChecksumPolicy::kIgnore) return;
  ChecksumCheck check = check_checksums(applied, files);
  for (const auto& version : check.missing_files) {
    report.warnings.push_back(
        fmt::format("migration {} is recorded as applied but its .up.sql is gone", version));
  }
  if (check.mismatches.empty()) {
    report.checksums_verified = true;
    return;
  }
  std::vector<std::string> names;
  nlohmann::json list = nlohmann::json::array();
  for (const auto& m : check.mismatches) {
    names.push_back(m.file);
    list.push_back(to_json(m));
  }
  std::string message = fmt::format("{} applied migration(s) changed since they were applied: {}",
                                    check.mismatches.size(), fmt::join(names, ", "));
  if (policy == ChecksumPolicy::kWarn) {
    report.warnings.push_back("checksum mismatch: " + message);
    return;
  }
  Error error(codes::kMigrChecksumMismatch, ExitClass::kFailure, "checksum mismatch: " + message,
              "restore the files as they were applied; or, if the change is intended, record "
              "the new checksums with `confiture migrate verify --fix`; or pass "
              "--on-checksum-mismatch warn");
  error.details["mismatches"] = list;
  throw error;
}

// Every pending file read, checksummed and parsed: a bad file stops the run before anything.
std::vector<Pending> load_pending(const std::vector<MigrationFile>& files,
                                  const std::set<std::string>& applied,
                                  const std::optional<std::string>& target) {
  std::vector<Pending> out;
  for (const auto& file : files) {
    if (applied.count(file.version) || (target && file.version > *target)) continue;
    std::string text = read_migration_text(file.up, file.up_display);
    std::string checksum = checksum_of(text);
    out.push_back({&file, parse_migration_script(std::move(text), file.up_display), checksum});
  }
  return out;
}

struct SequenceValue {
  std::string name;  // quoted, schema-qualified
  std::string last_value;
  bool is_called = false;
  bool operator==(const SequenceValue&) const = default;
};

// last_value and is_called of every sequence this role may read, in two round trips.
// (has_sequence_privilege fails on other relations, and WHERE fixes no order: hence the CASE.)
std::vector<SequenceValue> sequence_values(pg::Connection& db) {
  auto names = db.exec(
      "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c "
      "JOIN pg_namespace n ON n.oid = c.relnamespace "
      "WHERE c.relkind = 'S' AND CASE WHEN c.relkind = 'S' "
      "THEN has_sequence_privilege(c.oid, 'SELECT') END ORDER BY 1");
  std::vector<SequenceValue> out;
  if (names.empty()) return out;
  std::string query;
  for (const auto& row : names) {
    const std::string name = row[0].as<std::string>();
    if (!query.empty()) query += " UNION ALL ";
    // The name comes quoted from format('%I.%I').
    query += fmt::format("SELECT {}, last_value::text, is_called FROM {}", pg::quote_literal(name),
                         name);
  }
  for (const auto& row : db.exec(query)) {
    out.push_back({row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<bool>()});
  }
  return out;
}

// Sequences are not transactional: the rollback leaves what the migrations drew from them
// drawn. Put back those that moved, unless other sessions are connected to the database (they
// may have drawn from them meanwhile, and rewinding would hand their numbers out again).
void restore_sequences(pg::Connection& db, const std::vector<SequenceValue>& before,
                       UpReport& report) {
  const std::vector<SequenceValue> after = sequence_values(db);
  std::vector<const SequenceValue*> moved;
  for (const auto& old : before) {
    auto now = std::find_if(after.begin(), after.end(),
                            [&](const SequenceValue& v) { return v.name == old.name; });
    if (now != after.end() && !(*now == old)) moved.push_back(&old);
  }
  if (moved.empty()) return;
  std::vector<std::string> names;
  for (const auto* m : moved) names.push_back(m->name);
  const int others =
      db.exec(
            "SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_type = 'client backend' "
            "AND application_name NOT LIKE 'confiture%'")[0][0]
          .as<int>();
  if (others > 0) {
    report.warnings.push_back(fmt::format(
        "the rolled-back migrations advanced sequence(s) {} (sequences are not transactional); "
        "they are left advanced because {} other session(s) are connected and may have used "
        "them",
        fmt::join(names, ", "), others));
    return;
  }
  std::vector<std::string> failed;
  for (const auto* m : moved) {
    try {
      db.exec(fmt::format("SELECT pg_catalog.setval({}::regclass, {}, {})",
                          pg::quote_literal(m->name), m->last_value,
                          m->is_called ? "true" : "false"));
      report.sequences_restored.push_back(m->name);
    } catch (const Error&) {
      failed.push_back(m->name);
    }
  }
  if (!failed.empty()) {
    report.warnings.push_back(fmt::format(
        "the rolled-back migrations advanced sequence(s) {} and they could not be put back "
        "(setval needs UPDATE on the sequence)",
        fmt::join(failed, ", ")));
  }
}

void dry_run_execute(MigrateSession& session, bool ledger_exists,
                     const std::vector<Pending>& pending, UpReport& report) {
  Ledger& ledger = session.ledger();
  std::vector<const Pending*> run;
  for (const auto& p : pending) {
    if (p.script.transactional) {
      run.push_back(&p);
      continue;
    }
    report.skipped.push_back(result_of(p));
    report.warnings.push_back(fmt::format(
        "{} skipped: it runs without a transaction, so it cannot be tried and rolled back",
        p.file->up_display));
  }
  // The SQL texts first, complete, so the views into them below stay valid.
  const std::vector<std::string> create =
      ledger_exists ? std::vector<std::string>{} : ledger.create_statements();
  std::vector<std::string> inserts;
  for (const auto* p : run) {
    inserts.push_back(ledger.insert_sql(p->file->version, p->file->name, p->checksum));
  }
  struct Origin {
    const Pending* pending;  // nullptr: a ledger statement
    std::size_t statement;
  };
  std::vector<Origin> origins;
  std::vector<pg::ScriptStatement> script;
  for (const auto& sql : create) {
    script.push_back({sql, false});
    origins.push_back({nullptr, 0});
  }
  for (std::size_t r = 0; r < run.size(); ++r) {
    const Pending& p = *run[r];
    for (std::size_t i = 0; i < p.script.statements.size(); ++i) {
      const auto& s = p.script.statements[i];
      script.push_back({std::string_view(p.script.text).substr(s.offset, s.length), false});
      origins.push_back({&p, i});
    }
    script.push_back({inserts[r], false});
    origins.push_back({nullptr, 0});
  }
  const report::Stopwatch watch;
  const std::vector<SequenceValue> sequences = sequence_values(session.db());
  auto failure = pg::run_script(session.db(), script, pg::TransactionEnd::kRollback);
  restore_sequences(session.db(), sequences, report);
  if (failure) {
    const Origin& origin = origins[failure->index];
    if (!origin.pending) {
      throw Error(codes::kMigrFailed, ExitClass::kConnection,
                  "dry run: writing the tracking table failed: " + failure->message,
                  "everything was rolled back");
    }
    const Pending& p = *origin.pending;
    const MigrationStatement& s = p.script.statements[origin.statement];
    Error error(codes::kMigrFailed, ExitClass::kConnection,
                fmt::format("dry run: migration {}_{} failed at {}:{}: {}: {}", p.file->version,
                            p.file->name, p.file->up_display, s.line, s.summary, failure->message),
                "everything was rolled back: the database and the ledger are as they were");
    error.location = SourceLocation{p.file->up_display, s.line, 0};
    error.migration = p.file->version + "_" + p.file->name;
    error.details = {{"sqlstate", failure->sqlstate},
                     {"detail", failure->detail},
                     {"pg_hint", failure->hint},
                     {"dry_run_execute", true}};
    throw error;
  }
  const double elapsed = watch.ms();
  for (const auto* p : run) report.applied.push_back(result_of(*p));
  if (!report.applied.empty()) report.applied.back().duration_ms = elapsed;
}

// A database built from the DDL already holds the migrations its DDL had: with no ledger
// recording them, `up` would run them again on top (and fail half-way, or worse). Refused
// before the lock or the ledger is written, so the database is left exactly as it was.
void refuse_unrecorded_build(pg::Connection& db, Ledger& ledger,
                             const std::vector<MigrationFile>& files) {
  if (files.empty() || ledger.exists() || !was_built(db)) return;
  Error error(codes::kBuiltWithoutLedger, ExitClass::kNoLedger,
              fmt::format("database \"{}\" was made by `confiture build` but has no migration "
                          "ledger ({}): the DDL it was built from may already hold these "
                          "migrations, and `up` would run them again; nothing was run",
                          db.database(), ledger.table().display()),
              fmt::format("record the migrations its DDL holds with `confiture migrate baseline "
                          "--through V` (the latest is {}); `up` then applies the rest",
                          files.back().version));
  error.details = {{"table", ledger.table().display()}, {"latest", files.back().version}};
  throw error;
}

}  // namespace

nlohmann::json UpReport::to_json() const {
  const bool plans = dry_run || dry_run_execute;
  nlohmann::json out = {{"environment", environment},
                        {"database", database},
                        {"tracking_table", table},
                        {"applied", nlohmann::json::array()},
                        {"skipped", nlohmann::json::array()},
                        {"pending", pending},
                        {"current", current ? nlohmann::json(*current) : nlohmann::json(nullptr)},
                        {"dry_run", dry_run},
                        {"dry_run_execute", dry_run_execute},
                        {"checksums_verified", checksums_verified},
                        {"ledger_created", ledger_created},
                        {"sequences_restored", sequences_restored},
                        {"total_duration_ms", total_ms},
                        {"warnings", warnings}};
  for (const auto& m : applied) out["applied"].push_back(result_json(m, plans));
  for (const auto& m : skipped) out["skipped"].push_back(result_json(m, plans));
  return out;
}

UpReport migrate_up(const MigrateProject& project, const UpOptions& options,
                    const config::EnvLookup& lookup, const ProgressFn& progress) {
  const report::Stopwatch total;
  UpReport report;
  report.environment = project.env.name;
  report.dry_run = options.dry_run;
  report.dry_run_execute = options.dry_run_execute;
  std::vector<MigrationFile> files = project_migrations(project);
  if (options.target && !find_version(files, *options.target)) {
    throw Error(codes::kMigrVersionNotFound, ExitClass::kConnection,
                fmt::format("--target {}: no migration with that version in {}", *options.target,
                            project.dir_display),
                "`confiture migrate status` lists the versions");
  }

  MigrateSession session(
      project, /*writes=*/!options.dry_run, /*take_lock=*/!options.dry_run, options.lock,
      "confiture migrate up", lookup,
      [&files](pg::Connection& db, Ledger& ledger) { refuse_unrecorded_build(db, ledger, files); });
  report.warnings = session.warnings();
  report.database = session.target().description;
  Ledger& ledger = session.ledger();
  report.table = ledger.table().display();
  bool ledger_exists = ledger.exists();
  std::vector<AppliedMigration> applied =
      ledger_exists ? ledger.applied() : std::vector<AppliedMigration>{};
  verify_checksums(applied, files, options.on_checksum_mismatch, report);

  std::set<std::string> done;
  std::string latest;
  for (const auto& row : applied) {
    done.insert(row.version);
    latest = std::max(latest, row.version);
  }
  if (!applied.empty()) report.current = applied.back().version;
  std::vector<Pending> pending = load_pending(files, done, options.target);
  for (const auto& p : pending) {
    if (p.file->version < latest) {
      report.warnings.push_back(fmt::format(
          "{} is older than the latest applied migration {}: it is applied out of order",
          p.file->up_display, latest));
    }
    for (const auto& w : p.script.warnings) report.warnings.push_back(w);
  }

  // Created only now: a file that does not parse leaves the database untouched.
  if (!ledger_exists && !options.dry_run && !options.dry_run_execute) {
    ledger.ensure();
    ledger_exists = report.ledger_created = true;
  }
  if (!options.dry_run && !options.dry_run_execute) {
    mark_if_protected(project, session, report.warnings);
  }

  if (options.dry_run) {
    for (const auto& p : pending) report.applied.push_back(result_of(p));
  } else if (options.dry_run_execute) {
    dry_run_execute(session, ledger_exists, pending, report);
  } else {
    for (const auto& p : pending) {
      MigrationRef ref{p.file->version + "_" + p.file->name, "up"};
      try {
        progress(fmt::format("applying {} ...", ref.label));
        const MigrationFile& file = *p.file;
        const std::string& checksum = p.checksum;
        RunOutcome outcome = run_migration(
            session.db(), ref, p.script,
            [&](std::optional<int> ms) {
              return ledger.insert_sql(file.version, file.name, checksum, ms);
            },
            session.run_settings(), progress);
        MigrationResult result = result_of(p, /*with_statements=*/false);
        result.duration_ms = outcome.duration_ms;
        result.attempts = outcome.attempts;
        report.applied.push_back(std::move(result));
        report.current = file.version;
        done.insert(file.version);
      } catch (Error& error) {
        // A deploy script needs to know what this run did apply before the failure.
        nlohmann::json kept = nlohmann::json::array();
        for (const auto& m : report.applied) kept.push_back(m.version);
        error.details["applied_in_this_run"] = kept;
        throw;
      }
    }
  }
  for (const auto& file : files) {
    if (!done.count(file.version)) report.pending.push_back(file.version);
  }
  report.total_ms = total.ms();
  return report;
}

}  // namespace confiture::migrate
