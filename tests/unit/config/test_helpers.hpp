// Test helpers for the config module: a throwaway project directory, a fake environment and
// a way to catch the expected confiture::Error.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>

#include "confiture/config/env_lookup.hpp"
#include "confiture/report/error.hpp"

namespace confiture::config::test {

// A fresh directory under the system temp dir, removed when the test ends.
class TempProject {
 public:
  TempProject() {
    static std::atomic<int> counter{0};
    dir_ =
        std::filesystem::temp_directory_path() /
        ("confiture-config-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  ~TempProject() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  TempProject(const TempProject&) = delete;
  TempProject& operator=(const TempProject&) = delete;

  const std::filesystem::path& dir() const { return dir_; }

  // Writes `text` to dir/relative (creating parents) and returns the absolute path.
  std::filesystem::path write(const std::string& relative, const std::string& text) const {
    const std::filesystem::path file = dir_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << text;
    return file;
  }

  std::filesystem::path write_env(const std::string& name, const std::string& text) const {
    return write("db/environments/" + name + ".yaml", text);
  }

 private:
  std::filesystem::path dir_;
};

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
