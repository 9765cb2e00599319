// ${VAR} and ${VAR:-default} expansion, applied to every string value of a configuration file
// (SPEC §2 fix: the Python tool expanded only some keys).
#pragma once

#include <string>
#include <string_view>

#include "confiture/config/env_lookup.hpp"
#include "confiture/report/error.hpp"

namespace confiture::config {

// Expands `${NAME}` and `${NAME:-default}` (default used when NAME is unset or empty) and turns
// `$${` into a literal `${`. A lone `$` or `$NAME` stays as written, because passwords and
// SQL text often contain dollars. The result is not scanned again.
// Throws Error kConfigUnsetVariable (unset, no default) or kConfigInvalidValue (malformed
// reference), both located at `where`.
std::string expand_variables(std::string_view text, const EnvLookup& env,
                             const SourceLocation& where);

}  // namespace confiture::config
