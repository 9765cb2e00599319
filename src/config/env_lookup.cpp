// The process environment as an EnvLookup.
#include "confiture/config/env_lookup.hpp"

#include <cstdlib>

namespace confiture::config {

EnvLookup process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

}  // namespace confiture::config
