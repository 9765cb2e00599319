// Comments and privileges of any object: COMMENT ON, and GRANT/REVOKE computed from the aclitem
// texts of both sides.
#include "annotations.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "sql_text.hpp"

namespace confiture::diff {
namespace {

constexpr const char* kOwner = "\x01owner";  // stands for the owner, whoever it is on a side

struct Grant {
  char letter;
  bool grant_option;
};

std::string_view privilege_name(char letter) {
  switch (letter) {
    case 'r':
      return "SELECT";
    case 'a':
      return "INSERT";
    case 'w':
      return "UPDATE";
    case 'd':
      return "DELETE";
    case 'D':
      return "TRUNCATE";
    case 'x':
      return "REFERENCES";
    case 't':
      return "TRIGGER";
    case 'm':
      return "MAINTAIN";
    case 'X':
      return "EXECUTE";
    case 'U':
      return "USAGE";
    case 'C':
      return "CREATE";
    case 'c':
      return "CONNECT";
    case 'T':
      return "TEMPORARY";
    default:
      return {};
  }
}

// grantee -> letter -> with grant option
using Acl = std::map<std::string, std::map<char, bool>>;

// "grantee=privileges/grantor"; the grantee is double-quoted when it needs to be, empty for
// PUBLIC.
void add_item(Acl& acl, const std::string& item, const std::string& owner) {
  std::string grantee;
  std::size_t i = 0;
  if (!item.empty() && item[0] == '"') {
    for (i = 1; i < item.size(); ++i) {
      if (item[i] == '"') {
        if (i + 1 < item.size() && item[i + 1] == '"') {
          grantee += '"';
          ++i;
        } else {
          ++i;
          break;
        }
      } else {
        grantee += item[i];
      }
    }
  } else {
    while (i < item.size() && item[i] != '=') grantee += item[i++];
  }
  if (i >= item.size() || item[i] != '=') return;
  ++i;
  if (grantee == owner) grantee = kOwner;
  auto& letters = acl[grantee.empty() ? "PUBLIC" : grantee];
  for (; i < item.size() && item[i] != '/'; ++i) {
    if (item[i] == '*') continue;
    letters[item[i]] = i + 1 < item.size() && item[i + 1] == '*';  // '*': with grant option
  }
}

Acl parse(const Privileges& privileges) {
  Acl acl;
  for (const std::string& item : privileges.acl) add_item(acl, item, privileges.owner);
  return acl;
}

// The privileges a new object of `kind` starts with (acldefault).
Acl default_acl(const std::string& kind, int server_version) {
  Acl acl;
  std::string owner_letters;
  std::string public_letters;
  if (kind == "TABLE") {
    owner_letters = server_version >= 170000 ? "arwdDxtm" : "arwdDxt";
  } else if (kind == "SEQUENCE") {
    owner_letters = "rwU";
  } else if (kind == "FUNCTION" || kind == "PROCEDURE") {
    owner_letters = public_letters = "X";
  } else if (kind == "SCHEMA") {
    owner_letters = "UC";
  } else if (kind == "TYPE") {
    owner_letters = public_letters = "U";
  }
  for (char c : owner_letters) acl[kOwner][c] = false;
  for (char c : public_letters) acl["PUBLIC"][c] = false;
  return acl;
}

std::string grantee_sql(const std::string& grantee, const std::string& owner) {
  if (grantee == kOwner) return ident(owner);
  if (grantee == "PUBLIC") return "PUBLIC";
  return ident(grantee);
}

std::string privilege_list(const std::vector<char>& letters, const std::string& column) {
  std::vector<std::string> names;
  for (char c : letters) {
    std::string name(privilege_name(c));
    if (!column.empty()) name += " (" + ident(column) + ")";
    names.push_back(std::move(name));
  }
  return join(names, ", ");
}

}  // namespace

void plan_comment(Planner& planner, const std::string& what, const ObjectRef& object,
                  const std::optional<std::string>& from, const std::optional<std::string>& to) {
  if (from == to) return;
  Step step{.statement = catalog_change(
                fmt::format("COMMENT ON {} IS {}", what, to ? literal(*to) : "NULL"), what),
            .rank = kComment};
  step.needs.push_back(object);
  planner.add(std::move(step));
}

void plan_privileges(Planner& planner, const std::string& kind, const std::string& target,
                     const ObjectRef& object, const std::optional<Privileges>& from,
                     const Privileges& to, const std::string& column) {
  const Acl before = from ? parse(*from) : default_acl(kind, planner.to.server_version);
  const Acl after = parse(to);
  std::set<std::string> grantees;
  for (const auto& entry : before) grantees.insert(entry.first);
  for (const auto& entry : after) grantees.insert(entry.first);
  const std::string on = fmt::format("{} {}", kind, target);
  auto emit = [&](std::string sql) {
    Statement statement = catalog_change(std::move(sql), on);
    with_hazard(statement, Hazard::kAuthzUpdate, "changes privileges on " + on);
    Step step{.statement = std::move(statement), .rank = kGrant};
    step.needs.push_back(object);
    planner.add(std::move(step));
  };
  static const std::map<char, bool> none;
  for (const std::string& grantee : grantees) {
    auto b = before.find(grantee);
    auto a = after.find(grantee);
    const auto& had = b == before.end() ? none : b->second;
    const auto& has = a == after.end() ? none : a->second;
    std::vector<char> revoke, revoke_option, grant, grant_with_option;
    for (const auto& [letter, option] : had) {
      auto now = has.find(letter);
      if (now == has.end()) {
        revoke.push_back(letter);
      } else if (option && !now->second) {
        revoke_option.push_back(letter);
      }
    }
    for (const auto& [letter, option] : has) {
      auto then = had.find(letter);
      if (then == had.end() || (option && !then->second)) {
        (option ? grant_with_option : grant).push_back(letter);
      }
    }
    const std::string who = grantee_sql(grantee, to.owner);
    if (!revoke.empty()) {
      emit(fmt::format("REVOKE {} ON {} FROM {}", privilege_list(revoke, column), on, who));
    }
    if (!revoke_option.empty()) {
      emit(fmt::format("REVOKE GRANT OPTION FOR {} ON {} FROM {}",
                       privilege_list(revoke_option, column), on, who));
    }
    if (!grant.empty()) {
      emit(fmt::format("GRANT {} ON {} TO {}", privilege_list(grant, column), on, who));
    }
    if (!grant_with_option.empty()) {
      emit(fmt::format("GRANT {} ON {} TO {} WITH GRANT OPTION",
                       privilege_list(grant_with_option, column), on, who));
    }
  }
}

}  // namespace confiture::diff
