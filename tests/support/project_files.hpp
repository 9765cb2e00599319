// A throwaway project directory for tests: write files into it, get an Environment for it.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "confiture/config/environment.hpp"

namespace confiture::test {

class ProjectDir {
 public:
  ProjectDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("confiture-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~ProjectDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ProjectDir(const ProjectDir&) = delete;
  ProjectDir& operator=(const ProjectDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  void write(const std::string& relative, const std::string& content) const {
    auto file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
  }

  std::string read(const std::string& relative) const {
    std::ifstream in(path_ / relative, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  config::Environment environment(const std::string& name = "local") const {
    config::Environment env;
    env.name = name;
    env.project_dir = path_;
    env.include_dirs.resize(1);
    env.include_dirs[0].path = "db/schema";
    return env;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace confiture::test
