// KeyedHash is HMAC-SHA-256 over (family, seed, value, block), checked against OpenSSL's one-shot
// HMAC, and the fit_length cut every text strategy shares.
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <catch2/catch.hpp>
#include <string>

#include "sync/anonymize/fit_length.hpp"
#include "sync/anonymize/keyed_hash.hpp"

using confiture::sync::AnonKey;
using confiture::sync::anonymize::DerivedBytes;
using confiture::sync::anonymize::fit_length;
using confiture::sync::anonymize::KeyedHash;

namespace {

std::string length_prefixed(std::string_view part) {
  std::string out;
  auto size = static_cast<std::uint32_t>(part.size());
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>(size >> shift));
  return out.append(part);
}

KeyedHash::Digest reference(const std::string& key, std::string_view family, std::string_view seed,
                            std::string_view value, std::uint32_t block) {
  std::string message = "confiture-anon" + length_prefixed(family) + length_prefixed(seed);
  message.append(value);
  for (int shift = 24; shift >= 0; shift -= 8) message.push_back(static_cast<char>(block >> shift));
  KeyedHash::Digest digest{};
  unsigned int size = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest.data(),
       &size);
  REQUIRE(size == 32);
  return digest;
}

}  // namespace

TEST_CASE("KeyedHash is HMAC-SHA-256 of the domain-separated message") {
  for (const std::string& key : {std::string("k"), std::string(64, 'x'), std::string(200, 'y'),
                                 std::string("key with \0 byte", 15)}) {
    KeyedHash hash(AnonKey(key), "email", "seed-1");
    for (std::string_view value : {"", "alice@example.org",
                                   "a longer value that spans more than "
                                   "one SHA-256 block of sixty-four bytes"}) {
      CHECK(hash.digest(value) == reference(key, "email", "seed-1", value, 0));
      CHECK(hash.digest(value, 7) == reference(key, "email", "seed-1", value, 7));
    }
  }
}

TEST_CASE("KeyedHash outputs depend on key, family and seed, not on call order") {
  AnonKey key("secret");
  KeyedHash a(key, "email", "");
  KeyedHash b(key, "email", "");
  auto first = a.digest("x");
  a.digest("something else");
  CHECK(a.digest("x") == first);
  CHECK(b.digest("x") == first);
  CHECK(KeyedHash(AnonKey("other"), "email", "").digest("x") != first);
  CHECK(KeyedHash(key, "hash", "").digest("x") != first);
  CHECK(KeyedHash(key, "email", "s").digest("x") != first);
  // The family/seed boundary is encoded, so moving characters across it changes the message.
  CHECK(KeyedHash(key, "ab", "c").digest("x") != KeyedHash(key, "a", "bc").digest("x"));
  CHECK(a.digest("x", 1) != first);
}

TEST_CASE("DerivedBytes draws block after block of one value") {
  AnonKey key("secret");
  KeyedHash hash(key, "phone", "");
  DerivedBytes bytes(hash, "value");
  auto block0 = hash.digest("value", 0);
  auto block1 = hash.digest("value", 1);
  for (unsigned char expected : block0) CHECK(bytes.next() == expected);
  for (unsigned char expected : block1) CHECK(bytes.next() == expected);
}

TEST_CASE("fit_length cuts characters, not bytes") {
  std::string text = "h\xC3\xA9llo";  // "héllo", 5 characters in 6 bytes
  fit_length(text, -1);
  CHECK(text == "h\xC3\xA9llo");
  fit_length(text, 5);
  CHECK(text == "h\xC3\xA9llo");
  fit_length(text, 2);
  CHECK(text == "h\xC3\xA9");
  fit_length(text, 1);
  CHECK(text == "h");
  fit_length(text, 0);
  CHECK(text.empty());
}
