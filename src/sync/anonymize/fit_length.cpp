// Character-wise cut of an output to its column's declared length.
#include "sync/anonymize/fit_length.hpp"

namespace confiture::sync::anonymize {

void fit_length(std::string& text, int max_length) {
  if (max_length < 0 || text.size() <= static_cast<std::size_t>(max_length)) return;
  int characters = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool starts_character = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
    if (starts_character && characters++ == max_length) {
      text.resize(i);
      return;
    }
  }
}

}  // namespace confiture::sync::anonymize
