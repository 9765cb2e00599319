// body_references(): the names SQL and PL/pgSQL bodies use, as pg_get_functiondef() prints them,
// and the bodies that give nothing without failing.
#include "confiture/sql/body_references.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using confiture::sql::body_references;
using confiture::sql::BodyName;
using confiture::sql::BodyReferences;

namespace {

using Names = std::vector<BodyName>;

// A PL/pgSQL function the way pg_get_functiondef() prints it.
std::string plpgsql_function(const std::string& declarations, const std::string& body,
                             const std::string& returns = "integer") {
  return "CREATE OR REPLACE FUNCTION app.f(a integer)\n RETURNS " + returns +
         "\n LANGUAGE plpgsql\nAS $function$\nDECLARE\n" + declarations + "BEGIN\n" + body +
         "END\n$function$\n";
}

// PL/pgSQL statements wrapped in a function; `v integer` and `r record` are declared.
BodyReferences plpgsql_body(const std::string& body, const std::string& returns = "integer") {
  return body_references(plpgsql_function("  v integer;\n  r record;\n", body, returns), "plpgsql");
}

bool is_empty(const BodyReferences& found) {
  return found.relations.empty() && found.routines.empty() && found.sequences.empty();
}

}  // namespace

TEST_CASE("a SQL function's tables, joined and in a subquery, are relations",
          "[sql][body_references]") {
  const BodyReferences found = body_references(
      "CREATE OR REPLACE FUNCTION public.total(a integer)\n RETURNS bigint\n LANGUAGE sql\n "
      "STABLE\nAS $function$\n  SELECT count(*) FROM orders o JOIN items i ON i.order_id = o.id\n"
      "  WHERE o.customer_id IN (SELECT id FROM customers WHERE active)\n$function$\n",
      "sql");
  CHECK(found.relations == Names{{"", "customers"}, {"", "items"}, {"", "orders"}});
  CHECK(found.routines == Names{{"", "count"}});
  CHECK(found.sequences.empty());
}

TEST_CASE("schema-qualified and quoted names keep their schema and case",
          "[sql][body_references]") {
  const BodyReferences found = body_references(
      "CREATE OR REPLACE FUNCTION app.f()\n RETURNS SETOF integer\n LANGUAGE sql\nAS $function$"
      "SELECT x FROM app.orders, \"Billing\".\"Open Invoices\", Public.Items "
      "WHERE app.is_open(x) AND \"Util\".\"Check\"(x)$function$\n",
      "sql");
  CHECK(found.relations ==
        Names{{"Billing", "Open Invoices"}, {"app", "orders"}, {"public", "items"}});
  CHECK(found.routines == Names{{"Util", "Check"}, {"app", "is_open"}});
}

TEST_CASE("a SQL function calling another function, several statements in its body",
          "[sql][body_references]") {
  const BodyReferences found = body_references(
      "CREATE OR REPLACE FUNCTION app.f(a integer)\n RETURNS integer\n LANGUAGE sql\n"
      "AS $function$ UPDATE counters SET n = n + 1; SELECT app.g(a) + h(a, k()) $function$\n",
      "sql");
  CHECK(found.relations == Names{{"", "counters"}});
  CHECK(found.routines == Names{{"", "h"}, {"", "k"}, {"app", "g"}});
}

TEST_CASE("SQL-standard bodies: RETURN and BEGIN ATOMIC", "[sql][body_references]") {
  SECTION("RETURN expr") {
    const BodyReferences found = body_references(
        "CREATE OR REPLACE FUNCTION public.f(a integer)\n RETURNS integer\n LANGUAGE sql\n"
        "RETURN (a + app.g(a))\n",
        "sql");
    CHECK(found.routines == Names{{"app", "g"}});
    CHECK(found.relations.empty());
  }
  SECTION("BEGIN ATOMIC with several statements") {
    const BodyReferences found = body_references(
        "CREATE OR REPLACE PROCEDURE public.p(IN a integer)\n LANGUAGE sql\nBEGIN ATOMIC\n"
        " INSERT INTO audit (x) VALUES (nextval('audit_seq'::regclass));\n"
        " SELECT count(*) AS count\n    FROM app.t1\n   WHERE (t1.x = p.a);\nEND\n",
        "sql");
    CHECK(found.relations == Names{{"", "audit"}, {"app", "t1"}});
    CHECK(found.routines == Names{{"", "count"}, {"", "nextval"}});
    CHECK(found.sequences == Names{{"", "audit_seq"}});
  }
}

