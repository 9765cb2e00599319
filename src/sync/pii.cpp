// Guesses which columns hold personal data from the words of their names and their types. A miss
// leaks data while a false alarm costs one `preserve` rule, so the lists lean towards matching.
#include "confiture/sync/pii.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace confiture::sync {
namespace {

// One way of naming a kind of personal data: consecutive words of a column name ('_'-separated
// here) and the strategy that fits a string column of that kind.
struct Term {
  std::string_view words;
  std::string_view category;
  std::string_view text_strategy;
  bool text_only = false;  // the words mean personal data only in a text column (`login`)
};

// Checked in this order, the first match wins: specific phrases come before the general words
// they contain ("email_address" is an email, "ip_address" an IP, not a postal address), and
// tokens before passwords ("password_reset_token" is a token).
// Unique values (tokens, account numbers, user names) get `hash`, which keeps them unique.
constexpr std::array kTerms = {
    Term{"token", "token", "hash"},
    Term{"tokens", "token", "hash"},
    Term{"secret", "token", "hash"},
    Term{"api_key", "token", "hash"},
    Term{"apikey", "token", "hash"},
    Term{"access_key", "token", "hash"},
    Term{"private_key", "token", "hash"},
    Term{"secret_key", "token", "hash"},
    Term{"session", "token", "hash"},
    Term{"otp", "token", "hash"},
    Term{"password", "password", "redact"},
    Term{"passwd", "password", "redact"},
    Term{"pwd", "password", "redact"},
    Term{"passphrase", "password", "redact"},
    Term{"pin", "password", "redact"},
    Term{"credit_card", "credit_card", "credit_card"},
    Term{"creditcard", "credit_card", "credit_card"},
    Term{"card_number", "credit_card", "credit_card"},
    Term{"cardnumber", "credit_card", "credit_card"},
    Term{"cc_number", "credit_card", "credit_card"},
    Term{"cc_num", "credit_card", "credit_card"},
    Term{"pan", "credit_card", "credit_card"},
    Term{"cvv", "credit_card", "redact"},
    Term{"cvc", "credit_card", "redact"},
    Term{"iban", "credit_card", "hash"},
    Term{"account_number", "credit_card", "hash"},
    Term{"account_no", "credit_card", "hash"},
    Term{"bank_account", "credit_card", "hash"},
    // Card and account numbers: the kind word followed by any word for "number".
    Term{"card_no", "credit_card", "credit_card"},
    Term{"card_num", "credit_card", "credit_card"},
    Term{"card_nr", "credit_card", "credit_card"},
    Term{"card_nbr", "credit_card", "credit_card"},
    Term{"cardno", "credit_card", "credit_card"},
    Term{"cardnum", "credit_card", "credit_card"},
    Term{"ccn", "credit_card", "credit_card"},
    Term{"acct_no", "credit_card", "hash"},
    Term{"acct_num", "credit_card", "hash"},
    Term{"acct_nr", "credit_card", "hash"},
    Term{"acct_nbr", "credit_card", "hash"},
    Term{"acct_number", "credit_card", "hash"},
    Term{"acctno", "credit_card", "hash"},
    Term{"account_num", "credit_card", "hash"},
    Term{"account_nr", "credit_card", "hash"},
    Term{"account_nbr", "credit_card", "hash"},
    Term{"accountnumber", "credit_card", "hash"},
    Term{"accountno", "credit_card", "hash"},
    Term{"routing_number", "credit_card", "hash"},
    Term{"sort_code", "credit_card", "hash"},
    Term{"bic", "credit_card", "hash"},
    Term{"swift_code", "credit_card", "hash"},
    Term{"ssn", "ssn", "hash"},
    Term{"social_security", "ssn", "hash"},
    Term{"national_id", "ssn", "hash"},
    Term{"passport", "ssn", "hash"},
    Term{"tax_id", "ssn", "hash"},
    Term{"taxid", "ssn", "hash"},
    Term{"tax_number", "ssn", "hash"},
    Term{"tax_no", "ssn", "hash"},
    Term{"tax_code", "ssn", "hash"},
    Term{"taxno", "ssn", "hash"},
    Term{"tin", "ssn", "hash"},
    Term{"vat_number", "ssn", "hash"},
    Term{"vat_no", "ssn", "hash"},
    Term{"vat_num", "ssn", "hash"},
    Term{"vat_id", "ssn", "hash"},
    Term{"vat_code", "ssn", "hash"},
    Term{"vat_registration", "ssn", "hash"},
    Term{"vatin", "ssn", "hash"},
    Term{"ein", "ssn", "hash"},
    Term{"fiscal_code", "ssn", "hash"},
    Term{"id_number", "ssn", "hash"},
    Term{"id_card", "ssn", "hash"},
    Term{"identity_number", "ssn", "hash"},
    Term{"personal_number", "ssn", "hash"},
    Term{"nin", "ssn", "hash"},
    Term{"sin", "ssn", "hash"},
    Term{"driver_license", "ssn", "hash"},
    Term{"drivers_license", "ssn", "hash"},
    Term{"driving_license", "ssn", "hash"},
    Term{"driving_licence", "ssn", "hash"},
    Term{"license_number", "ssn", "hash"},
    Term{"licence_number", "ssn", "hash"},
    Term{"license_plate", "vehicle", "hash"},
    Term{"licence_plate", "vehicle", "hash"},
    Term{"number_plate", "vehicle", "hash"},
    Term{"plate_number", "vehicle", "hash"},
    Term{"registration_plate", "vehicle", "hash"},
    Term{"vin", "vehicle", "hash"},
    Term{"device_id", "device", "hash"},
    Term{"deviceid", "device", "hash"},
    Term{"device_token", "token", "hash"},
    Term{"imei", "device", "hash"},
    Term{"imsi", "device", "hash"},
    Term{"meid", "device", "hash"},
    Term{"udid", "device", "hash"},
    Term{"idfa", "device", "hash"},
    Term{"idfv", "device", "hash"},
    Term{"advertising_id", "device", "hash"},
    Term{"ad_id", "device", "hash"},
    Term{"browser_fingerprint", "device", "hash"},
    Term{"device_fingerprint", "device", "hash"},
    Term{"user_agent", "device", "redact"},
    Term{"useragent", "device", "redact"},
    Term{"ip", "ip", "ip"},
    Term{"ipaddr", "ip", "ip"},
    Term{"ipaddress", "ip", "ip"},
    Term{"ipv", "ip", "ip"},  // ipv4, ipv6: split at the digit
    Term{"remote_addr", "ip", "ip"},
    Term{"remote_address", "ip", "ip"},
    Term{"forwarded_for", "ip", "ip"},
    Term{"mac", "mac", "redact"},
    Term{"macaddr", "mac", "redact"},
    Term{"macaddress", "mac", "redact"},
    Term{"email", "email", "email"},
    Term{"emails", "email", "email"},
    Term{"emailaddress", "email", "email"},
    Term{"mail", "email", "email"},  // also e_mail
    Term{"phone", "phone", "phone"},
    Term{"phones", "phone", "phone"},
    Term{"phonenumber", "phone", "phone"},
    Term{"telephone", "phone", "phone"},
    Term{"tel", "phone", "phone"},
    Term{"mobile", "phone", "phone"},
    Term{"cell", "phone", "phone"},
    Term{"cellphone", "phone", "phone"},
    Term{"fax", "phone", "phone"},
    Term{"msisdn", "phone", "phone"},
    Term{"birth", "birth", "redact"},
    Term{"birthday", "birth", "redact"},
    Term{"birthdate", "birth", "redact"},
    Term{"birthplace", "birth", "redact"},
    Term{"dob", "birth", "redact"},
    Term{"born", "birth", "redact"},
    // Only names of people: "file_name" or "product_name" must not match, so "name" alone is
    // never a term (a column called just `name` is handled apart).
    Term{"first_name", "name", "first_name"},
    Term{"firstname", "name", "first_name"},
    Term{"given_name", "name", "first_name"},
    Term{"givenname", "name", "first_name"},
    Term{"forename", "name", "first_name"},
    Term{"forenames", "name", "first_name"},
    Term{"middle_name", "name", "first_name"},
    Term{"middlename", "name", "first_name"},
    Term{"last_name", "name", "last_name"},
    Term{"lastname", "name", "last_name"},
    Term{"family_name", "name", "last_name"},
    Term{"familyname", "name", "last_name"},
    Term{"surname", "name", "last_name"},
    Term{"sur_name", "name", "last_name"},
    Term{"maiden_name", "name", "last_name"},
    Term{"maidenname", "name", "last_name"},
    Term{"full_name", "name", "name"},
    Term{"fullname", "name", "name"},
    Term{"display_name", "name", "name"},
    Term{"displayname", "name", "name"},
    Term{"legal_name", "name", "name"},
    Term{"real_name", "name", "name"},
    Term{"person_name", "name", "name"},
    Term{"contact_name", "name", "name"},
    Term{"customer_name", "name", "name"},
    Term{"patient_name", "name", "name"},
    Term{"employee_name", "name", "name"},
    Term{"owner_name", "name", "name"},
    Term{"author_name", "name", "name"},
    Term{"member_name", "name", "name"},
    Term{"recipient_name", "name", "name"},
    Term{"sender_name", "name", "name"},
    Term{"holder_name", "name", "name"},
    Term{"cardholder", "name", "name"},
    Term{"cardholder_name", "name", "name"},
    Term{"billing_name", "name", "name"},
    Term{"shipping_name", "name", "name"},
    Term{"username", "name", "hash"},
    Term{"user_name", "name", "hash"},
    Term{"nickname", "name", "hash"},
    Term{"nick_name", "name", "hash"},
    Term{"screen_name", "name", "hash"},
    Term{"login_name", "name", "hash"},
    Term{"login", "name", "hash", true},  // last_login (a time) is not a name
    Term{"logon", "name", "hash", true},
    Term{"handle", "name", "hash", true},
    Term{"address", "address", "address"},
    Term{"addresses", "address", "address"},
    Term{"addr", "address", "address"},
    Term{"street", "address", "address"},
    Term{"house_number", "address", "address"},
    Term{"city", "address", "redact"},
    Term{"zip", "address", "redact"},
    Term{"zipcode", "address", "redact"},
    Term{"postcode", "address", "redact"},
    Term{"postal_code", "address", "redact"},
    Term{"postalcode", "address", "redact"},
    Term{"latitude", "location", "redact"},
    Term{"longitude", "location", "redact"},
    Term{"lat", "location", "redact"},
    Term{"lng", "location", "redact"},
    Term{"lon", "location", "redact"},
    Term{"geo", "location", "redact"},
    Term{"geolocation", "location", "redact"},
    Term{"coordinates", "location", "redact"},
    Term{"coords", "location", "redact"},
    // Pay and money of a person.
    Term{"salary", "financial", "redact"},
    Term{"salaries", "financial", "redact"},
    Term{"wage", "financial", "redact"},
    Term{"wages", "financial", "redact"},
    Term{"income", "financial", "redact"},
    Term{"compensation", "financial", "redact"},
    Term{"credit_score", "financial", "redact"},
    Term{"net_worth", "financial", "redact"},
    // Health.
    Term{"medical", "health", "redact"},
    Term{"medical_record", "health", "redact"},
    Term{"mrn", "health", "redact"},
    Term{"diagnosis", "health", "redact"},
    Term{"diagnoses", "health", "redact"},
    Term{"diagnostic", "health", "redact"},
    Term{"health_record", "health", "redact"},
    Term{"health_data", "health", "redact"},
    Term{"health_condition", "health", "redact"},
    Term{"prescription", "health", "redact"},
    Term{"prescriptions", "health", "redact"},
    Term{"medication", "health", "redact"},
    Term{"medications", "health", "redact"},
    Term{"allergy", "health", "redact"},
    Term{"allergies", "health", "redact"},
    Term{"disability", "health", "redact"},
    Term{"blood_type", "health", "redact"},
    Term{"icd", "health", "redact"},
    Term{"symptoms", "health", "redact"},
    Term{"insurance_number", "health", "hash"},
    // Special categories of personal data.
    Term{"gender", "sensitive", "redact"},
    Term{"sex", "sensitive", "redact"},
    Term{"ethnicity", "sensitive", "redact"},
    Term{"race", "sensitive", "redact"},
    Term{"religion", "sensitive", "redact"},
    Term{"sexual_orientation", "sensitive", "redact"},
    Term{"political", "sensitive", "redact"},
};

// Roots found inside a word written without separators ("useremail", "homephone", "vatnumber"):
// long and specific enough not to occur in harmless words. Checked after the whole-word terms,
// in this order.
constexpr std::array kRoots = {
    Term{"password", "password", "redact"},
    Term{"passwd", "password", "redact"},
    Term{"token", "token", "hash"},
    Term{"secret", "token", "hash"},
    Term{"apikey", "token", "hash"},
    Term{"creditcard", "credit_card", "credit_card"},
    Term{"cardnumber", "credit_card", "credit_card"},
    Term{"cardno", "credit_card", "credit_card"},
    Term{"iban", "credit_card", "hash"},
    Term{"acctno", "credit_card", "hash"},
    Term{"accountnumber", "credit_card", "hash"},
    Term{"accountno", "credit_card", "hash"},
    Term{"passport", "ssn", "hash"},
    Term{"taxid", "ssn", "hash"},
    Term{"taxnumber", "ssn", "hash"},
    Term{"vatnumber", "ssn", "hash"},
    Term{"vatno", "ssn", "hash"},
    Term{"vatid", "ssn", "hash"},
    Term{"licenseplate", "vehicle", "hash"},
    Term{"licenceplate", "vehicle", "hash"},
    Term{"deviceid", "device", "hash"},
    Term{"imei", "device", "hash"},
    Term{"ipaddr", "ip", "ip"},
    Term{"email", "email", "email"},
    Term{"phone", "phone", "phone"},
    Term{"birth", "birth", "redact"},
    Term{"firstname", "name", "first_name"},
    Term{"lastname", "name", "last_name"},
    Term{"surname", "name", "last_name"},
    Term{"fullname", "name", "name"},
    Term{"username", "name", "hash"},
    Term{"nickname", "name", "hash"},
    Term{"address", "address", "address"},
    Term{"street", "address", "address"},
    Term{"zipcode", "address", "redact"},
    Term{"postcode", "address", "redact"},
    Term{"postalcode", "address", "redact"},
    Term{"salary", "financial", "redact"},
    Term{"medical", "health", "redact"},
    Term{"diagnos", "health", "redact"},
    Term{"prescription", "health", "redact"},
};

// A last word that makes the column a number about personal data rather than the data itself.
constexpr std::array<std::string_view, 5> kCounterWords = {"count", "counts", "total", "totals",
                                                           "attempts"};

enum class TypeKind { kText, kDateTime, kNetwork, kMac, kBoolean, kOther };

bool is_upper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool is_lower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// "customer_email" -> customer, email; "emailAddress" -> email, address; "IPAddress" -> ip,
// address; "address2" -> address, 2.
std::vector<std::string> split_words(std::string_view name) {
  std::vector<std::string> words;
  std::string word;
  const auto flush = [&] {
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (!is_alnum(c)) {
      flush();
      continue;
    }
    if (!word.empty()) {
      const char prev = name[i - 1];
      const bool next_lower = i + 1 < name.size() && is_lower(name[i + 1]);
      if (is_digit(prev) != is_digit(c) || (is_lower(prev) && is_upper(c)) ||
          (is_upper(prev) && is_upper(c) && next_lower)) {
        flush();
      }
    }
    word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  flush();
  return words;
}

// format_type text -> what kind of value the column holds. Names we do not know (domains,
// enums, citext, extension types) count as text: a strategy that does not fit is refused later
// with a clear error, while skipping the column could leak it.
TypeKind type_kind(std::string_view type) {
  if (type.size() >= 2 && type.substr(type.size() - 2) == "[]") return TypeKind::kOther;
  std::string base;  // lowercase, without "(n)" modifiers: "timestamp(3) with time zone"
  int depth = 0;
  for (const char c : type) {
    if (c == '(') ++depth;
    if (depth == 0) base += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (c == ')' && depth > 0) --depth;
  }
  std::string collapsed;
  for (const char c : base) {
    if (c == ' ' && (collapsed.empty() || collapsed.back() == ' ')) continue;
    collapsed += c;
  }
  if (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();

  static constexpr std::array<std::string_view, 5> kDateTime = {
      "date", "timestamp", "timestamp without time zone", "timestamp with time zone",
      "timestamptz"};
  static constexpr std::array<std::string_view, 37> kOther = {"smallint",
                                                              "integer",
                                                              "bigint",
                                                              "int",
                                                              "int2",
                                                              "int4",
                                                              "int8",
                                                              "numeric",
                                                              "decimal",
                                                              "real",
                                                              "double precision",
                                                              "float4",
                                                              "float8",
                                                              "money",
                                                              "oid",
                                                              "uuid",
                                                              "json",
                                                              "jsonb",
                                                              "bytea",
                                                              "xml",
                                                              "interval",
                                                              "time",
                                                              "time without time zone",
                                                              "time with time zone",
                                                              "timetz",
                                                              "point",
                                                              "line",
                                                              "lseg",
                                                              "box",
                                                              "path",
                                                              "polygon",
                                                              "circle",
                                                              "bit",
                                                              "bit varying",
                                                              "tsvector",
                                                              "geometry",
                                                              "geography"};
  const auto in = [&](const auto& list) {
    return std::find(list.begin(), list.end(), collapsed) != list.end();
  };
  if (in(kDateTime)) return TypeKind::kDateTime;
  if (collapsed == "inet" || collapsed == "cidr") return TypeKind::kNetwork;
  if (collapsed == "macaddr" || collapsed == "macaddr8") return TypeKind::kMac;
  if (collapsed == "boolean" || collapsed == "bool") return TypeKind::kBoolean;
  if (in(kOther)) return TypeKind::kOther;
  return TypeKind::kText;
}

bool contains_phrase(const std::vector<std::string>& words, std::string_view phrase) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = phrase.find('_', start);
    parts.push_back(phrase.substr(start, end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  if (parts.size() > words.size()) return false;
  for (std::size_t i = 0; i + parts.size() <= words.size(); ++i) {
    if (std::equal(parts.begin(), parts.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<PiiMatch> detect_pii(std::string_view column_name, std::string_view type) {
  const TypeKind kind = type_kind(type);
  // A yes/no cannot carry any of these categories ("email_verified").
  if (kind == TypeKind::kBoolean) return std::nullopt;
  if (kind == TypeKind::kNetwork) return PiiMatch{"ip", "ip"};
  if (kind == TypeKind::kMac) return PiiMatch{"mac", "null"};

  const std::vector<std::string> words = split_words(column_name);
  if (words.empty()) return std::nullopt;
  if (std::find(kCounterWords.begin(), kCounterWords.end(), words.back()) != kCounterWords.end()) {
    return std::nullopt;
  }

  std::optional<Term> found;
  for (const Term& term : kTerms) {
    if (term.text_only && kind != TypeKind::kText) continue;
    if (contains_phrase(words, term.words)) {
      found = term;
      break;
    }
  }
  for (std::size_t i = 0; !found && i < kRoots.size(); ++i) {
    for (const std::string& word : words) {
      if (word.find(kRoots[i].words) != std::string::npos) {
        found = kRoots[i];
        break;
      }
    }
  }
  // A column called just `name` is most often a person's; elsewhere "name" needs a qualifier.
  if (!found && words.size() == 1 && words[0] == "name") found = Term{"name", "name", "name"};
  if (!found) return std::nullopt;

  switch (kind) {
    case TypeKind::kText:
      return PiiMatch{std::string(found->category), std::string(found->text_strategy)};
    case TypeKind::kDateTime:
      return PiiMatch{std::string(found->category), "date_shift"};
    default:
      // Numbers, uuids, json, arrays: no strategy rewrites them in kind, so drop the value.
      return PiiMatch{std::string(found->category), "null"};
  }
}

}  // namespace confiture::sync
