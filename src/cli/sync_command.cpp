// `confiture sync --from A --to B`: production data into dev/staging, anonymised in the stream.
// A and B are environment names or DSNs. Renders the per-table report and, on a TTY, progress.
#include <fmt/format.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <mutex>

#include "command.hpp"
#include "confiture/config/environment.hpp"
#include "confiture/pg/dsn.hpp"
#include "confiture/pg/protection.hpp"
#include "confiture/pg/target.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/digest.hpp"
#include "confiture/report/error.hpp"
#include "confiture/report/stopwatch.hpp"
#include "confiture/sync/plan.hpp"
#include "confiture/sync/profile.hpp"
#include "confiture/sync/sync.hpp"
#include "named_database.hpp"

namespace confiture::cli {
namespace {

// Set by SIGINT/SIGTERM; a signal handler can only reach a global, and only a lock-free atomic.
std::atomic<bool> g_interrupted{false};
extern "C" void on_interrupt(int) { g_interrupted.store(true); }

struct ResolvedEndpoint {
  sync::Endpoint endpoint;
  std::string label;  // for the checkpoint file name
  bool is_protected = false;
  std::string tracking_table = "tb_confiture";  // migration.tracking_table of an environment
};

std::string file_label(std::string text) {
  for (char& c : text) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  }
  return text;
}

ResolvedEndpoint resolve_endpoint(const std::string& name, const std::string& flag,
                                  const config::Selection& base, const config::EnvLookup& env) {
  ResolvedEndpoint resolved;
  if (looks_like_dsn(name)) {
    resolved.endpoint = {name, pg::describe_target(name)};
    // The description has no password in it.
    const std::uint64_t hash = report::label_hash(resolved.endpoint.description);
    resolved.label = fmt::format("{}-{:08x}", file_label(pg::database_name(name)),
                                 static_cast<std::uint32_t>(hash));
    return resolved;
  }
  const EnvironmentDatabase database = environment_database(base, name, flag == "--to", env);
  resolved.endpoint = {database.target.dsn, database.description};
  resolved.label = file_label(name);
  resolved.is_protected = database.environment.is_protected;
  resolved.tracking_table = database.environment.migration.tracking_table;
  return resolved;
}

std::map<std::string, std::string> parse_where(const std::vector<std::string>& items) {
  std::map<std::string, std::string> where;
  for (const std::string& item : items) {
    auto eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size()) {
      throw Error(codes::kSyncBadWhere, ExitClass::kConfig,
                  fmt::format("--where {}: expected TABLE=CONDITION", item),
                  "e.g. --where \"orders=created_at > now() - interval '30 days'\"");
    }
    where[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return where;
}

std::string human_bytes(double bytes) {
  if (bytes >= 1e9) return fmt::format("{:.1f} GB", bytes / 1e9);
  if (bytes >= 1e6) return fmt::format("{:.1f} MB", bytes / 1e6);
  return fmt::format("{:.0f} kB", bytes / 1e3);
}

// One status line on stderr, rewritten in place.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  void operator()(const sync::Progress& p) {
    if (!enabled_) return;
    std::lock_guard lock(mutex_);
    const std::string name = p.table->name.display();
    auto [it, fresh] = started_.try_emplace(name, report::Stopwatch());
    double seconds = std::max(it->second.ms() / 1000.0, 0.001);
    if (p.finished) {
      std::cerr << fmt::format("\r\033[K  {:<32} {:>12} rows  {:>9}  {:.1f} s\n", name, p.rows,
                               human_bytes(static_cast<double>(p.bytes)), seconds);
      return;
    }
    std::string eta;
    double estimate = p.table->estimated_rows;
    if (estimate > static_cast<double>(p.rows) && p.rows > 0) {
      eta = fmt::format("  ETA {:.0f} s", (estimate - static_cast<double>(p.rows)) /
                                              (static_cast<double>(p.rows) / seconds));
    }
    std::cerr << fmt::format("\r\033[K  {:<32} {:>12} rows  {:.1f} MB/s{}", name, p.rows,
                             static_cast<double>(p.bytes) / 1e6 / seconds, eta)
              << std::flush;
  }

