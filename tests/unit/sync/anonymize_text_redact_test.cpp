// `text_redact`: emails, phones and URLs inside free text masked, everything else kept.
#include <catch2/catch.hpp>
#include <string>

#include "confiture/sync/anonymizer.hpp"

using namespace confiture::sync;

namespace {

std::string redact(std::string_view value, int max_length = -1) {
  ColumnInfo column{"tickets", "body", "text", 'S', "text", max_length, false};
  auto anonymizer = make_anonymizer({"text_redact", {}, "", ""}, column, nullptr);
  std::string out;
  REQUIRE(anonymizer->apply(value, out));
  return out;
}

}  // namespace

TEST_CASE("text_redact masks emails, phones and URLs in a sentence") {
  CHECK(redact("Call me at +1 (555) 123-4567 or mail jane.doe@example.org, see "
               "https://shop.example.com/o/42?x=1.") ==
        "Call me at [PHONE] or mail [EMAIL], see [URL].");
}

TEST_CASE("text_redact emails") {
  CHECK(redact("john@example.com") == "[EMAIL]");
  CHECK(redact("<John.Smith+tag@mail.co.uk>") == "<[EMAIL]>");
  CHECK(redact("mailto:a_b-c%d@sub.example.io;") == "mailto:[EMAIL];");
  CHECK(redact("...john@example.com...") == "...[EMAIL]...");
  CHECK(redact("from x@y.fr and y@z.de") == "from [EMAIL] and [EMAIL]");
  CHECK(redact("ping @bob about it") == "ping @bob about it");
  CHECK(redact("user@localhost") == "user@localhost");
  CHECK(redact("a@b.c") == "a@b.c");
  CHECK(redact("write to café@exämple.de") == "write to [EMAIL]");
}

TEST_CASE("text_redact phones") {
  CHECK(redact("Tel: 06 12 34 56 78") == "Tel: [PHONE]");
  CHECK(redact("call 555-123-4567 now") == "call [PHONE] now");
  CHECK(redact("call 555.123.4567") == "call [PHONE]");
  CHECK(redact("(555)123-4567") == "[PHONE]");
  CHECK(redact("+44 20 7946 0958.") == "[PHONE].");
  CHECK(redact("+33612345678") == "[PHONE]");
  CHECK(redact("0612345678") == "[PHONE]");
  CHECK(redact("x 555-1234 y") == "x [PHONE] y");
}

TEST_CASE("text_redact leaves numbers that are no phones") {
  for (std::string_view text :
       {"Meeting on 2024-03-01 at 10:30", "logged 2024-03-01 12:30:00 ok", "on 01.02.2024",
        "Server 192.168.1.10 is down", "pi is 3.14159265", "order 12345 shipped", "5551234",
        "id 550e8400-e29b-41d4-a716-446655440000", "ticket ABC1234567890",
        "1234567890123456789 is too long", "version 1.2.3"}) {
    INFO(text);
    CHECK(redact(text) == text);
  }
}

TEST_CASE("text_redact URLs") {
  CHECK(redact("see www.example.org/path for more") == "see [URL] for more");
  CHECK(redact("(https://en.wikipedia.org/wiki/Foo_(bar))") == "([URL])");
  CHECK(redact("HTTP://EXAMPLE.COM/X, then") == "[URL], then");
  CHECK(redact("ftp://files.example.net/a.txt") == "[URL]");
  CHECK(redact("a \"http://q.example/x\" b") == "a \"[URL]\" b");
  CHECK(redact("http://user@host.example/p") == "[URL]");
  CHECK(redact("http:// nothing") == "http:// nothing");
  CHECK(redact("whatever www") == "whatever www");
}

TEST_CASE("text_redact keeps plain text, multi-byte characters included") {
  CHECK(redact("") == "");
  CHECK(redact("Nothing to see here.") == "Nothing to see here.");
  CHECK(redact("Grüße aus Köln — 東京") == "Grüße aus Köln — 東京");
  CHECK(redact("multi\nline\ttext with a@b.org\n") == "multi\nline\ttext with [EMAIL]\n");
}

TEST_CASE("text_redact output is cut to the column") {
  CHECK(redact("a@b.co", 6) == "[EMAIL");
  CHECK(redact("Grüße", 3) == "Grü");
}
