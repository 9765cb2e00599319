// Opening the sides of a schema diff: environments and DSNs as they are, DDL through a scratch
// database on the server of a live side (or of the project's environment, possibly embedded).
#include "diff_sources.hpp"

#include <fmt/format.h>

#include "confiture/build/discover.hpp"
#include "confiture/build/schema_apply.hpp"
#include "confiture/config/connection_source.hpp"
#include "confiture/config/environment.hpp"
#include "confiture/diff/differ.hpp"
#include "confiture/diff/scope.hpp"
#include "confiture/diff/verify.hpp"
#include "confiture/migrate/ledger.hpp"
#include "confiture/pg/connection.hpp"
#include "confiture/pg/dsn.hpp"
#include "confiture/pg/own_tables.hpp"
#include "confiture/pg/target.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "named_database.hpp"

namespace fs = std::filesystem;

namespace confiture::cli {
namespace {

bool is_path(const std::string& spec, const fs::path& project_dir) {
  if (looks_like_dsn(spec)) return false;
  const fs::path path(spec);
  // A word too long for a file name is no file: it is looked up as an environment, and that
  // lookup names it (the throwing forms would end in INTERNAL_001).
  std::error_code ec;
  return fs::exists(path, ec) || fs::exists(project_dir / path, ec) || spec.ends_with(".sql") ||
         spec.find('/') != std::string::npos;
}

struct Live {
  std::string dsn;
  std::string description;
  std::string ledger_table;  // the environment's tracking table, unqualified
};

std::string unqualified(const std::string& table) { return migrate::parse_table_name(table).name; }

// A DSN's ledger is named by the project's environment, when there is a project to read.
std::string project_ledger_table(const config::Selection& selection) {
  try {
    const config::Environment environment =
        config::select_environment(selection, config::process_environment());
    return unqualified(environment.migration.tracking_table);
  } catch (const Error&) {
    return {};
  }
}

Live resolve_live(const std::string& spec, const config::Selection& base) {
  if (looks_like_dsn(spec)) {
    return {spec, pg::describe_target(spec), project_ledger_table(base)};
  }
  const EnvironmentDatabase database =
      environment_database(base, spec, false, config::process_environment());
  return {database.target.dsn, database.description,
          unqualified(database.environment.migration.tracking_table)};
}

}  // namespace

DiffSources::DiffSources(const GlobalOptions& options, const std::vector<std::string>& specs,
                         const Output& out)
    : selection_(selection_of(options)), specs_(specs), out_(out) {}

std::vector<build::LoadedFile> DiffSources::schema_of(const config::Environment& environment) {
  std::vector<std::string> warnings;
  std::vector<build::SourceFile> sources = build::discover(environment, warnings);
  for (const std::string& warning : warnings) out_.warn(warning);
  std::erase_if(sources, [](const build::SourceFile& file) { return file.seed; });  // data
  return build::load_files(sources);
}

std::vector<build::LoadedFile> DiffSources::ddl_files(const fs::path& path) {
  const fs::path& project_dir = selection_.project_dir;
  const fs::path absolute = path.is_absolute() ? path : fs::absolute(project_dir / path);
  if (!fs::exists(absolute)) {
    throw Error(codes::kSchemaDirNotFound, ExitClass::kSchema,
                fmt::format("{} does not exist", path.string()),
                "name an environment, a DSN, or a DDL file or directory");
  }
  if (fs::is_directory(absolute)) {
    config::Environment environment = config::default_environment(project_dir);
    config::IncludeDir dir;
    dir.path = absolute.string();
    environment.include_dirs = {dir};
    return schema_of(environment);
  }
  return build::load_files(
      {{.path = absolute, .display = path.string(), .hash_path = absolute.filename().string()}});
}

diff::Renames declared_renames(const std::vector<build::LoadedFile>& files) {
  diff::Renames renames;
  for (const build::LoadedFile& file : files) {
    diff::add_declared_renames(renames, file.content, file.source.display);
  }
  return renames;
}

std::string DiffSources::scratch_admin_dsn() {
  if (admin_dsn_) return *admin_dsn_;
  for (const std::string& spec : specs_) {
    if (!is_path(spec, selection_.project_dir)) {
      admin_dsn_ = pg::with_database(resolve_live(spec, selection_).dsn, "postgres");
      return *admin_dsn_;
    }
  }
  const config::EnvLookup env = config::process_environment();
  const config::Environment environment = config::select_environment(selection_, env);
  const config::Target target = config::resolve_target(selection_, environment, false, env);
  admin_dsn_ =
      pg::with_database(pg::resolve_target_dsn(target, selection_.project_dir).dsn, "postgres");
  return *admin_dsn_;
}

std::unique_ptr<pg::ScratchDatabase> DiffSources::empty_scratch() {
  return std::make_unique<pg::ScratchDatabase>(scratch_admin_dsn(), "confiture_diff_");
}

std::unique_ptr<pg::ScratchDatabase> DiffSources::load(
    const std::vector<build::LoadedFile>& files) {
  const build::ParsedSchema parsed = build::parse_schema(files);
  auto scratch = empty_scratch();
  pg::Connection conn(scratch->dsn());
  build::load_schema(conn, parsed);
  return scratch;
}

DiffSide DiffSources::open(const std::string& spec) {
  DiffSide side;
  if (is_path(spec, selection_.project_dir)) {
    side.files = ddl_files(spec);
    side.scratch = load(side.files);
    side.dsn = side.scratch->dsn();
    side.description = "DDL " + spec;
    return side;
  }
  Live live = resolve_live(spec, selection_);
  side.dsn = live.dsn;
  side.description = live.description;
  side.ledger_table = live.ledger_table;
  return side;
}

catalog::Catalog read_side(const DiffSide& side, const std::vector<std::string>& schemas,
                           const std::vector<std::string>& exclude_schemas) {
  pg::Connection conn(side.dsn);
  conn.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  catalog::Catalog result = catalog::read_catalog(conn, {.schemas = schemas});
  conn.exec("COMMIT");
  diff::exclude_schemas(result, exclude_schemas);
  // They describe a database rather than belong to its schema: ledger, lock and build record.
  std::vector<std::string> own{"tb_confiture"};
  own.insert(own.end(), pg::kOwnTables.begin(), pg::kOwnTables.end());
  if (!side.ledger_table.empty()) own.push_back(side.ledger_table);
  diff::exclude_tables(result, own);
  return result;
}

void refuse_unsupported(const catalog::Catalog& catalog, const std::string& side) {
  if (catalog.unsupported.empty()) return;
  nlohmann::json objects = nlohmann::json::array();
  std::vector<std::string> names;
  for (const auto& object : catalog.unsupported) {
    const std::string name =
        object.schema.empty() ? object.name : object.schema + "." + object.name;
    objects.push_back({{"kind", object.kind}, {"schema", object.schema}, {"name", object.name}});
    if (names.size() < 10) names.push_back(object.kind + " " + name);
  }
  Error error(codes::kDifferUnsupported, ExitClass::kSchema,
              fmt::format("{} has {} object(s) the differ does not model: {}{}", side,
                          catalog.unsupported.size(), fmt::join(names, ", "),
                          catalog.unsupported.size() > names.size() ? ", ..." : ""),
              "a diff that ignored them could report \"no changes\" for schemas that differ; "
              "pass --allow-unsupported to compare everything else, or --exclude-schema");
  error.details = {{"side", side}, {"objects", std::move(objects)}};
  throw error;
}

std::unique_ptr<pg::ScratchDatabase> scratch_copy(DiffSources& sources, const DiffSide& from,
                                                  const catalog::Catalog& from_catalog,
                                                  const std::vector<std::string>& schemas,
                                                  const std::vector<std::string>& exclude) {
  if (from.is_ddl()) return sources.load(from.files);
  auto scratch = sources.empty_scratch();
  DiffSide copy;
  copy.dsn = scratch->dsn();
  const catalog::Catalog empty = read_side(copy, schemas, exclude);
  {
    pg::Connection conn(scratch->dsn());
    diff::apply_plan(conn, diff::plan_changes(empty, from_catalog));
  }
  const diff::Plan left = diff::plan_changes(read_side(copy, schemas, exclude), from_catalog);
  if (!left.empty()) {
    throw Error(codes::kDifferUnverified, ExitClass::kSchema,
                fmt::format("could not rebuild {} in a scratch database to prove the plan on "
                            "({} statement(s) still differ, first: {})",
                            from.description, left.statements.size(), left.statements[0].sql),
                "pass --no-verify to print the plan unproven, and please report this");
  }
  return scratch;
}

void prove_plan(DiffSources& sources, const DiffSide& from, const catalog::Catalog& from_catalog,
                const catalog::Catalog& to_catalog, const diff::Plan& plan,
                const std::vector<std::string>& schemas, const std::vector<std::string>& exclude) {
  auto scratch = scratch_copy(sources, from, from_catalog, schemas, exclude);
  {
    pg::Connection conn(scratch->dsn());
    diff::apply_plan(conn, plan);
  }
  DiffSide applied;
  applied.dsn = scratch->dsn();
  const diff::Plan left = diff::plan_changes(read_side(applied, schemas, exclude), to_catalog);
  if (left.empty()) return;
  std::vector<std::string> remaining;
  for (const auto& statement : left.statements) remaining.push_back(statement.sql);
  Error error(codes::kDifferUnverified, ExitClass::kSchema,
              fmt::format("the plan does not reach the desired schema: after applying it to a "
                          "scratch copy, {} statement(s) still differ, first: {}",
                          remaining.size(), remaining[0]),
              "this is a bug in confiture's differ: please report it with both schemas; "
              "--no-verify prints the plan unproven");
  error.details = {{"remaining", remaining}};
  throw error;
}

}  // namespace confiture::cli
