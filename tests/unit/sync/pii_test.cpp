// Columns that look like personal data, and columns that must not: tables of examples, each with
// the category and the strategy we expect to suggest.
#include "confiture/sync/pii.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "confiture/sync/anonymizer.hpp"

using namespace confiture::sync;

namespace {

struct Positive {
  const char* column;
  const char* type;
  const char* category;
  const char* strategy;
};

struct Negative {
  const char* column;
  const char* type;
};

}  // namespace

TEST_CASE("columns holding personal data are found", "[sync][pii]") {
  const Positive cases[] = {
      {"email", "text", "email", "email"},
      {"customer_email", "character varying(120)", "email", "email"},
      {"emailAddress", "text", "email", "email"},
      {"customerEmail", "text", "email", "email"},
      {"userIPAddress", "text", "ip", "ip"},
      {"lastLoginIp", "text", "ip", "ip"},
      {"contact-phone", "text", "phone", "phone"},
      {"EMAIL", "citext", "email", "email"},
      {"e_mail", "text", "email", "email"},
      {"email", "email_address", "email", "email"},  // a domain over text
      {"phone_number", "text", "phone", "phone"},
      {"mobile", "character varying(20)", "phone", "phone"},
      {"fax", "text", "phone", "phone"},
      {"first_name", "text", "name", "first_name"},
      {"firstName", "text", "name", "first_name"},
      {"last_name", "character varying(80)", "name", "last_name"},
      {"surname", "text", "name", "last_name"},
      {"full_name", "text", "name", "name"},
      {"display_name", "text", "name", "name"},
      {"name", "text", "name", "name"},
      {"username", "text", "name", "hash"},
      {"user_name", "text", "name", "hash"},
      {"ip_address", "text", "ip", "ip"},
      {"last_login_ip", "text", "ip", "ip"},
      {"client_ip", "character varying(45)", "ip", "ip"},
      {"remote_addr", "inet", "ip", "ip"},
      {"ipv4", "text", "ip", "ip"},
      {"seen_from", "inet", "ip", "ip"},  // the type alone is enough
      {"network", "cidr", "ip", "ip"},
      {"device", "macaddr", "mac", "null"},
      {"password_hash", "text", "password", "redact"},
      {"passwd", "character(60)", "password", "redact"},
      {"api_token", "text", "token", "hash"},
      {"apiKey", "text", "token", "hash"},
      {"password_reset_token", "text", "token", "hash"},
      {"date_of_birth", "date", "birth", "date_shift"},
      {"dob", "timestamp without time zone", "birth", "date_shift"},
      {"birthday", "text", "birth", "redact"},
      {"birth_year", "integer", "birth", "null"},
      {"street_address", "text", "address", "address"},
      {"billing_address", "text", "address", "address"},
      {"address2", "text", "address", "address"},
      {"postcode", "text", "address", "redact"},
      {"zip_code", "character varying(10)", "address", "redact"},
      {"city", "text", "address", "redact"},
      {"ssn", "text", "ssn", "hash"},
      {"passport_number", "text", "ssn", "hash"},
      {"iban", "text", "credit_card", "hash"},
      {"card_number", "text", "credit_card", "credit_card"},
      {"cc_number", "character varying(19)", "credit_card", "credit_card"},
      {"latitude", "double precision", "location", "null"},
      {"lng", "numeric(9,6)", "location", "null"},
      {"geo", "point", "location", "null"},
      {"home_lat", "text", "location", "redact"},
      {"phone", "bigint", "phone", "null"},
      {"customer_email", "text[]", "email", "null"},
      {"email_verified_at", "timestamp(3) with time zone", "email", "date_shift"},
  };
  for (const Positive& c : cases) {
    INFO(c.column << " " << c.type);
    const std::optional<PiiMatch> match = detect_pii(c.column, c.type);
    REQUIRE(match);
    CHECK(match->category == c.category);
    CHECK(match->suggested_strategy == c.strategy);
  }
}