 private:
  bool enabled_;
  std::mutex mutex_;
  std::map<std::string, report::Stopwatch> started_;
};

std::string render(const sync::SyncReport& report) {
  std::string text;
  std::uint64_t rows = 0, bytes = 0;
  for (const sync::TableReport& table : report.tables) {
    rows += table.rows;
    bytes += table.bytes;
    std::string strategies =
        table.strategies.empty() ? "" : fmt::format("  [{}]", fmt::join(table.strategies, ", "));
    if (table.status == "planned") {
      text += fmt::format("  {:<32} ~{} rows{}{}\n", table.table.display(), table.rows,
                          table.filter.empty() ? "" : "  (subset)", strategies);
    } else if (table.status == "resumed") {
      text += fmt::format("  {:<32} already copied (resumed)\n", table.table.display());
    } else {
      text += fmt::format("  {:<32} {:>12} rows  {:>9}  {:6.2f} s{}\n", table.table.display(),
                          table.rows, human_bytes(static_cast<double>(table.bytes)), table.seconds,
                          strategies);
    }
  }
  if (report.dry_run) {
    return fmt::format("Dry run: would copy {} tables with {} jobs (nothing was changed)\n{}",
                       report.tables.size(), report.jobs, text);
  }
  double rate = report.seconds > 0 ? static_cast<double>(rows) / report.seconds : 0;
  text += fmt::format("Synced {} rows in {} tables ({}) in {:.2f} s, {:.0f} rows/s, {} jobs", rows,
                      report.tables.size(), human_bytes(static_cast<double>(bytes)), report.seconds,
                      rate, report.jobs);
  if (report.sequences_set) text += fmt::format("; {} sequences set", report.sequences_set);
  if (report.deferred_keys_restored) {
    text += fmt::format("; {} cycle-breaking keys restored", report.deferred_keys_restored);
  }
  return text + "\n";
}

nlohmann::json to_json(const sync::SyncReport& report) {
  nlohmann::json tables = nlohmann::json::array();
  for (const sync::TableReport& table : report.tables) {
    tables.push_back(
        {{"table", table.table.display()},
         {"status", table.status},
         {"rows", table.rows},
         {"bytes", table.bytes},
         {"seconds", table.seconds},
         {"strategies", table.strategies},
         {"filter", table.filter.empty() ? nlohmann::json(nullptr) : nlohmann::json(table.filter)},
         {"incremental", table.incremental}});
  }
  return {{"dry_run", report.dry_run},
          {"jobs", report.jobs},
          {"seconds", report.seconds},
          {"tables", tables},
          {"sequences_set", report.sequences_set},
          {"deferred_keys_restored", report.deferred_keys_restored},
          {"warnings", report.warnings}};
}

}  // namespace

