// Guards the suite itself: catch_discover_tests registers each Catch2 test case with ctest by
// name, and CMake cuts a name at its first ';' (a list separator). The cut name matches no test,
// Catch2 reports "No tests ran" and exits 0, so ctest counts a test that never ran as passed.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

// The name of each TEST_CASE / SCENARIO in `text`: its adjacent string literals joined.
std::vector<std::string> test_names(const std::string& text) {
  static const std::regex test_case(
      R"re((TEST_CASE|SCENARIO)\s*\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+))re");
  static const std::regex literal(R"re("((?:[^"\\]|\\.)*)")re");
  std::vector<std::string> names;
  for (std::sregex_iterator it(text.begin(), text.end(), test_case), end; it != end; ++it) {
    const std::string literals = (*it)[2];
    std::string name;
    for (std::sregex_iterator part(literals.begin(), literals.end(), literal); part != end;
         ++part) {
      name += (*part)[1];
    }
    names.push_back(name);
  }
  return names;
}

}  // namespace

TEST_CASE("ctest runs every test case: no Catch2 test name holds a semicolon") {
  const fs::path tests = fs::path(CONFITURE_SOURCE_DIR) / "tests";
  std::size_t seen = 0;
  for (const auto& entry : fs::recursive_directory_iterator(tests)) {
    if (entry.path().extension() != ".cpp") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    for (const std::string& name : test_names(text.str())) {
      ++seen;
      INFO(entry.path().lexically_relative(tests).string() << ": " << name);
      CHECK(name.find(';') == std::string::npos);
    }
  }
  CHECK(seen > 300);
}
