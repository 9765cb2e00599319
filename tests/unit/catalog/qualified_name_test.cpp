// QualifiedName: quoted only where a reader needs it, always quoted for SQL.
#include <catch2/catch.hpp>

#include "confiture/catalog/catalog.hpp"

using confiture::catalog::QualifiedName;

TEST_CASE("display leaves plain lowercase names bare") {
  CHECK(QualifiedName{"public", "users"}.display() == "public.users");
  CHECK(QualifiedName{"app_2", "order_items_v2"}.display() == "app_2.order_items_v2");
  CHECK(QualifiedName{"_private", "t"}.display() == "_private.t");
}

TEST_CASE("display quotes each part that is not a plain lowercase identifier") {
  CHECK(QualifiedName{"Sales", "Order Items"}.display() == "\"Sales\".\"Order Items\"");
  CHECK(QualifiedName{"public", "Users"}.display() == "public.\"Users\"");
  CHECK(QualifiedName{"1st", "t"}.display() == "\"1st\".t");
  CHECK(QualifiedName{"public", "a\"b"}.display() == "public.\"a\"\"b\"");
  CHECK(QualifiedName{"public", "a.b"}.display() == "public.\"a.b\"");
  CHECK(QualifiedName{"public", "café"}.display() == "public.\"café\"");
  CHECK(QualifiedName{"public", ""}.display() == "public.\"\"");
}

TEST_CASE("quoted always quotes both parts") {
  CHECK(QualifiedName{"public", "users"}.quoted() == "\"public\".\"users\"");
  CHECK(QualifiedName{"Sales", "Order \"Items\""}.quoted() == "\"Sales\".\"Order \"\"Items\"\"\"");
}

TEST_CASE("an empty schema leaves out the schema part") {
  CHECK(QualifiedName{"", "users"}.display() == "users");
  CHECK(QualifiedName{"", "Users"}.display() == "\"Users\"");
  CHECK(QualifiedName{"", "users"}.quoted() == "\"users\"");
}

TEST_CASE("qualified names order by schema, then name, in byte order") {
  CHECK(QualifiedName{"Sales", "z"} < QualifiedName{"app", "a"});
  CHECK(QualifiedName{"app", "a"} < QualifiedName{"app", "b"});
  CHECK(QualifiedName{"app", "b"} == QualifiedName{"app", "b"});
}

TEST_CASE("M8: parse_qualified_name reads names as SQL writes them") {
  using confiture::catalog::parse_qualified_name;
  auto parsed = parse_qualified_name(R"(public."a""b; drop table x")", false);
  REQUIRE(parsed);
  CHECK(parsed->schema == "public");
  CHECK(parsed->name == "a\"b; drop table x");
  CHECK(parsed->display() == R"(public."a""b; drop table x")");  // it reads back the same
  CHECK(parse_qualified_name("users", false) == QualifiedName{"", "users"});
  CHECK(parse_qualified_name(" sales . Orders ", false) == QualifiedName{"sales", "Orders"});
  CHECK(parse_qualified_name("sales.Orders", true) == QualifiedName{"sales", "orders"});
  CHECK(parse_qualified_name(R"("My Schema"."t.with.dots")", true) ==
        QualifiedName{"My Schema", "t.with.dots"});
  CHECK(parse_qualified_name("my table", false) == QualifiedName{"", "my table"});
  for (const char* bad : {"", ".", "a.", ".a", "a.b.c", R"("unclosed)", R"("")", R"(a"b)",
                          R"("a"b)", R"("a" "b")", R"(public."a""b; drop table x)"}) {
    INFO(bad);
    CHECK_FALSE(parse_qualified_name(bad, false));
  }
}
