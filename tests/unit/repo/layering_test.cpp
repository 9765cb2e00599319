// Guards ARCHITECTURE.md's layering: every #include in src/ and include/ points down a layer (a
// module includes another module's public header only, and never a private one), and the CMake
// link graph of src/CMakeLists.txt declares exactly the edges the includes make.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

// ARCHITECTURE.md's layers, lowest first. Within the base layer, report is the floor (errors,
// digests, names: every module uses it) and pg builds on config (it resolves the configured
// target); diff builds on catalog. A module may include only modules of a lower number.
const std::map<std::string, int> kLevel{
    {"report", 0}, {"config", 1}, {"sql", 1},     {"pg", 2},   {"catalog", 3},
    {"diff", 4},   {"build", 5},  {"migrate", 5}, {"sync", 5}, {"compare", 6},
    {"online", 6}, {"lint", 6},   {"graphql", 6}, {"cli", 7},
};

std::string read(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

using Edges = std::map<std::string, std::set<std::string>>;

struct Includes {
  Edges edges;                        // module -> modules whose public headers it includes
  std::vector<std::string> private_;  // "src/diff/x.cpp: sql/y.hpp"
  std::vector<std::string> unknown;   // files outside any known module
};

// The module a file belongs to: src/<module>/... or include/confiture/<module>/...
std::string module_of(const fs::path& relative) {
  auto part = relative.begin();
  if (part == relative.end()) return {};
  const std::string top = (part++)->string();
  if (top == "include" && part != relative.end()) ++part;  // confiture/
  return part == relative.end() ? std::string{} : part->string();
}

Includes scan(const fs::path& root) {
  static const std::regex include(R"re(^\s*#\s*include\s+"([^"]+)")re");
  Includes found;
  for (const char* top : {"src", "include"}) {
    for (const auto& entry : fs::recursive_directory_iterator(root / top)) {
      const std::string extension = entry.path().extension().string();
      if (extension != ".cpp" && extension != ".hpp") continue;
      const fs::path relative = entry.path().lexically_relative(root);
      const std::string module = module_of(relative);
      if (!kLevel.count(module)) {
        if (entry.path().parent_path() != root / "src") found.unknown.push_back(relative.string());
        continue;
      }
      std::istringstream lines(read(entry.path()));
      for (std::string line; std::getline(lines, line);) {
        std::smatch match;
        if (!std::regex_search(line, match, include)) continue;
        const fs::path target(match[1].str());
        auto first = target.begin();
        if (first->string() == "confiture") {
          const std::string used = std::next(first)->string();
          if (used != module) found.edges[module].insert(used);
        } else if (kLevel.count(first->string()) && first->string() != module) {
          found.private_.push_back(relative.string() + ": " + target.string());
        }
      }
    }
  }
  return found;
}

// target_link_libraries(confiture_<module> PUBLIC confiture_<other> ...) of src/CMakeLists.txt.
Edges cmake_edges(const fs::path& root) {
  static const std::regex link(R"re(target_link_libraries\(confiture_(\w+)\s+PUBLIC([^)]*)\))re");
  static const std::regex dependency(R"re(confiture_(\w+))re");
  const std::string text = read(root / "src" / "CMakeLists.txt");
  Edges edges;
  for (std::sregex_iterator it(text.begin(), text.end(), link), end; it != end; ++it) {
    const std::string list = (*it)[2];
    for (std::sregex_iterator d(list.begin(), list.end(), dependency); d != end; ++d) {
      edges[(*it)[1]].insert((*d)[1]);
    }
  }
  return edges;
}

std::string joined(const std::set<std::string>& modules) {
  std::string out;
  for (const std::string& module : modules) out += (out.empty() ? "" : " ") + module;
  return out;
}

}  // namespace

TEST_CASE(
    "layering: every #include points down a layer, never at another module's private header") {
  const Includes found = scan(CONFITURE_SOURCE_DIR);
  for (const std::string& file : found.unknown) {
    FAIL_CHECK("not in a module of ARCHITECTURE.md: " << file);
  }
  for (const std::string& include : found.private_) {
    FAIL_CHECK("includes another module's private header: " << include);
  }
  for (const auto& [module, used] : found.edges) {
    for (const std::string& other : used) {
      INFO(module << " includes " << other);
      REQUIRE(kLevel.count(other));
      CHECK(kLevel.at(other) < kLevel.at(module));
    }
  }
  CHECK(found.edges.size() >= 9);
}

TEST_CASE("layering: the CMake link graph declares the same module edges as the includes") {
  Edges included = scan(CONFITURE_SOURCE_DIR).edges;
  included.erase("cli");  // the executable links the whole library
  Edges linked = cmake_edges(CONFITURE_SOURCE_DIR);
  std::set<std::string> modules;
  for (const auto& [module, used] : included) modules.insert(module);
  for (const auto& [module, used] : linked) modules.insert(module);
  for (const std::string& module : modules) {
    INFO("module " << module << " (includes, then CMake links)");
    CHECK(joined(included[module]) == joined(linked[module]));
  }
}
