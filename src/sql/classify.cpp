// Statement classification from libpg_query's JSON tree. Tags follow PostgreSQL's CreateCommandTag;
// the autocommit rules mirror every PreventInTransactionBlock call in PostgreSQL 15 that can be
// decided from the statement text alone.
#include "sql/classify.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace confiture::sql {

namespace {

// "a.b.c" from a list of String nodes; empty when an element is something else (a cast's types).
std::string dotted_names(JsonView list) {
  std::string out;
  bool all_strings = true;
  list.for_each_element([&](JsonView element) {
    const JsonView string = element["String"];
    if (!string.present()) all_strings = false;
    if (!all_strings) return;
    if (!out.empty()) out += '.';
    out += string["sval"].as_string();
  });
  return all_strings ? out : std::string{};
}

std::string relation_name(JsonView range_var) {
  std::string out;
  for (const char* part : {"catalogname", "schemaname", "relname"}) {
    const JsonView value = range_var[part];
    if (!value.present()) continue;
    if (!out.empty()) out += '.';
    out += value.as_string();
  }
  return out;
}

// The name a wrapped node stands for, when it is one of the node types that name things.
std::string node_name(JsonView wrapper) {
  const std::string_view type = wrapper.first_key();
  const JsonView value = wrapper.first_value();
  if (type == "String") return value["sval"].as_string();
  if (type == "List") return dotted_names(value["items"]);
  if (type == "RangeVar") return relation_name(value);
  if (type == "ObjectWithArgs") return dotted_names(value["objname"]);
  if (type == "TypeName") return dotted_names(value["names"]);
  if (type == "VacuumRelation") return relation_name(value["relation"]);
  if (type == "RoleSpec") return value["rolename"].as_string();
  if (type == "AccessPriv") return value["priv_name"].as_string();
  return {};
}

std::string first_name(JsonView list) {
  std::string out;
  bool first = true;
  list.for_each_element([&](JsonView element) {
    if (first) out = node_name(element);
    first = false;
  });
  return out;
}

// A relation when the statement has one, else the generic object node.
std::string relation_or_object(JsonView node) {
  const JsonView relation = node["relation"];
  return relation.present() ? relation_name(relation) : node_name(node["object"]);
}

// How SQL spells a libpg_query ObjectType value ("OBJECT_MATVIEW" -> "MATERIALIZED VIEW").
std::string object_type_sql(std::string_view object_type) {
  constexpr std::pair<std::string_view, std::string_view> kSpellings[] = {
      {"OBJECT_ACCESS_METHOD", "ACCESS METHOD"},
      {"OBJECT_AMOP", "OPERATOR FAMILY"},
      {"OBJECT_AMPROC", "OPERATOR FAMILY"},
      {"OBJECT_ATTRIBUTE", "TYPE"},
      {"OBJECT_DEFACL", "DEFAULT PRIVILEGES"},
      {"OBJECT_DOMCONSTRAINT", "DOMAIN"},
      {"OBJECT_EVENT_TRIGGER", "EVENT TRIGGER"},
      {"OBJECT_FDW", "FOREIGN DATA WRAPPER"},
      {"OBJECT_FOREIGN_SERVER", "SERVER"},
      {"OBJECT_FOREIGN_TABLE", "FOREIGN TABLE"},
      {"OBJECT_LARGEOBJECT", "LARGE OBJECT"},
      {"OBJECT_MATVIEW", "MATERIALIZED VIEW"},
      {"OBJECT_OPCLASS", "OPERATOR CLASS"},
      {"OBJECT_OPFAMILY", "OPERATOR FAMILY"},
      {"OBJECT_PARAMETER_ACL", "PARAMETER"},
      {"OBJECT_PUBLICATION_NAMESPACE", "PUBLICATION"},
      {"OBJECT_PUBLICATION_REL", "PUBLICATION"},
      {"OBJECT_STATISTIC_EXT", "STATISTICS"},
      {"OBJECT_TABCONSTRAINT", "TABLE"},
      {"OBJECT_TSCONFIGURATION", "TEXT SEARCH CONFIGURATION"},
      {"OBJECT_TSDICTIONARY", "TEXT SEARCH DICTIONARY"},
      {"OBJECT_TSPARSER", "TEXT SEARCH PARSER"},
      {"OBJECT_TSTEMPLATE", "TEXT SEARCH TEMPLATE"},
      {"OBJECT_USER_MAPPING", "USER MAPPING"},
  };
  for (const auto& [name, spelling] : kSpellings) {
    if (name == object_type) return std::string(spelling);
  }
  constexpr std::string_view kPrefix = "OBJECT_";
  if (object_type.starts_with(kPrefix)) object_type.remove_prefix(kPrefix.size());
  std::string out(object_type);
  std::replace(out.begin(), out.end(), '_', ' ');
  return out;
}

bool is_prefix_of(std::string_view word, std::string_view text) {
  return !text.empty() && word.starts_with(text);
}

// A DefElem argument read as a boolean the way PostgreSQL's defGetBoolean does: no argument means
// true, and `off` arrives as a type name because of how the grammar parses option values.
bool option_argument_is_true(JsonView argument) {
  if (!argument.present()) return true;
  const std::string_view type = argument.first_key();
  const JsonView value = argument.first_value();
  if (type == "Integer") return value["ival"].as_int().value_or(0) != 0;
  if (type == "Boolean") return value["boolval"].as_bool();
  std::string text;
  if (type == "String") text = value["sval"].as_string();
  if (type == "TypeName") {
    value["names"].for_each_element(
        [&](JsonView name) { text = name["String"]["sval"].as_string(); });
  }
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const bool is_false = is_prefix_of("false", text) || is_prefix_of("no", text) ||
                        (text.size() >= 2 && is_prefix_of("off", text)) || text == "0";
  return !is_false;
}

// Option `name` in a list of DefElem nodes; the last occurrence wins, as in PostgreSQL.
std::optional<bool> bool_option(JsonView options, std::string_view name) {
  std::optional<bool> value;
  options.for_each_element([&](JsonView element) {
    const JsonView option = element["DefElem"];
    if (option["defname"].as_string() == name) value = option_argument_is_true(option["arg"]);
  });
  return value;
}

bool has_option(JsonView options, std::string_view name) {
  bool found = false;
  options.for_each_element([&](JsonView element) {
    if (element["DefElem"]["defname"].as_string() == name) found = true;
  });
  return found;
}

void transaction(JsonView node, Classification& out) {
  constexpr std::pair<std::string_view, std::string_view> kTags[] = {
      {"TRANS_STMT_BEGIN", "BEGIN"},
      {"TRANS_STMT_START", "START TRANSACTION"},
      {"TRANS_STMT_COMMIT", "COMMIT"},
      {"TRANS_STMT_ROLLBACK", "ROLLBACK"},
      {"TRANS_STMT_SAVEPOINT", "SAVEPOINT"},
      {"TRANS_STMT_RELEASE", "RELEASE"},
      // PostgreSQL tags this "ROLLBACK" too, but it does not end the transaction.
      {"TRANS_STMT_ROLLBACK_TO", "ROLLBACK TO SAVEPOINT"},
      {"TRANS_STMT_PREPARE", "PREPARE TRANSACTION"},
      {"TRANS_STMT_COMMIT_PREPARED", "COMMIT PREPARED"},
      {"TRANS_STMT_ROLLBACK_PREPARED", "ROLLBACK PREPARED"},
  };
  const std::string kind = node["kind"].as_string();
  for (const auto& [name, tag] : kTags) {
    if (name == kind) out.kind = tag;
  }
  out.transaction_control = true;
  out.needs_autocommit =
      kind == "TRANS_STMT_COMMIT_PREPARED" || kind == "TRANS_STMT_ROLLBACK_PREPARED";
  out.object = node["savepoint_name"].present() ? node["savepoint_name"].as_string()
                                                : node["gid"].as_string();
}

void alter_table(JsonView node, Classification& out) {
  out.kind = "ALTER " + object_type_sql(node["objtype"].as_string());
  out.object = relation_name(node["relation"]);
  node["cmds"].for_each_element([&](JsonView element) {
    const JsonView command = element["AlterTableCmd"];
    if (command["subtype"].as_string() == "AT_DetachPartition" &&
        command["def"]["PartitionCmd"]["concurrent"].as_bool()) {
      out.needs_autocommit = true;
    }
  });
}

void create_index(JsonView node, Classification& out) {
  const JsonView name = node["idxname"];
  // An index always lives in its table's schema.
  const JsonView schema = node["relation"]["schemaname"];
  if (name.present()) {
    out.object = schema.present() ? schema.as_string() + "." + name.as_string() : name.as_string();
  }
  out.needs_autocommit = node["concurrent"].as_bool();
}

void drop(JsonView node, Classification& out) {
  const std::string type = node["removeType"].as_string();
  out.kind = "DROP " + object_type_sql(type);
  out.object = first_name(node["objects"]);
  // DROP TRIGGER/RULE/POLICY name ON table arrives as [table..., name]: keep the name.
  if (type == "OBJECT_TRIGGER" || type == "OBJECT_RULE" || type == "OBJECT_POLICY") {
    out.object = out.object.substr(out.object.rfind('.') + 1);
  }
  out.needs_autocommit = node["concurrent"].as_bool();
}

void reindex(JsonView node, Classification& out) {
  const std::string target = node["kind"].as_string();
  out.object =
      node["relation"].present() ? relation_name(node["relation"]) : node["name"].as_string();
  out.needs_autocommit = target == "REINDEX_OBJECT_SCHEMA" || target == "REINDEX_OBJECT_SYSTEM" ||
                         target == "REINDEX_OBJECT_DATABASE" ||
                         bool_option(node["params"], "concurrently").value_or(false);
}

void vacuum(JsonView node, Classification& out) {
  const bool is_vacuum = node["is_vacuumcmd"].as_bool();
  out.kind = is_vacuum ? "VACUUM" : "ANALYZE";
  out.object = first_name(node["rels"]);
  out.needs_autocommit = is_vacuum;
}

void create_subscription(JsonView node, Classification& out) {
  out.object = node["subname"].as_string();
  // create_slot defaults to the value of connect, which defaults to true.
  const JsonView options = node["options"];
  const bool connect = bool_option(options, "connect").value_or(true);
  out.needs_autocommit = bool_option(options, "create_slot").value_or(connect);
}

void alter_subscription(JsonView node, Classification& out) {
  out.object = node["subname"].as_string();
  const std::string type = node["kind"].as_string();
  const bool changes_publications = type == "ALTER_SUBSCRIPTION_SET_PUBLICATION" ||
                                    type == "ALTER_SUBSCRIPTION_ADD_PUBLICATION" ||
                                    type == "ALTER_SUBSCRIPTION_DROP_PUBLICATION";
  out.needs_autocommit =
      type == "ALTER_SUBSCRIPTION_REFRESH" ||
      (changes_publications && bool_option(node["options"], "refresh").value_or(true));
}

using Refine = void (*)(JsonView node, Classification& out);

struct Rule {
  std::string_view node_type;
  std::string_view kind;  // the command tag; `refine` may replace it
  Refine refine;
};

// Sorted by node_type for binary search.
constexpr Rule kRules[] = {
    {"AlterCollationStmt", "ALTER COLLATION",
     [](JsonView n, Classification& c) { c.object = dotted_names(n["collname"]); }},
    {"AlterDatabaseRefreshCollStmt", "ALTER DATABASE",
     [](JsonView n, Classification& c) { c.object = n["dbname"].as_string(); }},
    {"AlterDatabaseSetStmt", "ALTER DATABASE",
     [](JsonView n, Classification& c) { c.object = n["dbname"].as_string(); }},
    {"AlterDatabaseStmt", "ALTER DATABASE",
     [](JsonView n, Classification& c) {
       c.object = n["dbname"].as_string();
       c.needs_autocommit = has_option(n["options"], "tablespace");
     }},
    {"AlterDefaultPrivilegesStmt", "ALTER DEFAULT PRIVILEGES", nullptr},
    {"AlterDomainStmt", "ALTER DOMAIN",
     [](JsonView n, Classification& c) { c.object = dotted_names(n["typeName"]); }},
    {"AlterEnumStmt", "ALTER TYPE",
     [](JsonView n, Classification& c) { c.object = dotted_names(n["typeName"]); }},
    {"AlterEventTrigStmt", "ALTER EVENT TRIGGER",
     [](JsonView n, Classification& c) { c.object = n["trigname"].as_string(); }},
    {"AlterExtensionContentsStmt", "ALTER EXTENSION",
     [](JsonView n, Classification& c) { c.object = n["extname"].as_string(); }},
    {"AlterExtensionStmt", "ALTER EXTENSION",
     [](JsonView n, Classification& c) { c.object = n["extname"].as_string(); }},
    {"AlterFdwStmt", "ALTER FOREIGN DATA WRAPPER",
     [](JsonView n, Classification& c) { c.object = n["fdwname"].as_string(); }},
    {"AlterForeignServerStmt", "ALTER SERVER",
     [](JsonView n, Classification& c) { c.object = n["servername"].as_string(); }},
    {"AlterFunctionStmt", "ALTER FUNCTION",
     [](JsonView n, Classification& c) {
       c.kind = "ALTER " + object_type_sql(n["objtype"].as_string());
       c.object = dotted_names(n["func"]["objname"]);
     }},
    {"AlterObjectDependsStmt", "ALTER",
     [](JsonView n, Classification& c) {
       c.kind = "ALTER " + object_type_sql(n["objectType"].as_string());
       c.object = relation_or_object(n);
     }},
    {"AlterObjectSchemaStmt", "ALTER",
     [](JsonView n, Classification& c) {
       c.kind = "ALTER " + object_type_sql(n["objectType"].as_string());
       c.object = relation_or_object(n);
     }},
    {"AlterOpFamilyStmt", "ALTER OPERATOR FAMILY",
     [](JsonView n, Classification& c) { c.object = dotted_names(n["opfamilyname"]); }},
    {"AlterOperatorStmt", "ALTER OPERATOR",
     [](JsonView n, Classification& c) { c.object = dotted_names(n["opername"]["objname"]); }},
    {"AlterOwnerStmt", "ALTER",
     [](JsonView n, Classification& c) {
       c.kind = "ALTER " + object_type_sql(n["objectType"].as_string());
       c.object = relation_or_object(n);
     }},
    {"AlterPolicyStmt", "ALTER POLICY",
     [](JsonView n, Classification& c) { c.object = n["policy_name"].as_string(); }},
    {"AlterPublicationStmt", "ALTER PUBLICATION",
     [](JsonView n, Classification& c) { c.object = n["pubname"].as_string(); }},
    {"AlterRoleSetStmt", "ALTER ROLE",
     [](JsonView n, Classification& c) { c.object = n["role"]["rolename"].as_string(); }},
    {"AlterRoleStmt", "ALTER ROLE",
     [](JsonView n, Classification& c) { c.object = n["role"]["rolename"].as_string(); }},
    {"AlterSeqStmt", "ALTER SEQUENCE",
     [](JsonView n, Classification& c) { c.object = relation_name(n["sequence"]); }},
    {"AlterStatsStmt", "ALTER STATISTICS",
     [](JsonView n, Classification& c) { c.object = dotted_names(n["defnames"]); }},
    {"AlterSubscriptionStmt", "ALTER SUBSCRIPTION", alter_subscription},
    {"AlterSystemStmt", "ALTER SYSTEM",
     [](JsonView, Classification& c) { c.needs_autocommit = true; }},
    {"AlterTSConfigurationStmt", "ALTER TEXT SEARCH CONFIGURATION",
     [](JsonView n, Classification& c) { c.object = dotted_names(n["cfgname"]); }},
    {"AlterTSDictionaryStmt", "ALTER TEXT SEARCH DICTIONARY",
     [](JsonView n, Classification& c) { c.object = dotted_names(n["dictname"]); }},
    {"AlterTableMoveAllStmt", "ALTER",
     [](JsonView n, Classification& c) {
       c.kind = "ALTER " + object_type_sql(n["objtype"].as_string());
     }},
    {"AlterTableSpaceOptionsStmt", "ALTER TABLESPACE",
     [](JsonView n, Classification& c) { c.object = n["tablespacename"].as_string(); }},
    {"AlterTableStmt", "ALTER TABLE", alter_table},
    {"AlterTypeStmt", "ALTER TYPE",
     [](JsonView n, Classification& c) { c.object = dotted_names(n["typeName"]); }},
    {"AlterUserMappingStmt", "ALTER USER MAPPING", nullptr},
    {"CallStmt", "CALL",
     [](JsonView n, Classification& c) { c.object = dotted_names(n["funccall"]["funcname"]); }},
    {"CheckPointStmt", "CHECKPOINT", nullptr},
    {"ClosePortalStmt", "CLOSE CURSOR",
     [](JsonView n, Classification& c) {
       c.object = n["portalname"].as_string();
       if (c.object.empty()) c.kind = "CLOSE CURSOR ALL";
     }},
    {"ClusterStmt", "CLUSTER",
     [](JsonView n, Classification& c) {
       c.object = relation_name(n["relation"]);
       c.needs_autocommit = !n["relation"].present();
     }},
    {"CommentStmt", "COMMENT",
     [](JsonView n, Classification& c) { c.object = node_name(n["object"]); }},
    {"CompositeTypeStmt", "CREATE TYPE",
     [](JsonView n, Classification& c) { c.object = relation_name(n["typevar"]); }},
    {"ConstraintsSetStmt", "SET CONSTRAINTS", nullptr},
    {"CopyStmt", "COPY",
     [](JsonView n, Classification& c) { c.object = relation_name(n["relation"]); }},
    {"CreateAmStmt", "CREATE ACCESS METHOD",
     [](JsonView n, Classification& c) { c.object = n["amname"].as_string(); }},
    {"CreateCastStmt", "CREATE CAST", nullptr},
    {"CreateConversionStmt", "CREATE CONVERSION",
     [](JsonView n, Classification& c) { c.object = dotted_names(n["conversion_name"]); }},
    {"CreateDomainStmt", "CREATE DOMAIN",
     [](JsonView n, Classification& c) { c.object = dotted_names(n["domainname"]); }},
    {"CreateEnumStmt", "CREATE TYPE",
     [](JsonView n, Classification& c) { c.object = dotted_names(n["typeName"]); }},
    {"CreateEventTrigStmt", "CREATE EVENT TRIGGER",
     [](JsonView n, Classification& c) { c.object = n["trigname"].as_string(); }},
    {"CreateExtensionStmt", "CREATE EXTENSION",
     [](JsonView n, Classification& c) { c.object = n["extname"].as_string(); }},
    {"CreateFdwStmt", "CREATE FOREIGN DATA WRAPPER",
     [](JsonView n, Classification& c) { c.object = n["fdwname"].as_string(); }},
    {"CreateForeignServerStmt", "CREATE SERVER",
     [](JsonView n, Classification& c) { c.object = n["servername"].as_string(); }},
    {"CreateForeignTableStmt", "CREATE FOREIGN TABLE",
     [](JsonView n, Classification& c) { c.object = relation_name(n["base"]["relation"]); }},
    {"CreateFunctionStmt", "CREATE FUNCTION",
     [](JsonView n, Classification& c) {
       if (n["is_procedure"].as_bool()) c.kind = "CREATE PROCEDURE";
       c.object = dotted_names(n["funcname"]);
     }},
    {"CreateOpClassStmt", "CREATE OPERATOR CLASS",
     [](JsonView n, Classification& c) { c.object = dotted_names(n["opclassname"]); }},
    {"CreateOpFamilyStmt", "CREATE OPERATOR FAMILY",
     [](JsonView n, Classification& c) { c.object = dotted_names(n["opfamilyname"]); }},
    {"CreatePLangStmt", "CREATE LANGUAGE",
     [](JsonView n, Classification& c) { c.object = n["plname"].as_string(); }},
    {"CreatePolicyStmt", "CREATE POLICY",
     [](JsonView n, Classification& c) { c.object = n["policy_name"].as_string(); }},
    {"CreatePublicationStmt", "CREATE PUBLICATION",
     [](JsonView n, Classification& c) { c.object = n["pubname"].as_string(); }},
    {"CreateRangeStmt", "CREATE TYPE",
     [](JsonView n, Classification& c) { c.object = dotted_names(n["typeName"]); }},
    {"CreateRoleStmt", "CREATE ROLE",
     [](JsonView n, Classification& c) { c.object = n["role"].as_string(); }},
    {"CreateSchemaStmt", "CREATE SCHEMA",
     [](JsonView n, Classification& c) {
       // CREATE SCHEMA AUTHORIZATION r names the schema after the role.
       c.object = n["schemaname"].present() ? n["schemaname"].as_string()
                                            : n["authrole"]["rolename"].as_string();
     }},
    {"CreateSeqStmt", "CREATE SEQUENCE",
     [](JsonView n, Classification& c) { c.object = relation_name(n["sequence"]); }},
    {"CreateStatsStmt", "CREATE STATISTICS",
     [](JsonView n, Classification& c) { c.object = dotted_names(n["defnames"]); }},
    {"CreateStmt", "CREATE TABLE",
     [](JsonView n, Classification& c) { c.object = relation_name(n["relation"]); }},
    {"CreateSubscriptionStmt", "CREATE SUBSCRIPTION", create_subscription},
    {"CreateTableAsStmt", "CREATE TABLE AS",
     [](JsonView n, Classification& c) {
       if (n["objtype"].as_string() == "OBJECT_MATVIEW") c.kind = "CREATE MATERIALIZED VIEW";
       if (n["is_select_into"].as_bool()) c.kind = "SELECT INTO";
       c.object = relation_name(n["into"]["rel"]);
     }},
    {"CreateTableSpaceStmt", "CREATE TABLESPACE",
     [](JsonView n, Classification& c) {
       c.object = n["tablespacename"].as_string();
       c.needs_autocommit = true;
     }},
    {"CreateTransformStmt", "CREATE TRANSFORM", nullptr},
    {"CreateTrigStmt", "CREATE TRIGGER",
     [](JsonView n, Classification& c) { c.object = n["trigname"].as_string(); }},
    {"CreateUserMappingStmt", "CREATE USER MAPPING", nullptr},
    {"CreatedbStmt", "CREATE DATABASE",
     [](JsonView n, Classification& c) {
       c.object = n["dbname"].as_string();
       c.needs_autocommit = true;
     }},
    {"DeallocateStmt", "DEALLOCATE",
     [](JsonView n, Classification& c) {
       c.object = n["name"].as_string();
       if (c.object.empty()) c.kind = "DEALLOCATE ALL";
     }},
    {"DeclareCursorStmt", "DECLARE CURSOR",
     [](JsonView n, Classification& c) { c.object = n["portalname"].as_string(); }},
    {"DefineStmt", "CREATE",
     [](JsonView n, Classification& c) {
       c.kind = "CREATE " + object_type_sql(n["kind"].as_string());
       c.object = dotted_names(n["defnames"]);
     }},
    {"DeleteStmt", "DELETE",
     [](JsonView n, Classification& c) { c.object = relation_name(n["relation"]); }},
    {"DiscardStmt", "DISCARD",
     [](JsonView n, Classification& c) {
       std::string target = n["target"].as_string();
       constexpr std::string_view kPrefix = "DISCARD_";
       if (target.starts_with(kPrefix)) target.erase(0, kPrefix.size());
       c.kind = "DISCARD " + target;
       c.needs_autocommit = target == "ALL";
     }},
    {"DoStmt", "DO", nullptr},
    {"DropOwnedStmt", "DROP OWNED", nullptr},
    {"DropRoleStmt", "DROP ROLE",
     [](JsonView n, Classification& c) { c.object = first_name(n["roles"]); }},
    {"DropStmt", "DROP", drop},
    {"DropSubscriptionStmt", "DROP SUBSCRIPTION",
     [](JsonView n, Classification& c) {
       c.object = n["subname"].as_string();
       // Refused in a transaction when the subscription has a replication slot, which only
       // the server knows; assume it does.
       c.needs_autocommit = true;
     }},
    {"DropTableSpaceStmt", "DROP TABLESPACE",
     [](JsonView n, Classification& c) {
       c.object = n["tablespacename"].as_string();
       c.needs_autocommit = true;
     }},
    {"DropUserMappingStmt", "DROP USER MAPPING", nullptr},
    {"DropdbStmt", "DROP DATABASE",
     [](JsonView n, Classification& c) {
       c.object = n["dbname"].as_string();
       c.needs_autocommit = true;
     }},
    {"ExecuteStmt", "EXECUTE",
     [](JsonView n, Classification& c) { c.object = n["name"].as_string(); }},
    {"ExplainStmt", "EXPLAIN", nullptr},
    {"FetchStmt", "FETCH",
     [](JsonView n, Classification& c) {
       if (n["ismove"].as_bool()) c.kind = "MOVE";
       c.object = n["portalname"].as_string();
     }},
    {"GrantRoleStmt", "GRANT",
     [](JsonView n, Classification& c) {
       if (!n["is_grant"].as_bool()) c.kind = "REVOKE";
       c.object = first_name(n["granted_roles"]);
     }},
    {"GrantStmt", "GRANT",
     [](JsonView n, Classification& c) {
       if (!n["is_grant"].as_bool()) c.kind = "REVOKE";
       c.object = first_name(n["objects"]);
     }},
    {"ImportForeignSchemaStmt", "IMPORT FOREIGN SCHEMA",
     [](JsonView n, Classification& c) { c.object = n["local_schema"].as_string(); }},
    {"IndexStmt", "CREATE INDEX", create_index},
    {"InsertStmt", "INSERT",
     [](JsonView n, Classification& c) { c.object = relation_name(n["relation"]); }},
    {"ListenStmt", "LISTEN",
     [](JsonView n, Classification& c) { c.object = n["conditionname"].as_string(); }},
    {"LoadStmt", "LOAD", [](JsonView n, Classification& c) { c.object = n["filename"].as_string(); }},
    {"LockStmt", "LOCK TABLE",
     [](JsonView n, Classification& c) { c.object = first_name(n["relations"]); }},
    {"MergeStmt", "MERGE",
     [](JsonView n, Classification& c) { c.object = relation_name(n["relation"]); }},
    {"NotifyStmt", "NOTIFY",
     [](JsonView n, Classification& c) { c.object = n["conditionname"].as_string(); }},
    {"PrepareStmt", "PREPARE",
     [](JsonView n, Classification& c) { c.object = n["name"].as_string(); }},
    {"ReassignOwnedStmt", "REASSIGN OWNED", nullptr},
    {"RefreshMatViewStmt", "REFRESH MATERIALIZED VIEW",
     [](JsonView n, Classification& c) { c.object = relation_name(n["relation"]); }},
    {"ReindexStmt", "REINDEX", reindex},
    {"RenameStmt", "ALTER",
     [](JsonView n, Classification& c) {
       const std::string type = n["renameType"].as_string();
       // Renaming a column is tagged with the kind of relation it belongs to.
       c.kind = "ALTER " + object_type_sql(type == "OBJECT_COLUMN" ? n["relationType"].as_string()
                                                                   : type);
       c.object = relation_or_object(n);
       // Schemas, databases, roles and tablespaces carry their old name alone.
       if (c.object.empty()) c.object = n["subname"].as_string();
     }},
    {"RuleStmt", "CREATE RULE",
     [](JsonView n, Classification& c) { c.object = n["rulename"].as_string(); }},
    {"SecLabelStmt", "SECURITY LABEL",
     [](JsonView n, Classification& c) { c.object = node_name(n["object"]); }},
    {"SelectStmt", "SELECT",
     [](JsonView n, Classification& c) {
       const JsonView into = n["intoClause"];
       if (!into.present()) return;
       c.kind = "SELECT INTO";
       c.object = relation_name(into["rel"]);
     }},
    {"TransactionStmt", "TRANSACTION", transaction},
    {"TruncateStmt", "TRUNCATE TABLE",
     [](JsonView n, Classification& c) { c.object = first_name(n["relations"]); }},
    {"UnlistenStmt", "UNLISTEN",
     [](JsonView n, Classification& c) { c.object = n["conditionname"].as_string(); }},
    {"UpdateStmt", "UPDATE",
     [](JsonView n, Classification& c) { c.object = relation_name(n["relation"]); }},
    {"VacuumStmt", "VACUUM", vacuum},
    {"VariableSetStmt", "SET",
     [](JsonView n, Classification& c) {
       const std::string type = n["kind"].as_string();
       if (type == "VAR_RESET" || type == "VAR_RESET_ALL") c.kind = "RESET";
       c.object = n["name"].as_string();
     }},
    {"VariableShowStmt", "SHOW",
     [](JsonView n, Classification& c) { c.object = n["name"].as_string(); }},
    {"ViewStmt", "CREATE VIEW",
     [](JsonView n, Classification& c) { c.object = relation_name(n["view"]); }},
};

static_assert(std::is_sorted(std::begin(kRules), std::end(kRules),
                             [](const Rule& a, const Rule& b) {
                               return a.node_type < b.node_type;
                             }));

}  // namespace

Classification classify(std::string_view node_type, JsonView node) {
  Classification out;
  const auto* rule = std::lower_bound(
      std::begin(kRules), std::end(kRules), node_type,
      [](const Rule& candidate, std::string_view type) { return candidate.node_type < type; });
  if (rule == std::end(kRules) || rule->node_type != node_type) {
    out.kind = std::string(node_type);
    return out;
  }
  out.kind = std::string(rule->kind);
  if (rule->refine != nullptr) rule->refine(node, out);
  return out;
}

}  // namespace confiture::sql
