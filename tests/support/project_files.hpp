// A throwaway project directory for tests: write files into it, get an Environment for it.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "confiture/config/environment.hpp"
#include "temp_dir.hpp"

namespace confiture::test {

class ProjectDir {
 public:
  const std::filesystem::path& path() const { return dir_.path(); }

  // Writes `content` to path()/relative (creating parents) and returns the absolute path.
  std::filesystem::path write(const std::string& relative, const std::string& content) const {
    auto file = path() / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }

  std::filesystem::path write_env(const std::string& name, const std::string& content) const {
    return write("db/environments/" + name + ".yaml", content);
  }

  std::string read(const std::string& relative) const {
    std::ifstream in(path() / relative, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  config::Environment environment(const std::string& name = "local") const {
    config::Environment env;
    env.name = name;
    env.project_dir = path();
    env.include_dirs.resize(1);
    env.include_dirs[0].path = "db/schema";
    return env;
  }

 private:
  TempDir dir_ = make_temp_dir("confiture-project-");
};

}  // namespace confiture::test
