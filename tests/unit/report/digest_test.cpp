// The one SHA-256 of the code base against the FIPS vectors, and the checkpoint label hash.
#include "confiture/report/digest.hpp"

#include <catch2/catch.hpp>

using confiture::report::label_hash;
using confiture::report::Sha256;
using confiture::report::sha256_hex;

TEST_CASE("sha256_hex matches the FIPS 180-2 vectors") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("Sha256 fed in pieces equals one sha256_hex of the whole") {
  const std::string whole("abc\0def", 7);
  CHECK(Sha256().update("abc").update(std::string_view("\0", 1)).update("def").hex() ==
        sha256_hex(whole));
  CHECK(confiture::report::sha256("abc")[0] == 0xba);
}

TEST_CASE("label_hash keeps the values checkpoint names were made with") {
  CHECK(label_hash("") == 1469598103934665603ull);  // the offset basis
  CHECK(label_hash("a") == 0x44bd8ad473cd9906ull);
  CHECK(label_hash("foobar") == 0x88fad7c0a8ff07f2ull);
}