TEST_CASE("a CALL in a SQL procedure is a routine", "[sql][body_references]") {
  const BodyReferences found = body_references(
      "CREATE OR REPLACE PROCEDURE public.p()\n LANGUAGE sql\nAS $procedure$CALL app.q(1)"
      "$procedure$\n",
      "sql");
  CHECK(found.routines == Names{{"app", "q"}});
}

TEST_CASE("PL/pgSQL SELECT INTO, PERFORM and assignments", "[sql][body_references]") {
  const BodyReferences found = plpgsql_body(
      "  SELECT count(*) INTO v FROM app.orders o JOIN items i ON i.id = o.id;\n"
      "  PERFORM notify_all(v);\n"
      "  v := app.score(v) + 1;\n"
      "  v = bonus(v);\n"
      "  RETURN v;\n");
  CHECK(found.relations == Names{{"", "items"}, {"app", "orders"}});
  CHECK(found.routines ==
        Names{{"", "bonus"}, {"", "count"}, {"", "notify_all"}, {"app", "score"}});
}

TEST_CASE("PL/pgSQL conditions, loops and RETURN QUERY", "[sql][body_references]") {
  const BodyReferences found = plpgsql_body(
      "  IF is_ready(a) THEN\n    v := 1;\n  ELSIF fallback(a) > 0 THEN\n    v := 2;\n  END IF;\n"
      "  WHILE keep_going(v) LOOP\n    EXIT WHEN stop_now(v);\n  END LOOP;\n"
      "  FOR r IN SELECT id FROM app.queue WHERE due(id) LOOP\n    RAISE NOTICE '%', r;\n"
      "  END LOOP;\n"
      "  FOR i IN low(1)..high(2) LOOP\n    NULL;\n  END LOOP;\n"
      "  CASE pick(a) WHEN choice(1) THEN NULL; ELSE NULL; END CASE;\n"
      "  RETURN QUERY SELECT x FROM history;\n"
      "  RETURN NEXT last_one();\n",
      "SETOF integer");
  CHECK(found.relations == Names{{"", "history"}, {"app", "queue"}});
  CHECK(found.routines == Names{{"", "choice"},
                                {"", "due"},
                                {"", "fallback"},
                                {"", "high"},
                                {"", "is_ready"},
                                {"", "keep_going"},
                                {"", "last_one"},
                                {"", "low"},
                                {"", "pick"},
                                {"", "stop_now"}});
}

TEST_CASE("PL/pgSQL INSERT, UPDATE, DELETE, CALL and WITH", "[sql][body_references]") {
  const BodyReferences found = plpgsql_body(
      "  INSERT INTO app.log (x) VALUES (a);\n"
      "  UPDATE counters SET n = n + 1 WHERE id = a;\n"
      "  DELETE FROM \"Old Rows\" WHERE id = a;\n"
      "  WITH moved AS (DELETE FROM inbox RETURNING *) INSERT INTO archive SELECT * FROM moved;\n"
      "  CALL app.housekeeping(a);\n"
      "  RETURN 0;\n");
  CHECK(found.relations == Names{{"", "Old Rows"},
                                 {"", "archive"},
                                 {"", "counters"},
                                 {"", "inbox"},
                                 {"", "moved"},
                                 {"app", "log"}});
  CHECK(found.routines == Names{{"app", "housekeeping"}});
}

