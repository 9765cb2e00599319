// read_catalog against a real server: triggers and row-level security policies.
#include <algorithm>
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "catalog_checks.hpp"
#include "confiture/catalog/catalog.hpp"
#include "confiture/pg/connection.hpp"
#include "test_database.hpp"

using namespace confiture;
using catalog::QualifiedName;
using test::display_names;
using test::find_named;
using test::Names;

namespace {

template <typename Item>
const Item& find_on(const std::vector<Item>& items, const QualifiedName& table,
                    const std::string& name) {
  auto found = std::find_if(items.begin(), items.end(), [&](const Item& item) {
    return item.table == table && item.name == name;
  });
  INFO(table.display() << " " << name);
  REQUIRE(found != items.end());
  return *found;
}

template <typename Item>
Names names_on(const std::vector<Item>& items) {
  Names names;
  for (const Item& item : items) names.push_back(item.table.display() + " " + item.name);
  return names;
}

}  // namespace

TEST_CASE("triggers carry definition and enabled state and leave out internal ones") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
    CREATE TABLE parent (id int PRIMARY KEY);
    CREATE TABLE child (id int REFERENCES parent DEFERRABLE, at timestamptz);
    CREATE TRIGGER b_touch BEFORE UPDATE ON child FOR EACH ROW EXECUTE FUNCTION touch();
    CREATE TRIGGER a_touch BEFORE INSERT ON child FOR EACH ROW
      WHEN (NEW.at IS NULL) EXECUTE FUNCTION touch();
    ALTER TABLE child DISABLE TRIGGER b_touch;
    CREATE VIEW child_view AS SELECT * FROM child;
    CREATE TRIGGER instead INSTEAD OF INSERT ON child_view FOR EACH ROW EXECUTE FUNCTION touch();
    CREATE TABLE events (id int, kind int) PARTITION BY LIST (kind);
    CREATE TABLE events_one PARTITION OF events FOR VALUES IN (1);
    CREATE TRIGGER stamp AFTER INSERT ON events FOR EACH ROW EXECUTE FUNCTION touch();
    COMMENT ON TRIGGER a_touch ON child IS 'fills in the time';
  )sql");

  auto cat = catalog::read_catalog(conn);
  CHECK(names_on(cat.triggers) == Names{"public.child a_touch", "public.child b_touch",
                                        "public.child_view instead", "public.events stamp",
                                        "public.events_one stamp"});

  const auto& a_touch = find_on(cat.triggers, {"public", "child"}, "a_touch");
  CHECK(a_touch.definition ==
        "CREATE TRIGGER a_touch BEFORE INSERT ON public.child FOR EACH ROW WHEN ((new.at IS "
        "NULL)) EXECUTE FUNCTION touch()");
  CHECK(a_touch.enabled == 'O');
  CHECK(a_touch.comment == std::optional<std::string>("fills in the time"));
  CHECK(find_on(cat.triggers, {"public", "child"}, "b_touch").enabled == 'D');
  CHECK_FALSE(find_on(cat.triggers, {"public", "events"}, "stamp").inherited);
  CHECK(find_on(cat.triggers, {"public", "events_one"}, "stamp").inherited);
}

TEST_CASE("policies carry command and permissiveness and roles and expressions") {
  test::TestDatabase db;
  pg::Connection conn(db.dsn());
  conn.exec(R"sql(
    CREATE TABLE documents (id int, owner text, published bool);
    ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
    CREATE POLICY readers ON documents FOR SELECT USING (published);
    CREATE POLICY writers ON documents AS RESTRICTIVE FOR INSERT TO pg_signal_backend, pg_monitor
      WITH CHECK (owner = current_user);
    CREATE POLICY everything ON documents USING (true) WITH CHECK (id > 0);
    COMMENT ON POLICY readers ON documents IS 'published ones';
  )sql");

  auto cat = catalog::read_catalog(conn);
  CHECK(names_on(cat.policies) == Names{"public.documents everything", "public.documents readers",
                                        "public.documents writers"});

  const auto& readers = find_on(cat.policies, {"public", "documents"}, "readers");
  CHECK(readers.command == 'r');
  CHECK(readers.permissive);
  CHECK(readers.roles == Names{"public"});
  CHECK(readers.using_expr == std::optional<std::string>("published"));
  CHECK_FALSE(readers.with_check_expr.has_value());
  CHECK(readers.comment == std::optional<std::string>("published ones"));

  const auto& writers = find_on(cat.policies, {"public", "documents"}, "writers");
  CHECK(writers.command == 'a');
  CHECK_FALSE(writers.permissive);
  CHECK(writers.roles == Names{"pg_monitor", "pg_signal_backend"});
  CHECK_FALSE(writers.using_expr.has_value());
  CHECK(writers.with_check_expr == std::optional<std::string>("(owner = CURRENT_USER)"));
  CHECK_FALSE(writers.comment.has_value());

  const auto& everything = find_on(cat.policies, {"public", "documents"}, "everything");
  CHECK(everything.command == '*');
  CHECK(everything.using_expr == std::optional<std::string>("true"));
  CHECK(everything.with_check_expr == std::optional<std::string>("(id > 0)"));
}
