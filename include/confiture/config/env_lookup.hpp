// How configuration reads environment variables: through a function value, so tests (and
// commands that must not depend on the caller's shell) can supply their own variables.
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace confiture::config {

// Returns the value of a variable, or nullopt when it is not set.
using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;

// The real process environment (getenv).
EnvLookup process_environment();

}  // namespace confiture::config
