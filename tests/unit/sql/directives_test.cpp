// The `-- confiture:no-transaction` first-line directive.
#include "confiture/sql/directives.hpp"

#include <catch2/catch.hpp>

using confiture::sql::has_no_transaction_directive;

TEST_CASE("no-transaction directive on the first line is recognised", "[sql][directive]") {
  CHECK(has_no_transaction_directive("-- confiture:no-transaction\nVACUUM;"));
  CHECK(has_no_transaction_directive("  --   confiture:no-transaction  \r\nVACUUM;"));
  CHECK(has_no_transaction_directive("--confiture:no-transaction"));
  CHECK(has_no_transaction_directive("\xEF\xBB\xBF-- confiture:no-transaction\n"));
}

TEST_CASE("no-transaction directive must be exactly that, on the first line", "[sql][directive]") {
  CHECK_FALSE(has_no_transaction_directive(""));
  CHECK_FALSE(has_no_transaction_directive("\n-- confiture:no-transaction\n"));
  CHECK_FALSE(has_no_transaction_directive("SELECT 1; -- confiture:no-transaction"));
  CHECK_FALSE(has_no_transaction_directive("-- confiture:no-transaction please\n"));
  CHECK_FALSE(has_no_transaction_directive("-- Confiture:No-Transaction\n"));
  CHECK_FALSE(has_no_transaction_directive("/* confiture:no-transaction */\n"));
  CHECK_FALSE(has_no_transaction_directive("-- confiture:no-transactional\n"));
}
