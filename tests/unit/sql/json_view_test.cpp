// JsonView: the lazy reader for libpg_query's JSON parse trees.
#include "confiture/sql/json_view.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using confiture::sql::JsonView;

TEST_CASE("JsonView finds members past nested values", "[sql][json]") {
  const JsonView root(R"( {"a": {"x": [1, "}]", {"y": "\"{"}]}, "b" : 42, "c": true, "d": "s"} )");
  CHECK(root.is_object());
  CHECK(root["b"].as_int() == 42);
  CHECK(root["c"].as_bool());
  CHECK_FALSE(root["d"].as_bool());
  CHECK(root["d"].as_string() == "s");
  CHECK(root["a"]["x"].is_array());
  CHECK_FALSE(root["missing"].present());
  CHECK_FALSE(root["missing"]["deeper"].present());
  CHECK(root["a"].first_key() == "x");
  CHECK(root["a"].first_value().is_array());

  std::vector<std::string> elements;
  root["a"]["x"].for_each_element([&](JsonView e) { elements.emplace_back(e.raw()); });
  CHECK(elements == std::vector<std::string>{"1", "\"}]\"", R"({"y": "\"{"})"});
}

TEST_CASE("JsonView decodes string escapes", "[sql][json]") {
  CHECK(JsonView(R"("a\"b\\c\/d\n\t")").as_string() == "a\"b\\c/d\n\t");
  CHECK(JsonView(R"("\u00e9\u20ac")").as_string() == "é€");
  CHECK(JsonView(R"("\ud83d\ude00")").as_string() == "😀");
  CHECK(JsonView("\"raw é\"").as_string() == "raw é");
  CHECK(JsonView("12").as_string().empty());
}

TEST_CASE("JsonView stays inside malformed or truncated text", "[sql][json]") {
  const JsonView truncated(R"({"a": [1, 2)");
  CHECK(truncated.raw().empty());
  std::vector<std::string> elements;
  truncated["a"].for_each_element([&](JsonView e) { elements.emplace_back(e.raw()); });
  CHECK(elements == std::vector<std::string>{"1", "2"});
  CHECK_FALSE(truncated["b"].present());
  CHECK(JsonView(R"("open)").as_string().empty());
  CHECK_FALSE(JsonView("").present());
  CHECK_FALSE(JsonView(R"({"a" 1, "b": 2})")["b"].present());
  CHECK_FALSE(JsonView("x1").as_int());
}

TEST_CASE("JsonView values end where their text ends", "[sql][json]") {
  const JsonView root(R"({"a": {"b": 1}, "c": [2]} trailing)");
  CHECK(root.raw() == R"({"a": {"b": 1}, "c": [2]})");
  CHECK(root["a"].raw() == R"({"b": 1})");
  CHECK(root["c"].raw() == "[2]");
}
