// Scanning and decoding for JsonView: just enough JSON to read libpg_query's parse trees safely.
#include "confiture/sql/json_view.hpp"

#include <charconv>
#include <cstdint>

namespace confiture::sql {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// End of the string literal whose opening quote is just before `p`: one past its closing quote,
// or nullptr when it is unterminated.
const char* string_end(const char* p, const char* end) {
  while (p < end) {
    if (*p == '\\') {
      p += 2;
    } else if (*p++ == '"') {
      return p;
    }
  }
  return nullptr;
}

std::size_t string_length(std::string_view text) {
  const char* end = string_end(text.data() + 1, text.data() + text.size());
  return end == nullptr ? 0 : static_cast<std::size_t>(end - text.data());
}

// Length of the object or array at the start of text, 0 when unbalanced. This loop is where reading
// a parse tree spends its time, hence the pointer arithmetic.
std::size_t container_length(std::string_view text) {
  const char* p = text.data();
  const char* const end = p + text.size();
  std::size_t depth = 0;
  while (p < end) {
    const char c = *p++;
    if (c == '"') {
      p = string_end(p, end);
      if (p == nullptr) return 0;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if ((c == '}' || c == ']') && --depth == 0) {
      return static_cast<std::size_t>(p - text.data());
    }
  }
  return 0;
}

void append_utf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

// The four hex digits at text[at..at+4) as a number, or nullopt.
std::optional<std::uint32_t> hex4(std::string_view text, std::size_t at) {
  if (at + 4 > text.size()) return std::nullopt;
  std::uint32_t value = 0;
  const auto [end, error] = std::from_chars(text.data() + at, text.data() + at + 4, value, 16);
  if (error != std::errc{} || end != text.data() + at + 4) return std::nullopt;
  return value;
}

}  // namespace

std::size_t json_blank_length(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && is_blank(text[i])) ++i;
  return i;
}

std::size_t json_value_length(std::string_view text) {
  if (text.empty()) return 0;
  switch (text.front()) {
    case '"':
      return string_length(text);
    case '{':
    case '[':
      return container_length(text);
    default: {
      std::size_t i = 0;
      while (i < text.size() && !is_blank(text[i]) && text[i] != ',' && text[i] != '}' &&
             text[i] != ']' && text[i] != ':') {
        ++i;
      }
      return i;
    }
  }
}

JsonView JsonView::operator[](std::string_view key) const {
  JsonView found;
  if (!is_object()) return found;
  walk([&](std::string_view member_key, const JsonView& value) {
    if (member_key != key) return true;
    found = value;
    return false;
  });
  return found;
}

std::string_view JsonView::first_key() const {
  std::string_view found;
  if (!is_object()) return found;
  walk([&](std::string_view key, const JsonView&) {
    found = key;
    return false;
  });
  return found;
}

JsonView JsonView::first_value() const {
  JsonView found;
  if (!is_object()) return found;
  walk([&](std::string_view, const JsonView& value) {
    found = value;
    return false;
  });
  return found;
}

std::string JsonView::as_string() const {
  std::string out;
  const std::string_view text = raw();
  if (text.size() < 2 || text.front() != '"') return out;
  const std::string_view body = text.substr(1, text.size() - 2);
  out.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 == body.size()) {
      out += body[i];
      continue;
    }
    const char escaped = body[++i];
    switch (escaped) {
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        const auto unit = hex4(body, i + 1);
        if (!unit) {
          out += escaped;
          break;
        }
        i += 4;
        std::uint32_t code_point = *unit;
        // A high surrogate followed by "\uDC00".."\uDFFF" encodes one character beyond the BMP.
        if (code_point >= 0xD800 && code_point < 0xDC00 && i + 2 < body.size() &&
            body[i + 1] == '\\' && body[i + 2] == 'u') {
          const auto low = hex4(body, i + 3);
          if (low && *low >= 0xDC00 && *low < 0xE000) {
            code_point = 0x10000 + ((code_point - 0xD800) << 10) + (*low - 0xDC00);
            i += 6;
          }
        }
        append_utf8(out, code_point);
        break;
      }
      default:  // '"', '\\', '/'
        out += escaped;
        break;
    }
  }
  return out;
}

bool JsonView::as_bool() const { return raw() == "true"; }

std::optional<long long> JsonView::as_int() const {
  const std::string_view text = raw();
  long long value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace confiture::sql
