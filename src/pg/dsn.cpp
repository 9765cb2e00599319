// DSN handling on top of libpq's own parser, so that everything libpq accepts is accepted, and
// password removal for every text that may reach a user.
#include "confiture/pg/dsn.hpp"

#include <libpq-fe.h>
#include <pwd.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <memory>
#include <set>
#include <vector>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace confiture::pg {
namespace {

constexpr std::string_view kMask = "***";

bool is_ident_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

bool iends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && iequals(text.substr(text.size() - suffix.size()), suffix);
}

// Length of a URI scheme prefix at the start of `text`, 0 if there is none.
std::size_t uri_scheme_length(std::string_view text) {
  for (std::string_view scheme : {"postgresql://", "postgres://"}) {
    if (istarts_with(text, scheme)) return scheme.size();
  }
  return 0;
}

// The keywords libpq knows; they are safe to show in an error message.
std::set<std::string> libpq_keywords() {
  std::set<std::string> keywords;
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> defaults(PQconndefaults(),
                                                                        &PQconninfoFree);
  for (auto* opt = defaults.get(); opt && opt->keyword; ++opt) keywords.insert(opt->keyword);
  return keywords;
}

// libpq's parse errors quote fragments of the string, which may be a password: keep only the
// fragments that are keywords or punctuation.
std::string sanitize_parse_error(std::string_view message) {
  const auto keywords = libpq_keywords();
  std::string out;
  std::size_t i = 0;
  while (i < message.size()) {
    std::size_t open = message.find('"', i);
    if (open == std::string_view::npos) break;
    std::size_t close = message.find('"', open + 1);
    if (close == std::string_view::npos) break;
    std::string fragment(message.substr(open + 1, close - open - 1));
    out.append(message.substr(i, open - i));
    out += '"';
    out += (fragment.size() <= 1 || keywords.count(fragment)) ? fragment : std::string("...");
    out += '"';
    i = close + 1;
  }
  out.append(message.substr(i));
  while (!out.empty() && is_space(out.back())) out.pop_back();
  return redact(out);
}

using OptionsPtr = std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)>;

OptionsPtr parse_or_throw(std::string_view dsn) {
  std::string text(dsn);
  char* raw_error = nullptr;
  OptionsPtr options(PQconninfoParse(text.c_str(), &raw_error), &PQconninfoFree);
  if (!options) {
    std::string reason = raw_error ? sanitize_parse_error(raw_error) : "out of memory";
    PQfreemem(raw_error);
    throw Error(codes::kConfigBadDatabaseUrl, ExitClass::kConfig, "invalid database URL: " + reason,
                "use a libpq URI (postgresql://user@host:5432/dbname) or key=value pairs "
                "(host=... port=... dbname=...)");
  }
  return options;
}

std::string quote_value(std::string_view value) {
  bool plain = !value.empty();
  for (char c : value) {
    if (is_space(c) || c == '\'' || c == '\\' || c == '=') plain = false;
  }
  if (plain) return std::string(value);
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  out += '\'';
  return out;
}

std::string join_keywords(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string out;
  for (const auto& [key, value] : pairs) {
    if (!out.empty()) out += ' ';
    out += key;
    out += '=';
    out += quote_value(value);
  }
  return out;
}

std::string env_or_empty(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::string os_user_name() {
  if (const passwd* pw = getpwuid(geteuid())) return pw->pw_name;
  return {};
}

}  // namespace

