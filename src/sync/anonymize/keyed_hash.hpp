// HMAC-SHA-256 under the anonymisation key, domain-separated per strategy family and seed. The
// keyed inner and outer states are built once, so a value costs two state copies and two short
// hashes (about 200 ns with SHA extensions) and no allocation of ours.
#pragma once

#include <openssl/evp.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>

#include "confiture/sync/anonymizer.hpp"

namespace confiture::sync::anonymize {

class KeyedHash {
 public:
  using Digest = std::array<unsigned char, 32>;

  // Every message starts with an unambiguous encoding of (family, seed), so two families or two
  // seeds never hash the same message and their outputs are unrelated.
  KeyedHash(const AnonKey& key, std::string_view family, std::string_view seed);

  // HMAC(key, family, seed, value, block). `block` numbers further 32-byte blocks for strategies
  // that need more than one digest of the same value; it is a fixed-width suffix, so (value,
  // block) pairs never collide.
  Digest digest(std::string_view value, std::uint32_t block = 0);

 private:
  struct MdCtxFree {
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
  };
  using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

  MdCtx inner_;  // SHA-256 having absorbed (key ^ ipad) and the domain prefix
  MdCtx outer_;  // SHA-256 having absorbed (key ^ opad)
  MdCtx work_;
};

// Eight bytes of a digest (from `offset`) as an integer, for picks and shifts.
std::uint64_t digest_u64(const KeyedHash::Digest& digest, std::size_t offset);

// As many keyed bytes of one value as a strategy draws (a digit each for `phone` and
// `credit_card`): block 0's digest, then block 1's, ... Nothing is hashed until the first draw.
class DerivedBytes {
 public:
  DerivedBytes(KeyedHash& hash, std::string_view value) : hash_(hash), value_(value) {}

  unsigned char next() {
    if (used_ == digest_.size()) {
      digest_ = hash_.digest(value_, block_++);
      used_ = 0;
    }
    return digest_[used_++];
  }

 private:
  KeyedHash& hash_;
  std::string_view value_;
  KeyedHash::Digest digest_{};
  std::size_t used_ = digest_.size();
  std::uint32_t block_ = 0;
};

}  // namespace confiture::sync::anonymize
