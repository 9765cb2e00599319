// The two sides of a schema diff, as the user names them: an environment, a DSN, or DDL (a file
// or a directory) that is loaded into a scratch database first. Shared by `diff` and
// `migrate generate --auto-detect`.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "command.hpp"
#include "confiture/build/schema_source.hpp"
#include "confiture/catalog/catalog.hpp"
#include "confiture/diff/differ.hpp"
#include "confiture/pg/admin.hpp"

namespace confiture::cli {

struct DiffSide {
  std::string description;  // for messages; never holds a password
  std::string dsn;          // where the schema is read from; holds credentials: never print it
  std::unique_ptr<pg::ScratchDatabase> scratch{};  // the DDL's database, dropped with this side
  std::vector<build::LoadedFile> files{};          // a DDL side's files, in load order
  std::string ledger_table{};  // a live side's tracking table when configured, unqualified
  bool is_ddl() const { return !files.empty(); }
};

class DiffSources {
 public:
  // `specs` are every side the command will open: a live one decides the server scratch
  // databases are made on; with none, the project's environment (--env, else local) does.
  // Discovery's warnings (a dangling link, ...) go to `out`, as `build` shows them.
  DiffSources(const GlobalOptions& options, const std::vector<std::string>& specs,
              const Output& out);

  DiffSide open(const std::string& spec);
  // The environment's DDL files in build order, seed files (data, not schema) left out.
  std::vector<build::LoadedFile> schema_of(const config::Environment& environment);
  // DDL files loaded into a new scratch database (SCHEMA_200/208 located in the files).
  std::unique_ptr<pg::ScratchDatabase> load(const std::vector<build::LoadedFile>& files);
  std::unique_ptr<pg::ScratchDatabase> empty_scratch();

 private:
  std::string scratch_admin_dsn();
  // The DDL files at `path` (a .sql file, or a directory's **/*.sql in build order).
  std::vector<build::LoadedFile> ddl_files(const std::filesystem::path& path);
  config::Selection selection_;
  std::vector<std::string> specs_;
  const Output& out_;
  std::optional<std::string> admin_dsn_;
};

// The renames declared in DDL files (`-- confiture:renamed-from`), with unqualified tables in
// `public`.
diff::Renames declared_renames(const std::vector<build::LoadedFile>& files);

// The side's catalog, with --schema/--exclude-schema applied and confiture's own tables (ledger,
// lock, build record; the side's configured ledger too) left out.
catalog::Catalog read_side(const DiffSide& side, const std::vector<std::string>& schemas,
                           const std::vector<std::string>& exclude_schemas);

// DIFFER_403 listing the objects of kinds the differ does not model, when there are any.
void refuse_unsupported(const catalog::Catalog& catalog, const std::string& side);

// A scratch copy of `from`'s schema: its DDL loaded again, or (for a live database) rebuilt by
// the differ from nothing and that rebuild checked against `from_catalog` (DIFFER_401 if not).
std::unique_ptr<pg::ScratchDatabase> scratch_copy(DiffSources& sources, const DiffSide& from,
                                                  const catalog::Catalog& from_catalog,
                                                  const std::vector<std::string>& schemas,
                                                  const std::vector<std::string>& exclude);

// Applies `plan` to a scratch copy of `from` and diffs the result against `to_catalog` again;
// anything left throws DIFFER_401 listing it. A live `from` is rebuilt by the differ (and that
// rebuild checked) since a running database cannot be cloned.
void prove_plan(DiffSources& sources, const DiffSide& from, const catalog::Catalog& from_catalog,
                const catalog::Catalog& to_catalog, const diff::Plan& plan,
                const std::vector<std::string>& schemas, const std::vector<std::string>& exclude);

}  // namespace confiture::cli
