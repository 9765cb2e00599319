// SHA-256 through OpenSSL's EVP interface, and the label hash: the one place for either.
#include "confiture/report/digest.hpp"

#include <openssl/evp.h>

namespace confiture::report {
namespace {

EVP_MD_CTX* context(const std::unique_ptr<void, Sha256::Free>& ctx) {
  return static_cast<EVP_MD_CTX*>(ctx.get());
}

std::string to_hex(const Sha256Bytes& digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(digest.size() * 2);
  for (unsigned char byte : digest) {
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
  }
  return out;
}

}  // namespace

void Sha256::Free::operator()(void* ctx) const { EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(ctx)); }

Sha256::Sha256() : ctx_(EVP_MD_CTX_new()) {
  EVP_DigestInit_ex(context(ctx_), EVP_sha256(), nullptr);
}

Sha256& Sha256::update(std::string_view bytes) {
  EVP_DigestUpdate(context(ctx_), bytes.data(), bytes.size());
  return *this;
}

Sha256Bytes Sha256::bytes() {
  Sha256Bytes digest{};
  unsigned int length = 0;
  EVP_DigestFinal_ex(context(ctx_), digest.data(), &length);
  return digest;
}

std::string Sha256::hex() { return to_hex(bytes()); }

Sha256Bytes sha256(std::string_view bytes) { return Sha256().update(bytes).bytes(); }

std::string sha256_hex(std::string_view bytes) { return to_hex(sha256(bytes)); }

std::uint64_t label_hash(std::string_view bytes) {
  std::uint64_t hash = 1469598103934665603ull;
  for (char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return hash;
}

}  // namespace confiture::report