TEST_CASE("columns that look harmless are left alone", "[sync][pii]") {
  const Negative cases[] = {
      {"file_name", "text"},
      {"product_name", "text"},
      {"table_name", "name"},
      {"host_name", "text"},
      {"hostname", "text"},
      {"created_at", "timestamp with time zone"},
      {"updated_by", "bigint"},
      {"emailed_count", "integer"},
      {"email_count", "integer"},
      {"description", "text"},
      {"title", "text"},
      {"id", "bigint"},
      {"shipping", "text"},
      {"telemetry", "jsonb"},
      {"email_verified", "boolean"},
      {"is_mobile", "bool"},
      {"status", "text"},
      {"", "text"},
  };
  for (const Negative& c : cases) {
    INFO(c.column << " " << c.type);
    CHECK_FALSE(detect_pii(c.column, c.type));
  }
}

TEST_CASE("every suggested strategy exists", "[sync][pii]") {
  const char* columns[] = {"email", "phone",       "first_name", "last_name", "name",    "username",
                           "ip",    "token",       "password",   "birth",     "address", "city",
                           "ssn",   "card_number", "iban",       "cvv",       "lat",     "mac"};
  const char* types[] = {"text", "date", "integer", "inet", "macaddr", "uuid"};
  for (const char* column : columns) {
    for (const char* type : types) {
      INFO(column << " " << type);
      const std::optional<PiiMatch> match = detect_pii(column, type);
      REQUIRE(match);
      CHECK(find_strategy(match->suggested_strategy) != nullptr);
    }
  }
}

TEST_CASE("W12: strict detection matches the categories, not only the listed names",
          "[sync][pii]") {
  const Positive cases[] = {
      {"card_no", "text", "credit_card", "credit_card"},
      {"CardNo", "text", "credit_card", "credit_card"},
      {"acct_no", "text", "credit_card", "hash"},
      {"acctNumber", "text", "credit_card", "hash"},
      {"bank_account_number", "text", "credit_card", "hash"},
      {"vat_number", "text", "ssn", "hash"},
      {"vatnumber", "text", "ssn", "hash"},
      {"tax_no", "text", "ssn", "hash"},
      {"useremail", "text", "email", "email"},
      {"contactemail", "character varying(200)", "email", "email"},
      {"homephone", "text", "phone", "phone"},
      {"login", "text", "name", "hash"},
      {"user_login", "text", "name", "hash"},
      {"device_id", "text", "device", "hash"},
      {"deviceId", "uuid", "device", "null"},
      {"imei", "text", "device", "hash"},
      {"phone_imei", "text", "device", "hash"},  // the specific term wins
      {"license_plate", "text", "vehicle", "hash"},
      {"licenseplate", "text", "vehicle", "hash"},
      {"salary", "numeric(10,2)", "financial", "null"},
      {"annual_salary", "text", "financial", "redact"},
      {"medical_record", "text", "health", "redact"},
      {"medical_record_number", "text", "health", "redact"},
      {"diagnosis", "text", "health", "redact"},
      {"primaryDiagnosis", "text", "health", "redact"},
      {"user_agent", "text", "device", "redact"},
      {"gender", "text", "sensitive", "redact"},
      {"userpassword", "text", "password", "redact"},
      {"billingaddress", "text", "address", "address"},
      {"customerfirstname", "text", "name", "first_name"},
  };
  for (const Positive& c : cases) {
    INFO(c.column << " " << c.type);
    const std::optional<PiiMatch> match = detect_pii(c.column, c.type);
    REQUIRE(match);
    CHECK(match->category == c.category);
    CHECK(match->suggested_strategy == c.strategy);
    CHECK(find_strategy(match->suggested_strategy) != nullptr);
  }
  const Negative harmless[] = {
      {"last_login", "timestamp with time zone"},  // a time, not the login
      {"login_count", "integer"},
      {"vat_rate", "numeric(4,2)"},
      {"automobile_model", "text"},
      {"classname", "text"},
      {"shipping_method", "text"},
  };
  for (const Negative& c : harmless) {
    INFO(c.column << " " << c.type);
    CHECK_FALSE(detect_pii(c.column, c.type));
  }
}