void add_sync_command(CLI::App& app, GlobalOptions& options, Action& action) {
  struct Flags {
    std::string from, to, anonymize, profile;
    std::vector<std::string> tables, exclude, where;
    int jobs = 0;
    bool resume = false, incremental = false, dry_run = false, strict = false, yes = false;
  };
  auto flags = std::make_shared<Flags>();
  CLI::App* cmd = app.add_subcommand(
      "sync", "Copy data between databases (e.g. production into local), anonymised in the stream");
  cmd->add_option("--from", flags->from, "Source: environment name or DSN")->required();
  cmd->add_option("--to", flags->to, "Target: environment name or DSN")->required();
  cmd->add_option("--tables", flags->tables, "Tables to copy (globs on table or schema.table)")
      ->delimiter(',');
  cmd->add_option("--exclude", flags->exclude, "Tables to leave out (globs)")->delimiter(',');
  cmd->add_option("--anonymize", flags->anonymize,
                  "Columns to anonymise: schema.table.column[:strategy],...");
  cmd->add_option("--profile", flags->profile,
                  "Anonymisation profile (default db/sync/anonymization.yaml when present)");
  cmd->add_option("--where", flags->where, "Copy a subset: TABLE=SQL condition (repeatable)");
  cmd->add_option("-j,--jobs", flags->jobs, "Tables copied at once (default min(4, cores))")
      ->check(CLI::Range(1, 64));
  cmd->add_flag("--resume", flags->resume, "Continue an interrupted sync");
  cmd->add_flag("--incremental", flags->incremental, "Copy only rows changed since the last sync");
  cmd->add_flag("--dry-run", flags->dry_run, "Check and show the plan; move nothing");
  cmd->add_flag("--strict", flags->strict, "Refuse PII-looking columns without a rule");
  cmd->add_flag("-y,--yes", flags->yes, "Do not ask before emptying the target tables");
  cmd->add_option("--project-dir", options.project_dir, "Project directory (default: .)");
  add_output_options(cmd, options);
  cmd->callback([&options, &action, flags] {
    action = [&options, flags](const Output& out) {
      config::EnvLookup env = config::process_environment();
      config::Selection base = selection_of(options);
      ResolvedEndpoint from = resolve_endpoint(flags->from, "--from", base, env);
      ResolvedEndpoint to = resolve_endpoint(flags->to, "--to", base, env);
      {
        // Never into a protected environment, nor into a database carrying the protection mark
        // (reached by its DSN). The question comes later, listing the tables it empties.
        pg::DestructiveStep step;
        step.action = "sync into it (its tables are emptied first)";
        step.database = to.endpoint.description;
        step.environment = looks_like_dsn(flags->to) ? "" : flags->to;
        step.is_protected = to.is_protected;
        step.named_explicitly = !looks_like_dsn(flags->to);
        step.target_from_environment = step.named_explicitly;
        step.never_when_protected = true;
        step.yes = true;
        pg::require_consent(step, std::nullopt);  // a protected environment: before connecting
        pg::Connection target(to.endpoint.dsn);
        pg::guard_destructive(target, step);
      }

      sync::SyncOptions request;
      std::filesystem::path profile_file = flags->profile;
      if (profile_file.empty()) {
        auto fallback = base.project_dir / "db" / "sync" / "anonymization.yaml";
        if (std::filesystem::exists(fallback)) profile_file = fallback;
      }
      if (!profile_file.empty()) {
        sync::Profile profile = sync::load_profile(profile_file);
        request.plan.rules = profile.rules;
        request.plan.strict = profile.strict;
        request.plan.change_columns = profile.incremental;
        request.key_env = profile.key_env;
      }
      if (!flags->anonymize.empty()) {
        for (auto& rule : sync::parse_anonymize_option(flags->anonymize)) {
          request.plan.rules.push_back(std::move(rule));
        }
      }
      request.plan.strict = request.plan.strict || flags->strict;
      request.plan.tables = flags->tables;
      request.plan.exclude = flags->exclude;
      request.plan.where = parse_where(flags->where);
      request.plan.incremental = flags->incremental;
      request.plan.never_copy = sync::never_copied_tables({from.tracking_table, to.tracking_table});
      request.jobs = flags->jobs;
      request.resume = flags->resume;
      request.dry_run = flags->dry_run;
      request.on_warning = [&out](const std::string& warning) { out.warn(warning); };
      request.checkpoint = base.project_dir / ".confiture" / "sync" /
                           fmt::format("{}--{}.json", from.label, to.label);

      std::signal(SIGINT, on_interrupt);
      std::signal(SIGTERM, on_interrupt);
      ProgressLine progress(!out.json() && !options.quiet && ::isatty(STDERR_FILENO));
      auto confirm = [&](const std::string& question) {
        return flags->yes || confirm_on_tty(fmt::format("{}?", question));
      };
      sync::SyncReport report = sync::run_sync(
          from.endpoint, to.endpoint, request, env, confirm,
          [&](const sync::Progress& p) { progress(p); }, &g_interrupted);
      out.result(to_json(report), render(report));
      return 0;
    };
  });
}

}  // namespace confiture::cli
