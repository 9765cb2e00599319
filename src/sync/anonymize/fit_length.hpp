// Cutting an output to a varchar(n)/char(n) column: n counts characters, not bytes.
#pragma once

#include <string>

namespace confiture::sync::anonymize {

// Keeps at most `max_length` UTF-8 characters of `text` (never splitting one); -1: no limit.
void fit_length(std::string& text, int max_length);

}  // namespace confiture::sync::anonymize
