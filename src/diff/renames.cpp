// Renames declared in DDL: `-- confiture:renamed-from` annotations as the differ takes them.
#include "confiture/diff/differ.hpp"
#include "confiture/sql/rename_annotations.hpp"

namespace confiture::diff {

void add_declared_renames(Renames& renames, std::string_view ddl, const std::string& file) {
  for (const sql::RenameAnnotation& a : sql::rename_annotations(ddl, file)) {
    const catalog::QualifiedName table{a.schema.empty() ? "public" : a.schema, a.table};
    if (a.column.empty()) {
      renames.tables[table] = a.old_name;
    } else {
      renames.columns[{table, a.column}] = a.old_name;
    }
  }
}

}  // namespace confiture::diff
