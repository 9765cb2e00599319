// Builds errors that name the file, line and column they come from.
#include "confiture/report/located_error.hpp"

#include <fmt/format.h>

namespace confiture::report {

std::string format_location(const SourceLocation& where) {
  std::string text = where.file;
  if (where.line > 0) {
    text += fmt::format(":{}", where.line);
    if (where.column > 0) text += fmt::format(":{}", where.column);
  }
  return text;
}

Error located_error(const char* code, const SourceLocation& where, const std::string& message,
                    std::string hint) {
  Error error(code, ExitClass::kConfig, fmt::format("{}: {}", format_location(where), message),
              std::move(hint));
  error.location = where;
  error.details["file"] = where.file;
  if (where.line > 0) error.details["line"] = where.line;
  return error;
}

}  // namespace confiture::report