TEST_CASE("sequences named by nextval/currval/setval literals", "[sql][body_references]") {
  const BodyReferences found = plpgsql_body(
      "  INSERT INTO t (id) VALUES (nextval('order_seq'));\n"
      "  UPDATE t SET id = 1 WHERE id = nextval('app.\"My Seq\"'::regclass);\n"
      "  v := currval('  Billing . Invoice_Seq ');\n"
      "  PERFORM pg_catalog.setval('\"x.y\"', 10);\n"
      "  PERFORM nextval(v::text::regclass);\n"
      "  PERFORM app.nextval('not_a_sequence');\n"
      "  RETURN lastval();\n");
  CHECK(found.sequences ==
        Names{{"", "order_seq"}, {"", "x.y"}, {"app", "My Seq"}, {"billing", "invoice_seq"}});
  CHECK(found.routines == Names{{"", "currval"},
                                {"", "lastval"},
                                {"", "nextval"},
                                {"app", "nextval"},
                                {"pg_catalog", "setval"}});
}

TEST_CASE("EXECUTE runs text known only at run time: its USING arguments still count",
          "[sql][body_references]") {
  const BodyReferences found = plpgsql_body(
      "  EXECUTE 'SELECT count(*) FROM ' || quote_ident(tbl_name(a)) INTO v USING arg(a);\n"
      "  EXECUTE 'DELETE FROM dynamic_only';\n"
      "  RETURN v;\n");
  CHECK(found.relations.empty());
  CHECK(found.routines == Names{{"", "arg"}, {"", "quote_ident"}, {"", "tbl_name"}});
}

TEST_CASE("nested blocks and exception handlers are read", "[sql][body_references]") {
  const BodyReferences found = plpgsql_body(
      "  BEGIN\n    v := risky(a);\n    BEGIN\n      INSERT INTO inner_t VALUES (v);\n"
      "    EXCEPTION WHEN unique_violation THEN\n      PERFORM on_duplicate(v);\n    END;\n"
      "  EXCEPTION WHEN others THEN\n    INSERT INTO errors VALUES (SQLERRM);\n  END;\n"
      "  RETURN v;\n");
  CHECK(found.relations == Names{{"", "errors"}, {"", "inner_t"}});
  CHECK(found.routines == Names{{"", "on_duplicate"}, {"", "risky"}});
}

TEST_CASE("a trigger function assigning to NEW's fields", "[sql][body_references]") {
  const BodyReferences found = body_references(
      "CREATE OR REPLACE FUNCTION app.stamp()\n RETURNS trigger\n LANGUAGE plpgsql\n"
      "AS $function$\nBEGIN\n  NEW.updated_at := now();\n  NEW.total := app.compute(NEW.id);\n"
      "  INSERT INTO app.history SELECT OLD.*;\n  RETURN NEW;\nEND\n$function$\n",
      "plpgsql");
  CHECK(found.relations == Names{{"app", "history"}});
  CHECK(found.routines == Names{{"", "now"}, {"app", "compute"}});
}

TEST_CASE("PL/pgSQL declarations: defaults, %ROWTYPE, %TYPE, cursors", "[sql][body_references]") {
  const BodyReferences found =
      body_references(plpgsql_function("  started timestamptz := app.now_utc();\n"
                                       "  o app.orders%ROWTYPE;\n"
                                       "  b \"Billing\".\"Open Invoices\"%RowType;\n"
                                       "  c customers.id%TYPE;\n"
                                       "  d public . items . price %type;\n"
                                       "  e c%TYPE;\n"
                                       "  later CURSOR FOR SELECT * FROM backlog;\n",
                                       "  RETURN 0;\n"),
                      "plpgsql");
  CHECK(found.relations == Names{{"", "backlog"},
                                 {"", "customers"},
                                 {"Billing", "Open Invoices"},
                                 {"app", "orders"},
                                 {"public", "items"}});
  CHECK(found.routines == Names{{"app", "now_utc"}});
}

TEST_CASE("assignments to subscripts and fields read the subscripts too",
          "[sql][body_references]") {
  const BodyReferences found =
      body_references(plpgsql_function("  arr integer[];\n  j jsonb;\n  r record;\n",
                                       "  arr[slot(a)] := 5;\n  j['k'] = to_jsonb(a);\n"
                                       "  arr[1:2] := ARRAY[weight('a:=b'), 2];\n  RETURN 0;\n"),
                      "plpgsql");
  CHECK(found.routines == Names{{"", "slot"}, {"", "to_jsonb"}, {"", "weight"}});
}

