// `phone`: every digit replaced (never by itself), the format kept, deterministic.
#include <catch2/catch.hpp>
#include <string>

#include "confiture/sync/anonymizer.hpp"

using namespace confiture::sync;

namespace {

const AnonKey kKey("phone-test-secret");

std::unique_ptr<Anonymizer> phone(int max_length = -1, std::string seed = {},
                                  const AnonKey& key = kKey) {
  ColumnInfo column{"users",    "phone", "character varying(40)", 'S', "character varying",
                    max_length, false};
  return make_anonymizer({"phone", {}, std::move(seed), ""}, column, &key);
}

std::string anonymized(Anonymizer& anonymizer, std::string_view value) {
  std::string out;
  REQUIRE(anonymizer.apply(value, out));
  return out;
}

}  // namespace

TEST_CASE("phone replaces every digit and keeps the rest") {
  auto anonymizer = phone();
  for (std::string_view value :
       {"+1 (555) 123-4567", "06 12 34 56 78", "555.123.4567", "+44 20 7946 0958 ext. 12",
        "0000000000", "9999999999", "1234567890123456789012345678901234567890123456789"}) {
    INFO(value);
    std::string out = anonymized(*anonymizer, value);
    REQUIRE(out.size() == value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
      bool digit = value[i] >= '0' && value[i] <= '9';
      if (digit) {
        CHECK(out[i] >= '0');
        CHECK(out[i] <= '9');
        CHECK(out[i] != value[i]);
      } else {
        CHECK(out[i] == value[i]);
      }
    }
  }
}

TEST_CASE("phone replacements are spread over the digits") {
  auto anonymizer = phone();
  int counts[10] = {};
  for (int i = 0; i < 2000; ++i) {
    for (char c : anonymized(*anonymizer, "555-" + std::to_string(1000000 + i))) {
      if (c >= '0' && c <= '9') ++counts[c - '0'];
    }
  }
  for (int count : counts) CHECK(count > 1000);
}

TEST_CASE("phone is deterministic under the key and changes with key and seed") {
  std::string out = anonymized(*phone(), "+33 6 12 34 56 78");
  CHECK(anonymized(*phone(), "+33 6 12 34 56 78") == out);
  CHECK(anonymized(*phone(-1, {}, AnonKey("other")), "+33 6 12 34 56 78") != out);
  CHECK(anonymized(*phone(-1, "seed"), "+33 6 12 34 56 78") != out);
}

TEST_CASE("phone without digits and in a short column") {
  CHECK(anonymized(*phone(), "n/a") == "n/a");
  CHECK(anonymized(*phone(), "").empty());
  CHECK(anonymized(*phone(5), "555-123-4567").size() == 5);
}
