// The names a SQL or PL/pgSQL routine body uses. PostgreSQL records nothing in pg_depend for what a
// body reads or calls, yet a schema diff must create a view before an index whose expression calls
// a function that reads it: these names let the differ add those edges.
#pragma once

#include <compare>
#include <string>
#include <vector>

namespace confiture::sql {

// A name as the body writes it, folded as PostgreSQL folds it (unquoted parts lower-cased, quoted
// parts kept); not resolved against any search_path.
struct BodyName {
  std::string schema{};  // empty when unqualified
  std::string name{};
  auto operator<=>(const BodyName&) const = default;
};

// Each vector sorted and deduplicated. Names that are not objects of the catalog (CTE names,
// built-in functions, tables a body creates) are included: the caller resolves and ignores them.
struct BodyReferences {
  // Tables, views, sequences... read or written: FROM/JOIN/INSERT INTO/UPDATE/DELETE/COPY/... and
  // the relation of a PL/pgSQL declaration `tbl%ROWTYPE` or `tbl.col%TYPE`.
  std::vector<BodyName> relations{};
  // Functions and procedures called, CALL included; operators and casts are not calls here.
  std::vector<BodyName> routines{};
  // First argument of nextval/currval/setval when it is a string literal ('app."My Seq"', with
  // or without ::regclass), split and folded as PostgreSQL reads it.
  std::vector<BodyName> sequences{};
};

// What the body of `definition` uses. `definition` is pg_get_functiondef()'s text (one CREATE OR
// REPLACE FUNCTION/PROCEDURE statement), `language` its pg_language.lanname. Only "sql" (both the
// quoted body and the SQL-standard BEGIN ATOMIC / RETURN body) and "plpgsql" are read; other
// languages give nothing. Never fails: a body that does not parse gives nothing, and neither does a
// PL/pgSQL expression that does not, nor the text run by EXECUTE. libpg_query 15-4.0 rejects every
// PL/pgSQL function that OPENs, FETCHes, MOVEs or CLOSEs a cursor variable, or loops over one
// (pganalyze/libpg_query#257), so such a function gives nothing either.
BodyReferences body_references(const std::string& definition, const std::string& language);

}  // namespace confiture::sql