TEST_CASE("dollar-quoted bodies with custom tags, nested dollar quotes inside",
          "[sql][body_references]") {
  SECTION("SQL") {
    const BodyReferences found = body_references(
        "CREATE OR REPLACE FUNCTION public.f()\n RETURNS text\n LANGUAGE sql\n"
        "AS $fn$ SELECT $q$a $$ b$q$ || label FROM labels $fn$\n",
        "sql");
    CHECK(found.relations == Names{{"", "labels"}});
  }
  SECTION("PL/pgSQL") {
    const BodyReferences found = body_references(
        "CREATE OR REPLACE FUNCTION public.f()\n RETURNS text\n LANGUAGE plpgsql\n"
        "AS $fn$\nBEGIN\n  RETURN (SELECT $$x$$ || label FROM labels);\nEND\n$fn$\n",
        "plpgsql");
    CHECK(found.relations == Names{{"", "labels"}});
  }
}

TEST_CASE("other languages give nothing", "[sql][body_references]") {
  CHECK(is_empty(body_references(
      "CREATE OR REPLACE FUNCTION public.f(integer)\n RETURNS integer\n LANGUAGE c\n"
      "AS '$libdir/f', $function$f$function$\n",
      "c")));
  CHECK(is_empty(body_references(
      "CREATE OR REPLACE FUNCTION pg_catalog.now()\n RETURNS timestamp with time zone\n"
      " LANGUAGE internal\n STABLE PARALLEL SAFE STRICT\nAS $function$now$function$\n",
      "internal")));
  CHECK(is_empty(body_references(
      "CREATE FUNCTION f() RETURNS int LANGUAGE plpython3u AS $$ return 1 $$", "plpython3u")));
}

TEST_CASE("text that does not parse gives nothing and does not throw", "[sql][body_references]") {
  CHECK(is_empty(body_references("garbage, not SQL at all", "sql")));
  CHECK(is_empty(body_references("garbage, not SQL at all", "plpgsql")));
  CHECK(is_empty(body_references("", "plpgsql")));
  CHECK(is_empty(body_references(
      "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELEC 1 FROM t $$", "sql")));
  CHECK(is_empty(body_references(
      "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1 $$", "plpgsql")));
  // libpg_query checks each PL/pgSQL expression itself: one bad expression loses the function.
  CHECK(is_empty(plpgsql_body("  IF a > THEN\n    v := 1;\n  END IF;\n  RETURN good(a);\n")));
  CHECK(is_empty(
      body_references("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT", "sql")));
}

TEST_CASE("an expression ending in a -- comment does not hide the next one",
          "[sql][body_references]") {
  const BodyReferences found = plpgsql_body(
      "  IF ready(a) -- note\n  THEN\n    v := 1;\n  END IF;\n  RETURN later(a) -- end\n  ;\n");
  CHECK(found.routines == Names{{"", "later"}, {"", "ready"}});
}

TEST_CASE("a variable named like a statement keyword: the pieces are parsed one by one",
          "[sql][body_references]") {
  const BodyReferences found =
      body_references(plpgsql_function("  update boolean := true;\n",
                                       "  IF update THEN\n    RETURN f(1);\n"
                                       "  END IF;\n  RETURN 0;\n"),
                      "plpgsql");
  CHECK(found.routines == Names{{"", "f"}});
}

TEST_CASE("a PL/pgSQL cursor variable: libpg_query 15-4.0 refuses the function",
          "[sql][body_references]") {
  // pganalyze/libpg_query#257: fixed upstream after 15-4.0. When this starts to find `queue`,
  // the library was upgraded and the header's note can go.
  const BodyReferences found =
      body_references(plpgsql_function("  c refcursor;\n",
                                       "  OPEN c FOR SELECT * FROM queue;\n  CLOSE c;\n"
                                       "  RETURN 0;\n"),
                      "plpgsql");
  CHECK(is_empty(found));
}
