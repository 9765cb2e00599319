// Quoting of identifiers and literals for SQL text built by the library: nothing is ever spliced
// into SQL unquoted (ARCHITECTURE.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace confiture::pg {

// "name" with embedded double quotes doubled; always quoted, so case and keywords survive.
std::string quote_ident(std::string_view name);

// 'value' with embedded single quotes doubled. A value holding a backslash is written in the
// E'...' form with backslashes doubled, so the result means the same thing whatever the
// server's standard_conforming_strings setting is.
std::string quote_literal(std::string_view value);

// A column list: `"a", "b"`, or with a (trusted, already valid) alias prefix `t."a", t."b"`.
std::string quote_list(const std::vector<std::string>& names, std::string_view alias = {});

}  // namespace confiture::pg
