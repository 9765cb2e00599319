// PostgreSQL keeps only the first NAMEDATALEN - 1 bytes of an identifier, and so do its catalogs:
// names read from SQL text are cut the same way before they are compared with catalog names.
#pragma once

#include <cstddef>
#include <string>

namespace confiture::sql {

constexpr std::size_t kMaxIdentifierBytes = 63;

// Cuts `name` to kMaxIdentifierBytes, never inside a UTF-8 character.
inline void truncate_identifier(std::string& name) {
  if (name.size() <= kMaxIdentifierBytes) return;
  std::size_t cut = kMaxIdentifierBytes;
  while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  name.resize(cut);
}

}  // namespace confiture::sql
