// Segment-aware glob matching used for include_dirs include/exclude patterns.
#include "confiture/build/glob.hpp"

namespace confiture::build {
namespace {

// Matches one character class starting at pattern[p] == '['; advances p past ']'.
bool class_match(std::string_view pattern, std::size_t& p, char c) {
  std::size_t i = p + 1;
  bool negate = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negate) ++i;
  bool matched = false;
  bool first = true;
  for (; i < pattern.size() && (first || pattern[i] != ']'); ++i, first = false) {
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      matched |= pattern[i] <= c && c <= pattern[i + 2];
      i += 2;
    } else {
      matched |= pattern[i] == c;
    }
  }
  p = i;  // at ']' (or end for an unterminated class, which then matches nothing more)
  return matched != negate;
}

bool segment_match(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0, star_p = std::string_view::npos, star_t = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star_p = p++;
      star_t = t;
      continue;
    }
    if (p < pattern.size()) {
      std::size_t next = p;
      bool ok = false;
      if (pattern[p] == '?') {
        ok = true;
      } else if (pattern[p] == '[') {
        ok = class_match(pattern, next, text[t]) && next < pattern.size();
      } else {
        ok = pattern[p] == text[t];
      }
      if (ok) {
        p = next + 1;
        ++t;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p + 1;
    t = ++star_t;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

bool match_segments(const std::vector<std::string_view>& pat, std::size_t pi,
                    const std::vector<std::string_view>& txt, std::size_t ti) {
  if (pi == pat.size()) return ti == txt.size();
  if (pat[pi] == "**") {
    for (std::size_t k = ti; k <= txt.size(); ++k) {
      if (match_segments(pat, pi + 1, txt, k)) return true;
    }
    return false;
  }
  return ti < txt.size() && segment_match(pat[pi], txt[ti]) &&
         match_segments(pat, pi + 1, txt, ti + 1);
}

}  // namespace

std::vector<std::string_view> path_segments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) out.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

bool glob_match(std::string_view pattern, std::string_view path) {
  return match_segments(path_segments(pattern), 0, path_segments(path), 0);
}

bool glob_match_suffix(std::string_view pattern, std::string_view path) {
  auto pat = path_segments(pattern);
  auto txt = path_segments(path);
  for (std::size_t start = 0; start < txt.size(); ++start) {
    if (match_segments(pat, 0, txt, start)) return true;
  }
  return false;
}

}  // namespace confiture::build
