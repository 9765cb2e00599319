// `address`: "<number> <street> <suffix>, <city>" from the lists, nothing of the original reused.
#include <catch2/catch.hpp>
#include <string>

#include "confiture/sync/anonymizer.hpp"
#include "sync/anonymize/word_lists.hpp"

using namespace confiture::sync;
namespace lists = confiture::sync::anonymize;

namespace {

const AnonKey kKey("address-test-secret");

std::unique_ptr<Anonymizer> address(int max_length = -1, std::string seed = {}) {
  ColumnInfo column{"customers", "street", "text", 'S', "text", max_length, false};
  return make_anonymizer({"address", {}, std::move(seed), ""}, column, &kKey);
}

std::string anonymized(Anonymizer& anonymizer, std::string_view value) {
  std::string out;
  REQUIRE(anonymizer.apply(value, out));
  return out;
}

bool listed(std::span<const std::string_view> list, std::string_view word) {
  for (std::string_view entry : list) {
    if (entry == word) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("address has the shape of a street address") {
  auto anonymizer = address();
  for (int i = 0; i < 200; ++i) {
    std::string out = anonymized(*anonymizer, std::to_string(i) + " Some Road, Sometown");
    INFO(out);
    auto space1 = out.find(' ');
    auto space2 = out.find(' ', space1 + 1);
    auto comma = out.find(", ");
    REQUIRE(space1 != std::string::npos);
    REQUIRE(space2 != std::string::npos);
    REQUIRE(comma != std::string::npos);
    int number = std::stoi(out.substr(0, space1));
    CHECK(number >= 1);
    CHECK(number <= 9999);
    CHECK(listed(lists::street_names(), out.substr(space1 + 1, space2 - space1 - 1)));
    CHECK(listed(lists::street_suffixes(), out.substr(space2 + 1, comma - space2 - 1)));
    CHECK(listed(lists::city_names(), out.substr(comma + 2)));
  }
}

TEST_CASE("address reuses no word nor house number of the original") {
  auto anonymizer = address();
  for (std::string_view street : lists::street_names()) {
    std::string value = "742 " + std::string(street) + " Street, Springfield";
    std::string out = anonymized(*anonymizer, value);
    INFO(value << " -> " << out);
    CHECK_FALSE(lists::shares_fragment(out, street));
    CHECK(out.find("Street") == std::string::npos);
    CHECK(out.find("Springfield") == std::string::npos);
    CHECK(out.find("742") == std::string::npos);
  }
}

TEST_CASE("address is deterministic and seeded") {
  std::string out = anonymized(*address(), "1 Infinite Loop, Cupertino");
  CHECK(anonymized(*address(), "1 Infinite Loop, Cupertino") == out);
  CHECK(anonymized(*address(-1, "s"), "1 Infinite Loop, Cupertino") != out);
  CHECK(anonymized(*address(10), "1 Infinite Loop, Cupertino") == out.substr(0, 10));
}

TEST_CASE("shares_fragment finds a word inside or around another, any case") {
  CHECK(lists::shares_fragment("Mary Smith", "mary"));
  CHECK(lists::shares_fragment("smith-jones", "Jones"));
  CHECK(lists::shares_fragment("Maryland", "Mary"));
  CHECK(lists::shares_fragment("Carol", "Carolyn"));
  CHECK(lists::shares_fragment("1742 Elm", "742"));
  CHECK(lists::shares_fragment("in Mount Vernon.", "Mount Vernon"));
  CHECK_FALSE(lists::shares_fragment("Al Bo", "Alice"));  // words under 3 characters
  CHECK_FALSE(lists::shares_fragment("Grace Hopper", "Linda"));
}
