// The one error type of the library: a stable code, an exit class (SPEC §5), a message, a hint
// and details. Only src/cli/ catches it and renders it as text or as the JSON envelope.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

namespace confiture {

// Process exit codes, shared with the Python tool (SPEC §5).
enum class ExitClass : int {
  kOk = 0,
  kFailure = 1,     // generic failure; status: pending; a check found problems
  kNoLedger = 2,    // tracking table absent
  kConnection = 3,  // cannot connect, or a migration failed
  kSchema = 4,      // schema / DDL / build error
  kConfig = 5,      // invalid configuration or arguments
  kLock = 6,        // lock contention
  kSafety = 7,      // preflight / safety gate failed
  kRollback = 8,    // rollback impossible
};

struct SourceLocation {
  std::string file;  // as the user would type it (relative to the project when possible)
  int line = 0;      // 1-based; 0 when unknown
  int column = 0;    // 1-based; 0 when unknown
};

class Error : public std::runtime_error {
 public:
  Error(std::string code, ExitClass exit_class, const std::string& message, std::string hint = {})
      : std::runtime_error(message),
        code(std::move(code)),
        exit_class(exit_class),
        hint(std::move(hint)) {}

  std::string code;  // stable, documented in docs/exit-codes.md, e.g. "SCHEMA_201"
  ExitClass exit_class;
  std::string hint;  // what the user can do about it; empty when there is nothing to say
  nlohmann::json details = nlohmann::json::object();
  std::optional<SourceLocation> location;
  std::optional<std::string> migration;
};

}  // namespace confiture
