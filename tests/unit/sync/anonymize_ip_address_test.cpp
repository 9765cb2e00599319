// `ip`: prefix-preserving (a shared k-bit prefix in, a shared k-bit prefix out), never the input,
// IPv4 and IPv6, "/n" kept, cidr host bits zero.
#include <arpa/inet.h>

#include <array>
#include <catch2/catch.hpp>
#include <random>
#include <set>
#include <string>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "confiture/sync/anonymizer.hpp"

using namespace confiture::sync;

namespace {

const AnonKey kKey("ip-test-secret");

std::unique_ptr<Anonymizer> ip(std::string type = "inet", std::string seed = {},
                               const AnonKey& key = kKey) {
  char category = type == "inet" || type == "cidr" ? 'I' : 'S';
  ColumnInfo column{"sessions", "client_addr", type, category, type, -1, false};
  return make_anonymizer({"ip", {}, std::move(seed), ""}, column, &key);
}

std::string anonymized(Anonymizer& anonymizer, std::string_view value) {
  std::string out;
  REQUIRE(anonymizer.apply(value, out));
  return out;
}

struct Address {
  std::array<unsigned char, 16> bytes{};
  std::size_t width = 0;  // bits
};

Address parse(std::string text) {
  Address address;
  text = text.substr(0, text.find('/'));
  if (inet_pton(AF_INET, text.c_str(), address.bytes.data()) == 1) {
    address.width = 32;
  } else {
    REQUIRE(inet_pton(AF_INET6, text.c_str(), address.bytes.data()) == 1);
    address.width = 128;
  }
  return address;
}

std::size_t common_prefix(const Address& a, const Address& b) {
  for (std::size_t i = 0; i < a.width; ++i) {
    bool bit_a = (a.bytes[i / 8] >> (7 - i % 8)) & 1;
    bool bit_b = (b.bytes[i / 8] >> (7 - i % 8)) & 1;
    if (bit_a != bit_b) return i;
  }
  return a.width;
}

std::string format(const Address& address) {
  char text[INET6_ADDRSTRLEN];
  inet_ntop(address.width == 32 ? AF_INET : AF_INET6, address.bytes.data(), text, sizeof text);
  return text;
}

Address random_address(std::mt19937_64& random, std::size_t width) {
  Address address;
  address.width = width;
  for (std::size_t i = 0; i < width / 8; ++i) address.bytes[i] = random() & 0xFF;
  return address;
}

}  // namespace

TEST_CASE("ip preserves exactly the common prefix of IPv4 addresses") {
  auto anonymizer = ip();
  std::mt19937_64 random(7);
  for (int n = 0; n < 5000; ++n) {
    Address a = random_address(random, 32);
    Address b = a;
    std::size_t flip = random() % 32;  // b shares exactly `flip` leading bits with a
    b.bytes[flip / 8] ^= static_cast<unsigned char>(0x80 >> (flip % 8));
    for (std::size_t i = flip + 1; i < 32; ++i) {
      if (random() & 1) b.bytes[i / 8] ^= static_cast<unsigned char>(0x80 >> (i % 8));
    }
    Address out_a = parse(anonymized(*anonymizer, format(a)));
    Address out_b = parse(anonymized(*anonymizer, format(b)));
    REQUIRE(out_a.width == 32);
    REQUIRE(common_prefix(out_a, out_b) == common_prefix(a, b));
  }
}

TEST_CASE("ip: a shared /24 stays shared, a different /16 stays different") {
  auto anonymizer = ip();
  std::string a = anonymized(*anonymizer, "192.168.1.10");
  std::string b = anonymized(*anonymizer, "192.168.1.200");
  std::string c = anonymized(*anonymizer, "192.169.1.10");
  CHECK(a.substr(0, a.rfind('.')) == b.substr(0, b.rfind('.')));
  CHECK(common_prefix(parse(a), parse(c)) ==
        common_prefix(parse("192.168.1.10"), parse("192.169.1.10")));
  CHECK(a != "192.168.1.10");
}

