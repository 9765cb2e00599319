// `text_redact`: free text kept, with the email addresses, phone numbers and URLs in it replaced
// by [EMAIL], [PHONE] and [URL]. Hand-written scanners in one left-to-right pass (std::regex
// costs microseconds per value). It errs towards redacting: any run of 7 to 15 digits written
// like a phone number counts as one, dates (2024-03-01), dotted quads and decimals do not.
#include <array>

#include "sync/anonymize/fit_length.hpp"
#include "sync/anonymize/strategy_factories.hpp"

namespace confiture::sync::anonymize {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }
bool is_high(char c) { return static_cast<unsigned char>(c) >= 0x80; }  // UTF-8, counts as a letter
bool is_word(char c) { return is_alnum(c) || is_high(c) || c == '_'; }
bool is_local(char c) {
  return is_alnum(c) || is_high(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool is_domain(char c) { return is_alnum(c) || is_high(c) || c == '-' || c == '.'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool starts_with_ignoring_case(std::string_view text, std::size_t pos, std::string_view prefix) {
  if (text.size() - pos < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// A URL starting at `start` (http://, https://, ftp://, www.): its end, or 0. It runs to the next
// space or quote; trailing sentence punctuation, and a ')' or ']' it did not open, stay text.
std::size_t match_url(std::string_view text, std::size_t start) {
  std::size_t pos = start;
  if (starts_with_ignoring_case(text, pos, "https://")) {
    pos += 8;
  } else if (starts_with_ignoring_case(text, pos, "http://")) {
    pos += 7;
  } else if (starts_with_ignoring_case(text, pos, "ftp://")) {
    pos += 6;
  } else if (starts_with_ignoring_case(text, pos, "www.")) {
    pos += 4;
  } else {
    return 0;
  }
  std::size_t body = pos;
  int parens = 0;
  int brackets = 0;
  while (pos < text.size()) {
    char c = text[pos];
    if (is_space(c) || c == '"' || c == '\'' || c == '<' || c == '>' ||
        static_cast<unsigned char>(c) < 0x20) {
      break;
    }
    parens += c == '(' ? 1 : c == ')' ? -1 : 0;
    brackets += c == '[' ? 1 : c == ']' ? -1 : 0;
    ++pos;
  }
  while (pos > body) {
    char c = text[pos - 1];
    bool unopened = (c == ')' && parens < 0) || (c == ']' && brackets < 0);
    bool punctuation = c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?';
    if (!unopened && !punctuation) break;
    parens += c == ')' ? 1 : 0;
    brackets += c == ']' ? 1 : 0;
    --pos;
  }
  return pos > body && is_alnum(text[body]) ? pos : 0;
}

// An email address whose local part starts at `start`: its end, or 0. The domain needs a dot
// and a last label of two letters or more.
std::size_t match_email(std::string_view text, std::size_t start) {
  std::size_t pos = start;
  while (pos < text.size() && is_local(text[pos])) ++pos;
  if (pos == start || pos >= text.size() || text[pos] != '@') return 0;
  std::size_t domain = ++pos;
  while (pos < text.size() && is_domain(text[pos])) ++pos;
  while (pos > domain && (text[pos - 1] == '.' || text[pos - 1] == '-')) --pos;
  std::size_t last_dot = text.rfind('.', pos - 1);
  if (pos == domain || last_dot == std::string_view::npos || last_dot <= domain) return 0;
  if (text[domain] == '.' || text[domain] == '-') return 0;
  std::size_t letters = 0;
  for (std::size_t i = last_dot + 1; i < pos; ++i) {
    if (!is_alpha(text[i]) && !is_high(text[i])) return 0;
    ++letters;
  }
  return letters >= 2 ? pos : 0;
}

// A phone number starting at `start` (a digit, '+' or '('): its end, or 0. Groups of digits,
// optionally parenthesised, joined by one space, dash or dot.
std::size_t match_phone(std::string_view text, std::size_t start) {
  constexpr int kMinDigits = 7;
  constexpr int kMaxDigits = 15;
  constexpr std::size_t kShapeGroups = 4;  // groups and joints remembered to tell dates and IPs
  std::size_t pos = start;
  bool plus = text[pos] == '+';
  if (plus) ++pos;
  bool parens = false;
  bool spaced = false;  // some groups joined by a space or a dash
  int digits = 0;
  std::size_t groups = 0;
  std::array<std::size_t, kShapeGroups> lengths{};
  std::array<char, kShapeGroups> joints{};  // what follows each group
  std::size_t end = 0;
  while (pos < text.size()) {
    bool open = text[pos] == '(';
    std::size_t group = pos + (open ? 1 : 0);
    std::size_t after = group;
    while (after < text.size() && is_digit(text[after])) ++after;
    if (after == group) break;
    std::size_t length = after - group;
    if (open) {
      if (after >= text.size() || text[after] != ')') break;
      parens = true;
      ++after;
    }
    digits += static_cast<int>(length);
    if (digits > kMaxDigits) return 0;
    if (groups < kShapeGroups) lengths[groups] = length;
    ++groups;
    end = pos = after;
    if (pos >= text.size()) break;
    char c = text[pos];
    if (is_digit(c) || c == '(') continue;  // "(555)123" or "+1(555)"
    bool joint = c == ' ' || c == '-' || c == '.';
    if (!joint || pos + 1 >= text.size() || !(is_digit(text[pos + 1]) || text[pos + 1] == '(')) {
      break;
    }
    if (groups <= kShapeGroups) joints[groups - 1] = c;
    spaced = spaced || c != '.';
    ++pos;
  }
  if (end == 0 || digits < kMinDigits) return 0;
  if (!plus && !parens) {
    if (groups == 1 && digits < 10) return 0;  // a bare number rather than a phone
    bool date_shape = (lengths[0] == 4 && lengths[1] == 2 && lengths[2] == 2) ||
                      (lengths[0] == 2 && lengths[1] == 2 && lengths[2] == 4);
    if (groups >= 3 && date_shape && joints[0] == joints[1] && joints[0] != ' ') {
      return 0;  // 2024-03-01, maybe followed by its time
    }
    bool dotted_quad =
        groups == 4 && lengths[0] <= 3 && lengths[1] <= 3 && lengths[2] <= 3 && lengths[3] <= 3;
    if (!spaced && (groups == 2 || dotted_quad)) return 0;  // a decimal number, an IPv4 address
  }
  // Glued to a word on the right ("5551234567abc", "...-446655440000" in a UUID) it is no phone.
  if (end < text.size() &&
      (is_word(text[end]) || ((text[end] == '-' || text[end] == '.' || text[end] == '/') &&
                              end + 1 < text.size() && is_word(text[end + 1])))) {
    return 0;
  }
  return end;
}

// Whether a match may start at `pos`: not inside a word, nor glued to one by '-', '.', '/'.
bool at_boundary(std::string_view text, std::size_t pos) {
  if (pos == 0) return true;
  char before = text[pos - 1];
  if (is_word(before)) return false;
  bool joiner = before == '-' || before == '.' || before == '/' || before == '+';
  return !(joiner && pos >= 2 && is_word(text[pos - 2]));
}

class TextRedact final : public Anonymizer {
 public:
  explicit TextRedact(int max_length) : max_length_(max_length) {}

  bool apply(std::string_view value, std::string& out) override {
    // Most texts hold no address at all: one memchr spares every word an email attempt.
    bool has_at = value.find('@') != std::string_view::npos;
    std::size_t copied = 0;
    std::size_t pos = 0;
    while (pos < value.size()) {
      std::size_t begin = pos;
      std::size_t end = 0;
      std::string_view token;
      char c = value[pos];
      if (has_at && is_local(c) && (pos == 0 || !is_local(value[pos - 1]))) {
        while (begin < value.size() && is_local(value[begin]) && !is_alnum(value[begin]) &&
               !is_high(value[begin])) {
          ++begin;  // leading punctuation ("...john@") stays text
        }
        end = begin < value.size() ? match_email(value, begin) : 0;
        token = "[EMAIL]";
      }
      bool url_start = c == 'h' || c == 'H' || c == 'f' || c == 'F' || c == 'w' || c == 'W';
      if (end == 0 && url_start && at_boundary(value, pos)) {
        begin = pos;
        end = match_url(value, pos);
        token = "[URL]";
      }
      if (end == 0 && (is_digit(c) || c == '+' || c == '(') && at_boundary(value, pos)) {
        begin = pos;
        end = match_phone(value, pos);
        token = "[PHONE]";
      }
      if (end == 0) {
        ++pos;
        continue;
      }
      out.append(value.substr(copied, begin - copied));
      out.append(token);
      copied = pos = end;
    }
    out.append(value.substr(copied));
    fit_length(out, max_length_);
    return true;
  }

 private:
  int max_length_;
};

}  // namespace

std::unique_ptr<Anonymizer> make_text_redact(const StrategyArgs& args) {
  return std::make_unique<TextRedact>(args.column.max_length);
}

}  // namespace confiture::sync::anonymize
