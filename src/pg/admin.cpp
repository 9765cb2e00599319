// CREATE/DROP DATABASE and friends. Names always go through quote_ident/quote_literal.
#include "confiture/pg/admin.hpp"

#include <fmt/format.h>
#include <openssl/rand.h>

#include <random>

#include "confiture/pg/dsn.hpp"
#include "confiture/pg/quote.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace confiture::pg {
namespace {

constexpr std::size_t kMaxIdentifierBytes = 63;  // NAMEDATALEN - 1

std::string random_hex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1) {
    std::random_device device;
    for (auto& c : raw) c = static_cast<char>(device());
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out += kHex[c >> 4];
    out += kHex[c & 0xF];
  }
  return out;
}

std::string text_array(std::span<const std::string> values) {
  std::string out = "ARRAY[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ", ";
    out += quote_literal(values[i]);
  }
  return out + "]::text[]";
}

// Objects in user schemas that no extension owns. `$ignored` is the oid set of the ignored
// tables and everything that depends on them (indexes, owned sequences).
constexpr const char* kUserObjectsQuery = R"sql(
WITH user_ns AS (
  SELECT oid FROM pg_namespace
  WHERE nspname <> 'information_schema' AND nspname !~ '^pg_'
),
ignored_tables AS (
  SELECT c.oid FROM pg_class c
  WHERE c.relnamespace IN (SELECT oid FROM user_ns) AND c.relkind IN ('r', 'p')
    AND c.relname = ANY({ignore})
),
ignored AS (
  SELECT oid FROM ignored_tables
  UNION
  SELECT d.objid FROM pg_depend d
  WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
    AND d.refobjid IN (SELECT oid FROM ignored_tables)
  UNION
  SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT oid FROM ignored_tables)
),
extension_owned AS (
  SELECT classid, objid FROM pg_depend WHERE deptype = 'e'
)
SELECT
  EXISTS (SELECT 1 FROM pg_class c
          WHERE c.relnamespace IN (SELECT oid FROM user_ns)
            AND c.oid NOT IN (SELECT oid FROM ignored)
            AND (c.oid NOT IN (SELECT objid FROM extension_owned
                               WHERE classid = 'pg_class'::regclass)))
  OR EXISTS (SELECT 1 FROM pg_type t
             WHERE t.typnamespace IN (SELECT oid FROM user_ns)
               AND t.typrelid = 0
               AND NOT EXISTS (SELECT 1 FROM pg_type e WHERE e.typarray = t.oid)
               AND t.oid NOT IN (SELECT objid FROM extension_owned
                                 WHERE classid = 'pg_type'::regclass))
  OR EXISTS (SELECT 1 FROM pg_proc p
             WHERE p.pronamespace IN (SELECT oid FROM user_ns)
               AND p.oid NOT IN (SELECT objid FROM extension_owned
                                 WHERE classid = 'pg_proc'::regclass))
  OR EXISTS (SELECT 1 FROM pg_collation co
             WHERE co.collnamespace IN (SELECT oid FROM user_ns)
               AND co.oid NOT IN (SELECT objid FROM extension_owned
                                  WHERE classid = 'pg_collation'::regclass))
  OR EXISTS (SELECT 1 FROM pg_operator o
             WHERE o.oprnamespace IN (SELECT oid FROM user_ns)
               AND o.oid NOT IN (SELECT objid FROM extension_owned
                                 WHERE classid = 'pg_operator'::regclass))
  OR EXISTS (SELECT 1 FROM pg_namespace n
             WHERE n.oid IN (SELECT oid FROM user_ns) AND n.nspname <> 'public'
               AND n.oid NOT IN (SELECT objid FROM extension_owned
                                 WHERE classid = 'pg_namespace'::regclass))
)sql";

}  // namespace

bool database_exists(Connection& admin, std::string_view name) {
  auto rows =
      admin.exec(fmt::format("SELECT 1 FROM pg_database WHERE datname = {}", quote_literal(name)));
  return !rows.empty();
}

void create_database(Connection& admin, std::string_view name, std::string_view template_name) {
  std::string sql = "CREATE DATABASE " + quote_ident(name);
  if (!template_name.empty()) sql += " TEMPLATE " + quote_ident(template_name);
  admin.exec(sql);
}

void drop_database(Connection& admin, std::string_view name) {
  std::string sql = "DROP DATABASE IF EXISTS " + quote_ident(name);
  if (admin.server_version() >= 130000) sql += " WITH (FORCE)";
  admin.exec(sql);
}

bool database_is_empty(Connection& target, std::span<const std::string> ignore_tables) {
  auto rows =
      target.exec(fmt::format(kUserObjectsQuery, fmt::arg("ignore", text_array(ignore_tables))));
  return !rows[0][0].as<bool>();
}

ScratchDatabase::ScratchDatabase(std::string admin_dsn, std::string prefix,
                                 std::string template_name)
    : admin_dsn_(std::move(admin_dsn)) {
  constexpr std::size_t kHexDigits = 16;
  if (prefix.size() > kMaxIdentifierBytes - kHexDigits) {
    prefix.resize(kMaxIdentifierBytes - kHexDigits);
  }
  name_ = prefix + random_hex(kHexDigits / 2);
  Connection admin(admin_dsn_);
  create_database(admin, name_, template_name);
  dsn_ = with_database(admin_dsn_, name_);
}

ScratchDatabase::~ScratchDatabase() {
  try {
    Connection admin(admin_dsn_);
    drop_database(admin, name_);
  } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw; the name is
                   // random, so a leftover database harms nobody but the disk
  }
}

}  // namespace confiture::pg
