// Test helpers for the config module: a fake environment and a way to catch the expected
// confiture::Error. Project directories come from tests/support/project_files.hpp.
#pragma once

#include <map>
#include <stdexcept>
#include <string>

#include "confiture/config/env_lookup.hpp"
#include "confiture/report/error.hpp"
#include "project_files.hpp"

namespace confiture::config::test {

// An EnvLookup over a fixed map: tests never read the real process environment.
inline EnvLookup fake_env(std::map<std::string, std::string> vars = {}) {
  return [vars = std::move(vars)](const std::string& name) -> std::optional<std::string> {
    const auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  };
}

// Runs `fn`, which must throw confiture::Error, and returns the error.
template <typename Fn>
Error error_of(Fn&& fn) {
  try {
    fn();
  } catch (const Error& e) {
    return e;
  }
  throw std::logic_error("expected a confiture::Error, nothing was thrown");
}

}  // namespace confiture::config::test
