// The digests confiture writes down (file checksums, schema hashes, lock keys, directory and
// checkpoint names): SHA-256 in lowercase hex, and a 64-bit FNV-1a-style hash for short labels.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace confiture::report {

using Sha256Bytes = std::array<unsigned char, 32>;

// SHA-256 fed piece by piece (a schema hash over many files without joining them first).
class Sha256 {
 public:
  Sha256();
  Sha256& update(std::string_view bytes);
  Sha256Bytes bytes();  // finishes the digest: call once
  std::string hex();    // finishes the digest: 64 lowercase hex digits

  struct Free {  // frees the OpenSSL context, whose type stays out of this header
    void operator()(void* ctx) const;
  };

 private:
  std::unique_ptr<void, Free> ctx_;
};

// SHA-256 of `bytes` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

// SHA-256 of `bytes`, raw.
Sha256Bytes sha256(std::string_view bytes);

// A 64-bit FNV-1a-style hash of `bytes` for short labels (sync checkpoint file names): stable
// across runs and machines, not a secure hash. Its offset basis is 1469598103934665603, not
// FNV's 14695981039346656037: the first copy lost the last digit, and the checkpoints already
// named with it must still be found, so it is kept.
std::uint64_t label_hash(std::string_view bytes);

}  // namespace confiture::report
