// COPY text rows rewritten field by field: escapes decoded for the strategy and re-encoded.
#include "sync/row_rewriter.hpp"

#include <catch2/catch.hpp>

#include "confiture/report/error.hpp"

using namespace confiture;
using sync::RowRewriter;

namespace {

// Upper-cases its input, so a test can see exactly what the strategy received.
class Upper final : public sync::Anonymizer {
 public:
  bool apply(std::string_view value, std::string& out) override {
    for (char c : value)
      out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    return true;
  }
};

std::string rewrite(std::vector<std::size_t> upper, std::vector<std::size_t> nulled,
                    std::string_view row) {
  std::vector<RowRewriter::Step> steps;
  for (std::size_t field : upper) steps.push_back({field, std::make_unique<Upper>()});
  for (std::size_t field : nulled) steps.push_back({field, nullptr});
  RowRewriter rewriter(std::move(steps));
  std::string out;
  rewriter.rewrite(row, out);
  return out;
}

}  // namespace

TEST_CASE("only the chosen fields change, the others pass byte for byte") {
  CHECK(rewrite({1}, {}, "1\tbob\t\\N\tx\\ty\n") == "1\tBOB\t\\N\tx\\ty\n");
  CHECK(rewrite({0, 3}, {}, "a\tb\tc\td\n") == "A\tb\tc\tD\n");
  CHECK(rewrite({3}, {}, "a\tb\tc\t\n") == "a\tb\tc\t\n");  // empty string stays empty
}

TEST_CASE("NULL stays NULL and a nulled field becomes NULL") {
  CHECK(rewrite({1}, {}, "1\t\\N\n") == "1\t\\N\n");
  CHECK(rewrite({}, {0}, "7\tx\n") == "\\N\tx\n");
}

TEST_CASE("escapes are decoded for the strategy and re-encoded after it") {
  CHECK(rewrite({0}, {}, "a\\tb\\nc\\\\d\\\\N\n") == "A\\tB\\nC\\\\D\\\\N\n");
  std::string decoded;
  sync::copy_decode("\\x41\\101\\b\\q", decoded);
  CHECK(decoded == "AA\bq");
  std::string encoded;
  sync::copy_encode("tab\there\\\r\n", encoded);
  CHECK(encoded == "tab\\there\\\\\\r\\n");
}

TEST_CASE("a row with fewer fields than a step needs is an error") {
  CHECK_THROWS_AS(rewrite({4}, {}, "a\tb\n"), Error);
}
