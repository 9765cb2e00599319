// `name`, `first_name`, `last_name`: picks from the built-in lists, never an original word.
#include <catch2/catch.hpp>
#include <set>
#include <string>

#include "confiture/sync/anonymizer.hpp"
#include "sync/anonymize/word_lists.hpp"

using namespace confiture::sync;
namespace lists = confiture::sync::anonymize;

namespace {

const AnonKey kKey("name-test-secret");

std::unique_ptr<Anonymizer> make(std::string strategy, int max_length = -1, std::string seed = {},
                                 const AnonKey& key = kKey) {
  ColumnInfo column{"people", "full_name", "text", 'S', "text", max_length, false};
  return make_anonymizer({std::move(strategy), {}, std::move(seed), ""}, column, &key);
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

TEST_CASE("the name lists hold a few hundred distinct plain ASCII names") {
  auto first = lists::first_names();
  auto last = lists::last_names();
  CHECK(first.size() + last.size() >= 300);
  for (auto list :
       {first, last, lists::street_names(), lists::street_suffixes(), lists::city_names()}) {
    std::set<std::string_view> unique(list.begin(), list.end());
    CHECK(unique.size() == list.size());
    for (std::string_view word : list) {
      CHECK_FALSE(word.empty());
      for (char c : word) CHECK(static_cast<unsigned char>(c) < 0x80);
    }
  }
}

TEST_CASE("name is a listed first name and a listed last name") {
  std::string out = anonymized(*make("name"), "Grace Hopper");
  auto space = out.find(' ');
  REQUIRE(space != std::string::npos);
  CHECK(listed(lists::first_names(), out.substr(0, space)));
  CHECK(listed(lists::last_names(), out.substr(space + 1)));
}

TEST_CASE("first_name and last_name are the parts of name") {
  auto name = make("name");
  auto first = make("first_name");
  auto last = make("last_name");
  for (std::string_view value : {"Ada Lovelace", "Alan Turing", "x"}) {
    std::string full = anonymized(*name, value);
    CHECK(full == anonymized(*first, value) + " " + anonymized(*last, value));
  }
}

TEST_CASE("name is deterministic, keyed and seeded") {
  auto a = make("name");
  std::set<std::string> keyed;
  std::set<std::string> seeded;
  for (int i = 0; i < 20; ++i) {
    std::string value = "Person " + std::to_string(i);
    std::string out = anonymized(*a, value);
    CHECK(anonymized(*make("name"), value) == out);
    keyed.insert(out == anonymized(*make("name", -1, {}, AnonKey("k2")), value) ? "same" : "diff");
    seeded.insert(out == anonymized(*make("name", -1, "s"), value) ? "same" : "diff");
  }
  CHECK(keyed.count("diff") == 1);
  CHECK(seeded.count("diff") == 1);
}

TEST_CASE("name never hands back a word of the original") {
  auto name = make("name");
  auto first = make("first_name");
  auto last = make("last_name");
  for (std::string_view given : lists::first_names()) {
    for (std::string_view family : {"Smith", "Garcia", "Nguyen"}) {
      std::string value = std::string(given) + " " + std::string(family);
      std::string full = anonymized(*name, value);
      INFO(value << " -> " << full);
      CHECK(full.find(given) == std::string::npos);
      CHECK(full.find(family) == std::string::npos);
      CHECK(anonymized(*first, value).find(given) == std::string::npos);
      CHECK(anonymized(*last, value).find(family) == std::string::npos);
    }
  }
  CHECK(anonymized(*make("first_name"), "MARY") != "Mary");
}

TEST_CASE("name in a short column is cut") {
  CHECK(anonymized(*make("name", 4), "Grace Hopper").size() == 4);
}
