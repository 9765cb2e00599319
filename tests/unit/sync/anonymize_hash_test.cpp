// `hash`: lowercase hex of the keyed HMAC, unique, sized by `length`, after `prefix`.
#include <catch2/catch.hpp>
#include <string>
#include <unordered_set>

#include "confiture/sync/anonymizer.hpp"

using namespace confiture::sync;

namespace {

const AnonKey kKey("hash-test-secret");

std::unique_ptr<Anonymizer> make(std::string strategy,
                                 std::map<std::string, std::string> options = {},
                                 int max_length = -1, std::string seed = {},
                                 const AnonKey& key = kKey) {
  ColumnInfo column{"accounts", "token", "text", 'S', "text", max_length, false};
  return make_anonymizer({std::move(strategy), std::move(options), std::move(seed), ""}, column,
                         &key);
}

std::string anonymized(Anonymizer& anonymizer, std::string_view value) {
  std::string out;
  REQUIRE(anonymizer.apply(value, out));
  return out;
}

bool is_lower_hex(std::string_view text) {
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("hash is 32 lowercase hex characters by default") {
  std::string out = anonymized(*make("hash"), "secret-token-123");
  CHECK(out.size() == 32);
  CHECK(is_lower_hex(out));
}

TEST_CASE("hash length and prefix") {
  std::string full = anonymized(*make("hash", {{"length", "64"}}), "v");
  CHECK(full.size() == 64);
  CHECK(is_lower_hex(full));
  CHECK(anonymized(*make("hash"), "v") == full.substr(0, 32));
  CHECK(anonymized(*make("hash", {{"length", "21"}}), "v") == full.substr(0, 21));
  CHECK(anonymized(*make("hash", {{"length", "20"}, {"prefix", "tok_"}}), "v") ==
        "tok_" + full.substr(0, 20));
}

TEST_CASE("hash is deterministic, keyed and seeded") {
  std::string out = anonymized(*make("hash"), "value");
  CHECK(anonymized(*make("hash"), "value") == out);
  CHECK(anonymized(*make("hash", {}, -1, {}, AnonKey("other")), "value") != out);
  CHECK(anonymized(*make("hash", {}, -1, "s"), "value") != out);
  CHECK(anonymized(*make("hash"), "value ") != out);
}

TEST_CASE("hash and email of the same value are unrelated") {
  // Were both one HMAC, the email's 20 base32 characters would spell the hash's first 100 bits.
  std::string hashed = anonymized(*make("hash"), "same@example.org");
  std::string mailed = anonymized(*make("email"), "same@example.org");
  std::string_view base32 = "abcdefghijklmnopqrstuvwxyz234567";
  std::string_view hex = "0123456789abcdef";
  std::string bits;
  for (char c : mailed.substr(0, 16)) {
    auto v = base32.find(c);
    for (int shift = 4; shift >= 0; --shift) bits.push_back(((v >> shift) & 1) ? '1' : '0');
  }
  std::string as_hex;
  for (std::size_t i = 0; i < bits.size(); i += 4)
    as_hex.push_back(hex[std::stoi(bits.substr(i, 4), nullptr, 2)]);
  CHECK(as_hex != hashed.substr(0, 20));
}

TEST_CASE("hash keeps 200,000 distinct inputs distinct") {
  auto anonymizer = make("hash", {{"length", "20"}});
  std::unordered_set<std::string> outputs;
  std::string out;
  for (int i = 0; i < 200000; ++i) {
    out.clear();
    anonymizer->apply(std::to_string(i), out);
    outputs.insert(out);
  }
  CHECK(outputs.size() == 200000);
}

TEST_CASE("hash in a short column is cut") {
  CHECK(anonymized(*make("hash", {{"prefix", "id-"}}, 10), "v") ==
        anonymized(*make("hash", {{"prefix", "id-"}}), "v").substr(0, 10));
}
