// Turns library results and errors into what the CLI prints: the SPEC §5 JSON envelope or
// human text. Pure functions: nothing here writes to a terminal.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "confiture/report/error.hpp"

namespace confiture::report {

struct Style {
  bool color = false;  // ANSI colour: only on a TTY and never with NO_COLOR set
};

// {"ok": false, "error": {"code", "severity", "message", "actionable", "details", "migration",
// "file", "line"}} (plus "column" when known).
nlohmann::json error_envelope(const Error& error);

// "error[SCHEMA_208]: message\n  --> file:line:col\n  hint: ...".
std::string error_text(const Error& error, const Style& style);

// Wraps a command's result: {"ok": true, ...result fields}.
nlohmann::json success_envelope(nlohmann::json result);

std::string warning_text(const std::string& message, const Style& style);

}  // namespace confiture::report
