// Comment directives that a SQL file uses to tell confiture how to run it.
#pragma once

#include <string_view>

namespace confiture::sql {

// True when the file's first line is the comment `-- confiture:no-transaction` (blanks around it
// and after `--` allowed, a UTF-8 byte order mark ignored): run it statement by statement in
// autocommit. Only the first line counts, so a later mention never changes how a file runs.
bool has_no_transaction_directive(std::string_view text);

}  // namespace confiture::sql
