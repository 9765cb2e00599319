// `ip`: prefix-preserving pseudonymisation of IPv4 and IPv6 addresses (Crypto-PAn, Xu et al.
// 2002): bit i of the output is bit i of the input flipped by one bit of AES_K(the input's first
// i bits padded with a secret pad), so two addresses sharing a k-bit prefix map to addresses
// sharing a k-bit prefix, and the map is a bijection. K and the pad come from the HMAC key, the
// strategy name and the seed. A "/n" suffix (inet, cidr) is kept as written; in a cidr column
// the host bits stay zero (so 0.0.0.0/0, which has no other bits, is the one value kept).
#include <arpa/inet.h>
#include <fmt/format.h>
#include <openssl/evp.h>

#include <array>
#include <charconv>
#include <cstring>
#include <stdexcept>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"
#include "sync/anonymize/fit_length.hpp"
#include "sync/anonymize/keyed_hash.hpp"
#include "sync/anonymize/strategy_factories.hpp"

namespace confiture::sync::anonymize {

namespace {

constexpr std::size_t kBlock = 16;  // AES block, and the width of an IPv6 address

struct CipherCtxFree {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
struct CipherFree {
  void operator()(EVP_CIPHER* cipher) const { EVP_CIPHER_free(cipher); }
};

bool bit_of(const unsigned char* bytes, std::size_t i) { return (bytes[i / 8] >> (7 - i % 8)) & 1; }

class IpAddress final : public Anonymizer {
 public:
  IpAddress(const AnonKey& key, std::string_view seed, bool cidr, const ColumnInfo& column)
      : cidr_(cidr), max_length_(column.max_length), table_(column.table), column_(column.column) {
    KeyedHash hash(key, "ip", seed);
    KeyedHash::Digest material = hash.digest("crypto-pan key and pad");
    std::unique_ptr<EVP_CIPHER, CipherFree> aes(EVP_CIPHER_fetch(nullptr, "AES-128-ECB", nullptr));
    ctx_.reset(EVP_CIPHER_CTX_new());
    if (!aes || !ctx_ ||
        EVP_EncryptInit_ex2(ctx_.get(), aes.get(), material.data(), nullptr, nullptr) != 1) {
      throw std::runtime_error("OpenSSL: AES-128 is not available");
    }
    EVP_CIPHER_CTX_set_padding(ctx_.get(), 0);
    encrypt(material.data() + kBlock, pad_.data(), 1);
    OPENSSL_cleanse(material.data(), material.size());
  }

  bool apply(std::string_view value, std::string& out) override {
    std::size_t slash = value.find('/');
    std::string_view address = value.substr(0, slash);
    std::string_view suffix = slash == std::string_view::npos ? "" : value.substr(slash);
    char text[INET6_ADDRSTRLEN];
    if (address.size() >= sizeof text) unreadable();
    std::memcpy(text, address.data(), address.size());
    text[address.size()] = '\0';

    std::array<unsigned char, kBlock> bytes{};
    int family = AF_INET;
    std::size_t width = 32;
    if (inet_pton(AF_INET, text, bytes.data()) != 1) {
      family = AF_INET6;
      width = 128;
      if (inet_pton(AF_INET6, text, bytes.data()) != 1) unreadable();
    }
    std::size_t bits = width;
    if (!suffix.empty()) {
      unsigned mask = 0;
      auto [end, ec] = std::from_chars(suffix.data() + 1, suffix.data() + suffix.size(), mask);
      if (ec != std::errc() || end != suffix.data() + suffix.size() || mask > width) unreadable();
      if (cidr_) bits = mask;  // a cidr's host bits are zero and must stay so
    }
    anonymize(bytes.data(), bits);

    char result[INET6_ADDRSTRLEN];
    if (inet_ntop(family, bytes.data(), result, sizeof result) == nullptr) unreadable();
    out.append(result);
    out.append(suffix);
    fit_length(out, max_length_);
    return true;
  }

 private:
  void encrypt(const unsigned char* in, unsigned char* out, std::size_t blocks) {
    int written = 0;
    if (EVP_EncryptUpdate(ctx_.get(), out, &written, in, static_cast<int>(blocks * kBlock)) != 1) {
      throw std::runtime_error("OpenSSL: AES encryption failed");
    }
  }

  // Flips the first `bits` bits of `address` in place. All the blocks depend on the input's own
  // prefixes only, so one ECB call encrypts them together.
  void anonymize(unsigned char* address, std::size_t bits) {
    if (bits == 0) return;
    for (std::size_t i = 0; i < bits; ++i) {
      unsigned char* block = blocks_.data() + i * kBlock;
      std::memcpy(block, pad_.data(), kBlock);
      std::memcpy(block, address, i / 8);
      if (i % 8 != 0) {
        auto keep = static_cast<unsigned char>(0xFF << (8 - i % 8));
        block[i / 8] = static_cast<unsigned char>((address[i / 8] & keep) | (pad_[i / 8] & ~keep));
      }
    }
    encrypt(blocks_.data(), flips_.data(), bits);
    bool flipped = false;
    for (std::size_t i = 0; i < bits; ++i) {
      // The last bit flips when none before it did: a function of the prefix still (so the map
      // stays a prefix-preserving bijection) that leaves no address mapped onto itself.
      bool flip = bit_of(flips_.data() + i * kBlock, 0) || (i + 1 == bits && !flipped);
      if (flip) address[i / 8] ^= static_cast<unsigned char>(0x80 >> (i % 8));
      flipped = flipped || flip;
    }
  }

  [[noreturn]] void unreadable() const {
    Error error(
        codes::kAnonBadRule, ExitClass::kConfig,
        fmt::format("strategy 'ip' on {}.{} met a value that is not an IPv4 or IPv6 address",
                    table_, column_),
        "use `hash` or `redact` for a column that holds other text");
    error.details = {{"table", table_}, {"column", column_}, {"strategy", "ip"}};
    throw error;
  }

  std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree> ctx_;
  std::array<unsigned char, kBlock> pad_{};
  std::array<unsigned char, 128 * kBlock> blocks_{};  // one per bit of an IPv6 address
  std::array<unsigned char, 128 * kBlock> flips_{};
  bool cidr_;
  int max_length_;
  std::string table_;
  std::string column_;
};

}  // namespace

std::unique_ptr<Anonymizer> make_ip_address(const StrategyArgs& args) {
  const std::string& type =
      args.column.base_type.empty() ? args.column.type : args.column.base_type;
  return std::make_unique<IpAddress>(*args.key, args.spec.seed, type == "cidr", args.column);
}

}  // namespace confiture::sync::anonymize
