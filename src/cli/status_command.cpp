// `confiture status`: is the database in step with the project? The DDL's hash against the build
// recorded in the database, the migrations applied since and pending, and, when the hash alone
// cannot tell (the DDL changed since the build, or the database was never built), the live
// database compared with db/schema/ by the differ. It advises only a command that succeeds in
// the state it found.
#include <fmt/format.h>

#include <filesystem>
#include <optional>

#include "command.hpp"
#include "confiture/build/status.hpp"
#include "confiture/config/environment.hpp"
#include "confiture/migrate/status.hpp"
#include "confiture/pg/target.hpp"
#include "confiture/report/error.hpp"
#include "schema_states.hpp"

namespace confiture::cli {
namespace {

struct Migrations {
  bool ledger_exists = false;
  std::string table;
  std::vector<std::string> files;  // versions of the migration files, in order
  std::vector<std::string> applied, pending;
  std::size_t applied_since_build = 0;
};

struct Verdict {
  std::string state;                  // a stable id, for JSON
  std::string text;                   // the State: line
  std::optional<std::string> advice;  // a command that succeeds in this state
  bool ok = false;                    // exit 0
};

// The selection options to repeat in an advised command, so it reaches the same database
// (a DSN is not repeated: it may hold a password).
std::string again(const GlobalOptions& options) {
  if (options.config_file) return " -c " + *options.config_file;
  if (options.env) return " --env " + *options.env;
  if (options.database_url) return " --database-url URL";
  return "";
}

// The first statements of the drift, one line each; `confiture diff` prints them whole.
std::string drift_lines(const std::vector<std::string>& drift, const std::string& against) {
  constexpr std::size_t kShown = 10;
  std::string text;
  for (std::size_t i = 0; i < drift.size() && i < kShown; ++i) {
    const std::string& sql = drift[i];
    const auto newline = sql.find('\n');
    text += "                " +
            (newline == std::string::npos ? sql + ";" : sql.substr(0, newline) + " ...") + "\n";
  }
  if (drift.size() > kShown) {
    text += fmt::format(
        "                ... and {} more (`confiture diff {} db/schema "
        "--format sql` lists them all)\n",
        drift.size() - kShown, against);
  }
  return text;
}

// Pending migrations (ledger present), judged by their replay on a scratch copy of the database:
// `migrate up` is advised only when they applied there.
Verdict judge_pending(const Migrations& m, const SchemaProof& proof, const std::string& sel) {
  const std::string up = "confiture migrate up" + sel;
  if (!proof.replay_error.empty()) {
    if (proof.in_step()) {
      // Its schema is already the DDL's and they do not apply on top: they are in it already.
      return {"needs_baseline",
              "holds the schema of db/schema/, and the pending migrations fail on a copy of it: "
              "their changes are already there",
              fmt::format("confiture migrate baseline{} --through {}", sel, m.pending.back()),
              false};
    }
    return {"migrations_fail",
            "migrations pending, but one fails on a scratch copy of the database (see Replayed)",
            std::nullopt, false};
  }
  if (!proof.compared) {
    return {"migrations_pending", "migrations pending (they apply on a scratch copy)", up, false};
  }
  if (proof.drift_after.empty()) {
    return {"migrations_pending",
            "migrations pending; on a scratch copy they bring it exactly to db/schema/", up, false};
  }
  return {"migrations_pending",
          fmt::format("migrations pending; on a scratch copy they apply, but {} statement(s) "
                      "would still differ from db/schema/ afterwards",
                      proof.drift_after.size()),
          up, false};
}

Verdict decide(const build::StatusReport& r, const std::optional<Migrations>& m,
               const std::optional<SchemaProof>& proof, const std::string& proof_error,
               const GlobalOptions& options, const std::string& against) {
  const std::string sel = again(options);
  const bool files = m && !m->files.empty();
  const bool no_ledger = m && !m->ledger_exists;
  const bool pending = m && m->ledger_exists && !m->pending.empty();
  const std::string latest = files ? m->files.back() : std::string();
  auto baseline = [&](const std::string& through) {
    return fmt::format("confiture migrate baseline{} --through {}", sel, through);
  };
  const std::string up = "confiture migrate up" + sel;

  if (r.database_missing || (r.has_ddl && !r.built && r.database_empty && no_ledger)) {
    if (!r.has_ddl) return {"never_built", "no database yet", std::nullopt, false};
    return {"never_built", "never built", "confiture build" + sel, false};
  }
  if (!r.has_ddl && !files) {
    return {"up_to_date", "up to date (no DDL and no migrations)", std::nullopt, true};
  }
  if (!r.has_ddl && no_ledger) {
    if (r.database_empty) {
      return {"migrations_pending", "no ledger yet: every migration is pending", up, false};
    }
    return {"no_ledger",
            fmt::format("no ledger, and the database is not empty: if it already holds the "
                        "migrations, record them with `{}`; if not, `{}` applies them",
                        baseline(latest), up),
            std::nullopt, false};
  }
  if (r.has_ddl && r.hash_matches() && !pending) {
    if (no_ledger && files) {
      return {"needs_baseline",
              "built from the current DDL, but its migrations are not recorded in the ledger",
              baseline(latest), false};
    }
    return {"up_to_date", "up to date", std::nullopt, true};
  }
  if (!r.has_ddl && !pending) return {"up_to_date", "up to date", std::nullopt, true};
  if (!proof) {
    return {"unverified",
            fmt::format("cannot tell: comparing the database with the project failed ({})",
                        proof_error),
            std::nullopt, false};
  }
  if (pending) return judge_pending(*m, *proof, sel);
  if (proof->in_step()) {
    if (no_ledger && files) {
      return {"needs_baseline",
              "holds the schema of db/schema/, but its migrations are not recorded in the ledger",
              baseline(latest), false};
    }
    return {"in_step",
            m && m->applied_since_build > 0
                ? "in step: the migrations applied since the build bring it to db/schema/"
                : "in step with db/schema/",
            std::nullopt, true};
  }
  if (no_ledger && files) {
    return {"drift",
            r.built ? "differs from db/schema/, and records no migrations: record those its DDL "
                      "held with `confiture migrate baseline --through V`, then `confiture "
                      "migrate up` applies the rest"
                    : "differs from db/schema/, and was neither built by confiture nor migrated",
            std::nullopt, false};
  }
  return {
      "drift", "drift: the database differs from db/schema/ and no pending migration changes it",
      fmt::format("confiture migrate generate NAME --auto-detect --against {}", against), false};
}

}  // namespace

void add_status_command(CLI::App& app, GlobalOptions& options, Action& action) {
  CLI::App* cmd =
      app.add_subcommand("status", "Compare the database with the DDL source and the migrations");
  add_project_options(cmd, options);
  add_output_options(cmd, options);
  cmd->callback([&options, &action] {
    action = [&options](const Output& out) {
      const auto lookup = config::process_environment();
      build::StatusReport r = build::schema_status(selection_of(options), lookup);
      for (const auto& warning : r.warnings) out.warn(warning);
      std::string text = fmt::format("Environment:  {}\nDatabase:     {}\n",
                                     environment_label(r.environment), r.target);
      text += r.reachable ? "Server:       reachable\n"
                          : fmt::format("Server:       unreachable ({})\n", r.unreachable);
      text += r.has_ddl ? fmt::format("Source:       {} files, hash {}\n", r.files, r.source_hash)
                        : std::string("Source:       no DDL files (migrations only)\n");
      nlohmann::json doc = r.to_json();
      if (!r.reachable) {
        // Only the embedded server is ours to start; any other server is the user's to fix.
        const std::optional<std::string> advice =
            r.server_stopped ? std::optional<std::string>("confiture server start" + again(options))
                             : std::nullopt;
        text += "State:        unreachable\n";
        if (advice) text += fmt::format("Next:         {}\n", *advice);
        doc["state"] = "unreachable";
        doc["advice"] = advice ? nlohmann::json(*advice) : nlohmann::json(nullptr);
        doc["up_to_date"] = false;
        return out.unreachable(doc, text, r.unreachable);
      }
      if (r.database_missing) {
        text += "Built:        the database does not exist yet\n";
      } else if (r.built) {
        text += fmt::format("Built:        hash {} at {} (environment {})\n", r.built->schema_hash,
                            r.built->built_at, r.built->environment);
      } else {
        text += "Built:        never built with confiture build\n";
      }

      // Migrations (status never starts the embedded server: it is known to be up here).
      auto project = migrate::open_project(selection_of(options), lookup);
      std::optional<Migrations> m;
      if (!r.database_missing) {
        migrate::StatusReport s = migrate::migration_status(project, lookup);
        m.emplace();
        m->ledger_exists = s.ledger_exists;
        m->table = s.table;
        m->applied = s.applied;
        m->pending = s.pending;
        for (const auto& row : s.migrations) {
          if (!row.file.empty()) m->files.push_back(row.version);
          if (r.built && row.applied_at && *row.applied_at > r.built->built_at) {
            ++m->applied_since_build;
          }
        }
        if (m->ledger_exists) {
          text += fmt::format("Migrations:   {} applied{}, {} pending\n", m->applied.size(),
                              r.built ? fmt::format(" ({} since the build)", m->applied_since_build)
                                      : std::string(),
                              m->pending.size());
        } else {
          text += fmt::format("Migrations:   no ledger ({}); {} migration file(s)\n", m->table,
                              m->files.size());
        }
        if (!s.modified.empty()) {
          text += fmt::format(
              "Modified:     {} (applied, changed since; `confiture migrate up` "
              "refuses until restored or `confiture migrate verify --fix`)\n",
              fmt::join(s.modified, ", "));
        }
        if (!s.without_down.empty()) {
          text += fmt::format("No down file: {}\n", fmt::join(s.without_down, ", "));
        }
        doc["migrations"] = {{"ledger_exists", s.ledger_exists},
                             {"modified", s.modified},
                             {"without_down", s.without_down},
                             {"applied", s.applied},
                             {"applied_since_build", m->applied_since_build},
                             {"pending", s.pending},
                             {"current", s.current ? nlohmann::json(*s.current) : nullptr}};
      }

      // When the hash cannot tell (the DDL changed since the build, or it was never built but
      // holds objects), or migrations are pending: prove the state on scratch copies.
      const bool pending = m && m->ledger_exists && !m->pending.empty();
      const bool never_built_empty = r.database_empty && !r.built && m && !m->ledger_exists;
      const bool prove = !r.database_missing && !never_built_empty &&
                         ((r.has_ddl && !r.hash_matches()) || pending);
      // How `--against` and `diff` name this database (a DSN is not printed: it may hold a
      // password).
      const std::string against = options.database_url ? "URL" : r.environment;
      std::optional<SchemaProof> proof;
      std::string proof_error;
      if (prove) {
        try {
          config::Target target =
              config::resolve_target(project.selection, project.env, /*writes=*/false, lookup);
          pg::ResolvedTarget resolved = pg::resolve_target_dsn(target, project.env.project_dir);
          proof = prove_state(out, options, project, resolved.dsn, r.has_ddl,
                              pending ? &m->applied : nullptr);
        } catch (const Error& error) {
          proof_error = error.what();
        }
        if (!proof) {
          text += fmt::format("Verified:     could not compare: {}\n", proof_error);
        } else if (proof->in_step()) {
          text +=
              "Verified:     in step with db/schema/ (the live database against the DDL on a "
              "scratch copy)\n";
        } else if (proof->compared) {
          text += fmt::format(
              "Verified:     differs from db/schema/; {} statement(s) would still "
              "be needed:\n",
              proof->drift.size());
          text += drift_lines(proof->drift, against);
        }
        if (proof && proof->replayed) {
          text += proof->replay_error.empty()
                      ? "Replayed:     the pending migrations apply on a scratch copy\n"
                      : fmt::format(
                            "Replayed:     a pending migration fails on a scratch copy: "
                            "{}\n",
                            proof->replay_error);
        }
        doc["verified"] =
            proof ? nlohmann::json{{"compared", proof->compared},
                                   {"in_step", proof->in_step()},
                                   {"drift", proof->drift},
                                   {"replayed", proof->replayed},
                                   {"replay_error", proof->replay_error.empty()
                                                        ? nlohmann::json(nullptr)
                                                        : nlohmann::json(proof->replay_error)},
                                   {"drift_after_pending", proof->drift_after}}
                  : nlohmann::json{{"error", proof_error}};
      } else {
        doc["verified"] = nullptr;
      }

      const Verdict v = decide(r, m, proof, proof_error, options, against);
      text += fmt::format("State:        {}\n", v.text);
      if (v.advice) text += fmt::format("Next:         {}\n", *v.advice);
      doc["state"] = v.state;
      doc["advice"] = v.advice ? nlohmann::json(*v.advice) : nlohmann::json(nullptr);
      doc["up_to_date"] = v.ok;
      out.result(doc, text);
      return v.ok ? 0 : static_cast<int>(ExitClass::kFailure);
    };
  });
}

}  // namespace confiture::cli
