// `email`: deterministic under the key, unique, sharing nothing with the input.
#include <catch2/catch.hpp>
#include <string>
#include <unordered_set>

#include "confiture/sync/anonymizer.hpp"

using namespace confiture::sync;

namespace {

const AnonKey kKey("email-test-secret");

std::unique_ptr<Anonymizer> email(std::map<std::string, std::string> options = {},
                                  int max_length = -1, std::string seed = {},
                                  const AnonKey& key = kKey) {
  ColumnInfo column{"users", "email", "text", 'S', "text", max_length, false};
  return make_anonymizer({"email", std::move(options), std::move(seed), ""}, column, &key);
}

std::string anonymized(Anonymizer& anonymizer, std::string_view value) {
  std::string out;
  REQUIRE(anonymizer.apply(value, out));
  return out;
}

bool is_base32(std::string_view text) {
  for (char c : text) {
    if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("email gives a base32 local part at example.com") {
  auto anonymizer = email();
  std::string out = anonymized(*anonymizer, "alice.smith@acme-corp.com");
  REQUIRE(out.size() == 20 + std::string("@example.com").size());
  CHECK(out.ends_with("@example.com"));
  CHECK(is_base32(out.substr(0, 20)));
}

TEST_CASE("email is deterministic under a key and changes with the key and the seed") {
  std::string value = "bob@example.org";
  std::string out = anonymized(*email(), value);
  CHECK(anonymized(*email(), value) == out);
  auto reused = email();
  anonymized(*reused, "someone.else@example.org");
  CHECK(anonymized(*reused, value) == out);
  CHECK(anonymized(*email({}, -1, {}, AnonKey("another-key")), value) != out);
  CHECK(anonymized(*email({}, -1, "2024-q1"), value) != out);
}

TEST_CASE("email keeps 200,000 distinct inputs distinct") {
  auto anonymizer = email();
  std::unordered_set<std::string> outputs;
  std::string out;
  for (int i = 0; i < 200000; ++i) {
    out.clear();
    anonymizer->apply("user" + std::to_string(i) + "@example.org", out);
    outputs.insert(out);
  }
  CHECK(outputs.size() == 200000);
}

TEST_CASE("email output shares nothing with the input") {
  auto anonymizer = email();
  for (std::string_view value : {"jane.doe@corp.example", "john@gmail.com", "x@y.fr",
                                 "no-at-sign-here", "", "weird@@double"}) {
    INFO(value);
    std::string out = anonymized(*anonymizer, value);
    std::string local(value.substr(0, value.find('@')));
    if (local.size() >= 3) CHECK(out.find(local) == std::string::npos);
    auto at = value.rfind('@');
    if (at != std::string_view::npos && value.size() - at > 3) {
      CHECK(out.find(value.substr(at + 1)) == std::string::npos);
    }
    CHECK(out.ends_with("@example.com"));
  }
}

TEST_CASE("email domain options") {
  CHECK(anonymized(*email({{"domain", "test.invalid"}}), "a@b.com").ends_with("@test.invalid"));
  CHECK(anonymized(*email({{"keep_domain", "true"}}), "a@b.com").ends_with("@b.com"));
  CHECK(anonymized(*email({{"keep_domain", "true"}}), "no-domain").ends_with("@example.com"));
  CHECK(anonymized(*email({{"keep_domain", "false"}}), "a@b.com").ends_with("@example.com"));
}

TEST_CASE("email in a short column shortens the local part and stays an address") {
  std::string out = anonymized(*email({}, 25), "long.name@company.example");
  CHECK(out.size() == 25);
  CHECK(out.ends_with("@example.com"));
  CHECK(out.find('@') == 13);  // 25 - strlen("@example.com")

  std::string tiny = anonymized(*email({}, 13), "a@b.c");
  CHECK(tiny.size() == 13);
  CHECK(tiny.ends_with("@example.com"));
  CHECK(tiny.find('@') == 1);

  std::string cut = anonymized(*email({}, 8), "a@b.c");
  CHECK(cut.size() == 8);
  CHECK(cut.find('@') == std::string::npos);
  CHECK(cut == anonymized(*email(), "a@b.c").substr(0, 8));
}
