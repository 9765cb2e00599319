// Errors that point at a place in a file the user wrote (environment YAML, a sync profile): the
// message starts with file:line[:col] so it reads well on its own, and Error::location carries the
// same place for JSON output.
#pragma once

#include <string>

#include "confiture/report/error.hpp"

namespace confiture::report {

// "file:line:column" with the parts that are known (line/column 0 mean unknown).
std::string format_location(const SourceLocation& where);

// Exit class kConfig: the file needs fixing.
Error located_error(const char* code, const SourceLocation& where, const std::string& message,
                    std::string hint = {});

}  // namespace confiture::report