TEST_CASE("ip maps a whole /24 onto a whole /24, one to one") {
  auto anonymizer = ip();
  std::set<std::string> outputs;
  std::set<std::string> prefixes;
  for (int host = 0; host < 256; ++host) {
    std::string out = anonymized(*anonymizer, "10.20.30." + std::to_string(host));
    outputs.insert(out);
    prefixes.insert(out.substr(0, out.rfind('.')));
  }
  CHECK(outputs.size() == 256);
  CHECK(prefixes.size() == 1);
}

TEST_CASE("ip preserves prefixes of IPv6 addresses") {
  auto anonymizer = ip();
  std::mt19937_64 random(11);
  for (int n = 0; n < 2000; ++n) {
    Address a = random_address(random, 128);
    Address b = a;
    std::size_t flip = random() % 128;
    b.bytes[flip / 8] ^= static_cast<unsigned char>(0x80 >> (flip % 8));
    Address out_a = parse(anonymized(*anonymizer, format(a)));
    Address out_b = parse(anonymized(*anonymizer, format(b)));
    REQUIRE(out_a.width == 128);
    REQUIRE(common_prefix(out_a, out_b) == flip);
  }
  std::string loopback = anonymized(*anonymizer, "::1");
  CHECK(loopback != "::1");
  CHECK(parse(anonymized(*anonymizer, "::ffff:1.2.3.4")).width == 128);
}

TEST_CASE("ip never maps an address onto itself") {
  auto anonymizer = ip();
  for (int host = 0; host < 65536; ++host) {
    std::string value = "172.16." + std::to_string(host / 256) + "." + std::to_string(host % 256);
    REQUIRE(anonymized(*anonymizer, value) != value);
  }
}

TEST_CASE("ip keeps the mask, a cidr keeps its host bits zero") {
  std::string inet = anonymized(*ip(), "10.1.2.3/16");
  CHECK(inet.ends_with("/16"));
  CHECK(inet.substr(0, inet.find('/')) == anonymized(*ip(), "10.1.2.3"));

  auto cidr = ip("cidr");
  for (std::string_view value : {"10.1.0.0/16", "192.168.4.0/22", "2001:db8::/32", "8.0.0.0/7"}) {
    std::string out = anonymized(*cidr, value);
    INFO(value << " -> " << out);
    CHECK(out != value);
    auto slash = out.find('/');
    REQUIRE(slash != std::string::npos);
    std::size_t mask = std::stoul(out.substr(slash + 1));
    CHECK(out.substr(slash) == value.substr(value.find('/')));
    Address address = parse(out);
    for (std::size_t i = mask; i < address.width; ++i) {
      CHECK(((address.bytes[i / 8] >> (7 - i % 8)) & 1) == 0);
    }
  }
  // Within a cidr's prefix bits the map is the inet one.
  CHECK(anonymized(*cidr, "10.1.0.0/16").substr(0, 4) ==
        anonymized(*ip(), "10.1.0.0").substr(0, 4));
}

TEST_CASE("ip is deterministic, keyed and seeded, text columns work too") {
  std::string out = anonymized(*ip(), "203.0.113.9");
  CHECK(anonymized(*ip("text"), "203.0.113.9") == out);
  CHECK(anonymized(*ip("inet", {}, AnonKey("other")), "203.0.113.9") != out);
  CHECK(anonymized(*ip("inet", "s"), "203.0.113.9") != out);
}

TEST_CASE("ip refuses a value that is no address, without quoting it") {
  auto anonymizer = ip("text");
  for (std::string_view value : {"", "localhost", "300.1.1.1", "10.1.2.3/33", "10.1.2.3/x",
                                 "fe80::1%eth0", "1.2.3.4.5", "::1/129"}) {
    INFO(value);
    std::string out;
    try {
      anonymizer->apply(value, out);
      FAIL("accepted");
    } catch (const confiture::Error& error) {
      CHECK(error.code == confiture::codes::kAnonBadRule);
      CHECK_THAT(error.what(), Catch::Contains("sessions.client_addr"));
      if (!value.empty()) CHECK(std::string(error.what()).find(value) == std::string::npos);
    }
  }
}
