// Anonymisation strategies, applied in the COPY stream in C++ (the source database runs no
// masking function). Each strategy lives in its own file under src/sync/anonymize/.
// Keyed strategies are deterministic under the key: the same input gives the same output in
// every table, column and run (so joins on anonymised columns still work); NULL stays NULL (the
// caller never passes NULL in); no original value survives in the output.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace confiture::sync {

// A rule's strategy and its options, as written in a profile or on the command line.
struct StrategySpec {
  std::string strategy;                        // "email", "hash", ...
  std::map<std::string, std::string> options;  // strategy-specific, e.g. {"domain", "example.org"}
  std::string seed;     // optional extra context mixed into the key: different seeds give unrelated
                        // outputs for the same input; empty = none (the default, so joins work)
  std::string key_env;  // environment variable holding the key; empty = the profile's default
};

// What a strategy needs to know about the column it rewrites.
struct ColumnInfo {
  std::string table;         // display name, for messages
  std::string column;        // for messages
  std::string type;          // format_type, e.g. "character varying(80)"
  char type_category = 'S';  // pg_type.typcategory of the (base) type: 'S' string, 'D' date/time,
                             // 'I' network, 'N' numeric, ...
  std::string base_type;     // the type under a domain (format_type without modifier is fine)
  int max_length = -1;       // n of varchar(n)/char(n); outputs are cut to fit, -1: no limit
  bool not_null = false;
};

// The secret key of keyed strategies (HMAC-SHA-256). Never printed.
class AnonKey {
 public:
  explicit AnonKey(std::string secret) : secret_(std::move(secret)) {}
  const std::string& secret() const { return secret_; }

 private:
  std::string secret_;
};

class Anonymizer {
 public:
  virtual ~Anonymizer() = default;
  // `value` is the column value in PostgreSQL's text form (already decoded from COPY escaping),
  // never NULL. Writes the replacement's text form into `out` (empty on entry). Returns false
  // when the replacement is SQL NULL. One instance is used by one thread at a time.
  // Throws ANON_1400 (exit 5) for a value the strategy cannot read (`date_shift`: not an ISO
  // date/timestamp; `ip`: not an IPv4/IPv6 address); the message names table.column, never the
  // value.
  virtual bool apply(std::string_view value, std::string& out) = 0;
};

struct StrategyInfo {
  std::string_view name;
  bool keyed;                                 // needs an AnonKey
  std::string_view summary;                   // one line, for docs and error hints
  std::span<const std::string_view> options;  // the option keys it accepts
};

// Every strategy, in the order docs/sync.md lists them.
std::span<const StrategyInfo> strategies();
const StrategyInfo* find_strategy(std::string_view name);  // nullptr when unknown

// Builds the anonymizer of `spec` for `column`. Options (all values are strings):
//   email       domain (default example.com), keep_domain (true/false; excludes domain)
//   hash        length (hex characters, 20..64, default 32), prefix
//   date_shift  days (1..36500, default 30)
//   fixed       value (required)
// and none for the others. Outputs are cut to column.max_length characters.
// Errors (confiture::Error):
//  ANON_1400 (exit 5): unknown strategy (hint lists the known ones), unknown or invalid option,
//            or a strategy that cannot produce the column's type (e.g. `email` on an integer,
//            `null` on a NOT NULL column); the message names table.column.
//  ANON_1401 (exit 5): a keyed strategy and no key.
std::unique_ptr<Anonymizer> make_anonymizer(const StrategySpec& spec, const ColumnInfo& column,
                                            const AnonKey* key);

}  // namespace confiture::sync
