// Glob patterns over '/'-separated relative paths: `*` and `?` stay inside one segment,
// `**` spans any number of segments (zero included), `[abc]`/`[!a-z]` are character classes.
#pragma once

#include <string_view>
#include <vector>

namespace confiture::build {

bool glob_match(std::string_view pattern, std::string_view path);

// The non-empty '/'-separated segments of a path, as views into it.
std::vector<std::string_view> path_segments(std::string_view path);

// True when the pattern matches the path or any trailing part of it ("big_*.sql" matches
// "x/y/big_1.sql"), the way the Python tool's exclude patterns behave.
bool glob_match_suffix(std::string_view pattern, std::string_view path);

}  // namespace confiture::build
