// `credit_card`: Luhn-valid, last 4 digits and separators kept, no other digit in its place.
#include <catch2/catch.hpp>
#include <random>
#include <string>

#include "confiture/sync/anonymizer.hpp"

using namespace confiture::sync;

namespace {

const AnonKey kKey("card-test-secret");

std::unique_ptr<Anonymizer> card(int max_length = -1, std::string seed = {}) {
  ColumnInfo column{"payments", "card_number", "text", 'S', "text", max_length, false};
  return make_anonymizer({"credit_card", {}, std::move(seed), ""}, column, &kKey);
}

std::string anonymized(Anonymizer& anonymizer, std::string_view value) {
  std::string out;
  REQUIRE(anonymizer.apply(value, out));
  return out;
}

bool luhn_valid(std::string_view number) {
  int sum = 0;
  bool doubled = false;
  for (auto it = number.rbegin(); it != number.rend(); ++it) {
    if (*it < '0' || *it > '9') continue;
    int digit = *it - '0';
    if (doubled) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
    doubled = !doubled;
  }
  return sum % 10 == 0;
}

std::string digits_of(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits;
}

}  // namespace

TEST_CASE("credit_card keeps the last four digits and the separators, Luhn-valid") {
  auto anonymizer = card();
  for (std::string_view value : {"4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111",
                                 "378282246310005", "6011 0009 9013 9424", "5555555555554444"}) {
    std::string out = anonymized(*anonymizer, value);
    INFO(value << " -> " << out);
    REQUIRE(out.size() == value.size());
    CHECK(out.substr(out.size() - 4) == value.substr(value.size() - 4));
    for (std::size_t i = 0; i < value.size(); ++i) {
      if (value[i] == ' ' || value[i] == '-') CHECK(out[i] == value[i]);
    }
    CHECK(luhn_valid(out));
  }
}

TEST_CASE("credit_card replaces every other digit in its place, over many random cards") {
  auto anonymizer = card();
  std::mt19937_64 random(42);
  for (int n = 0; n < 20000; ++n) {
    std::size_t length = 13 + random() % 7;
    std::string value;
    for (std::size_t i = 0; i < length; ++i)
      value.push_back(static_cast<char>('0' + random() % 10));
    std::string out = anonymized(*anonymizer, value);
    INFO(value << " -> " << out);
    REQUIRE(out.size() == value.size());
    REQUIRE(luhn_valid(out));
    for (std::size_t i = 0; i + 4 < length; ++i) REQUIRE(out[i] != value[i]);
    REQUIRE(out.substr(length - 4) == value.substr(length - 4));
  }
}

TEST_CASE("credit_card is deterministic and seeded") {
  std::string out = anonymized(*card(), "4111 1111 1111 1111");
  CHECK(anonymized(*card(), "4111 1111 1111 1111") == out);
  CHECK(anonymized(*card(-1, "s"), "4111 1111 1111 1111") != out);
}

TEST_CASE("credit_card replaces every digit of a short value and drops other characters") {
  auto anonymizer = card();
  std::string out = anonymized(*anonymizer, "1234-5678");
  REQUIRE(out.size() == 9);
  CHECK(out[4] == '-');
  std::string digits = digits_of(out);
  for (std::size_t i = 0; i < digits.size(); ++i) CHECK(digits[i] != "12345678"[i]);
  CHECK(luhn_valid(out));
  std::string labelled = anonymized(*anonymizer, "card: 1234");
  REQUIRE(labelled.size() == 5);
  CHECK(labelled[0] == ' ');
  CHECK(digits_of(labelled).size() == 4);
  CHECK(anonymized(*anonymizer, "n/a").empty());
  CHECK(anonymized(*anonymizer, "7").size() == 1);
  CHECK(anonymized(*anonymizer, "7") != "7");
}

TEST_CASE("credit_card in a short column is cut") {
  CHECK(anonymized(*card(6), "4111 1111 1111 1111").size() == 6);
}