std::string redact(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const bool at_word_start = i == 0 || !is_ident_char(text[i - 1]);
    if (std::size_t scheme = at_word_start ? uri_scheme_length(text.substr(i)) : 0) {
      // URI user info ends at '@'; libpq never lets it span a '/'.
      std::size_t start = i + scheme;
      std::size_t j = start;
      while (j < n && text[j] != '@' && text[j] != '/' && text[j] != '"' && text[j] != '\'' &&
             !is_space(text[j]))
        ++j;
      out.append(text.substr(i, scheme));
      if (j < n && text[j] == '@') {
        std::string_view userinfo = text.substr(start, j - start);
        std::size_t colon = userinfo.find(':');
        if (colon != std::string_view::npos) {
          out.append(userinfo.substr(0, colon + 1));
          out.append(kMask);
        } else {
          out.append(userinfo);
        }
        out += '@';
        i = j + 1;
      } else {
        i = start;
      }
      continue;
    }
    if (at_word_start && is_ident_char(text[i])) {
      std::size_t j = i;
      while (j < n && is_ident_char(text[j])) ++j;
      std::string_view token = text.substr(i, j - i);
      std::size_t k = j;
      while (k < n && (text[k] == ' ' || text[k] == '\t')) ++k;
      if (iends_with(token, "password") && k < n && text[k] == '=') {
        ++k;
        const bool uri_query = i > 0 && (text[i - 1] == '?' || text[i - 1] == '&');
        if (!uri_query) {
          while (k < n && (text[k] == ' ' || text[k] == '\t')) ++k;
        }
        out.append(token);
        out += '=';
        out.append(kMask);
        if (uri_query) {
          while (k < n && text[k] != '&' && text[k] != '#' && !is_space(text[k])) ++k;
        } else if (k < n && text[k] == '\'') {
          ++k;
          while (k < n && text[k] != '\'') k += (text[k] == '\\' && k + 1 < n) ? 2 : 1;
          if (k < n) ++k;
        } else {
          while (k < n && !is_space(text[k])) ++k;
        }
        i = k;
        continue;
      }
      out.append(token);
      i = j;
      continue;
    }
    out += text[i];
    ++i;
  }
  return out;
}

std::map<std::string, std::string> parse_dsn(std::string_view dsn) {
  std::map<std::string, std::string> keywords;
  auto options = parse_or_throw(dsn);
  for (auto* opt = options.get(); opt->keyword; ++opt) {
    if (opt->val) keywords[opt->keyword] = opt->val;
  }
  return keywords;
}

std::string with_database(std::string_view dsn, std::string_view dbname) {
  auto options = parse_or_throw(dsn);
  std::vector<std::pair<std::string, std::string>> pairs;
  bool replaced = false;
  for (auto* opt = options.get(); opt->keyword; ++opt) {
    std::string_view keyword = opt->keyword;
    if (keyword == "dbname") {
      pairs.emplace_back(keyword, dbname);
      replaced = true;
    } else if (opt->val) {
      pairs.emplace_back(keyword, opt->val);
    }
  }
  if (!replaced) pairs.emplace_back("dbname", dbname);
  return join_keywords(pairs);
}

std::string database_name(std::string_view dsn) {
  auto keywords = parse_dsn(dsn);
  if (auto it = keywords.find("dbname"); it != keywords.end() && !it->second.empty()) {
    return it->second;
  }
  if (auto name = env_or_empty("PGDATABASE"); !name.empty()) return name;
  if (auto it = keywords.find("user"); it != keywords.end() && !it->second.empty()) {
    return it->second;
  }
  if (auto name = env_or_empty("PGUSER"); !name.empty()) return name;
  return os_user_name();
}

std::string build_dsn(const std::map<std::string, std::string>& keywords) {
  std::vector<std::pair<std::string, std::string>> pairs(keywords.begin(), keywords.end());
  std::string dsn = join_keywords(pairs);
  parse_or_throw(dsn);  // rejects keywords libpq does not know
  return dsn;
}

std::string describe_target(std::string_view dsn) {
  auto keywords = parse_dsn(dsn);
  auto pick = [&](const char* key, const char* env, std::string fallback) {
    if (auto it = keywords.find(key); it != keywords.end() && !it->second.empty()) {
      return it->second;
    }
    if (auto value = env_or_empty(env); !value.empty()) return value;
    return fallback;
  };
  std::string host = pick("host", "PGHOST", "");
  if (host.empty()) host = pick("hostaddr", "PGHOSTADDR", "the default socket");
  std::string port = pick("port", "PGPORT", "5432");
  return "database \"" + database_name(dsn) + "\" at " + host + ":" + port;
}

}  // namespace confiture::pg
