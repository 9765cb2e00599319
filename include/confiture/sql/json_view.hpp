// A read-only view of one value inside the JSON parse tree that libpg_query produces. Nothing is
// copied, decoded or even measured until asked: a view starts at its value and runs on to the end
// of the document, so finding a member skips only the members before it. libpg_query prints this
// tree several times faster than it builds its protobuf one, which is why we read JSON at all;
// nlohmann_json would first build a DOM of the whole tree, which costs more than the parse.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace confiture::sql {

// Length of the JSON value at the start of `text` (no leading blanks), or 0 when there is none or
// it is cut short. Strings are matched with their escapes; nothing is validated beyond that.
std::size_t json_value_length(std::string_view text);

// Number of blank bytes (space, tab, CR, LF) at the start of `text`.
std::size_t json_blank_length(std::string_view text);

class JsonView {
 public:
  JsonView() = default;  // absent: every query on it answers "nothing"
  // The value at the start of `text` (leading blanks allowed); `text` may go on after it.
  explicit JsonView(std::string_view text) : text_(text.substr(json_blank_length(text))) {}

  bool present() const { return !text_.empty(); }
  bool is_object() const { return present() && text_.front() == '{'; }
  bool is_array() const { return present() && text_.front() == '['; }
  bool is_string() const { return present() && text_.front() == '"'; }
  // The value's own text; empty when it is cut short.
  std::string_view raw() const { return text_.substr(0, length()); }

  // Member `key` of an object; absent when this is not an object or has no such member. Keys are
  // compared undecoded: libpg_query's keys are plain identifiers.
  JsonView operator[](std::string_view key) const;

  // Calls f(key, value) for each member of an object, in order; keys are undecoded.
  template <typename F>
  void for_each_member(F&& f) const;
  // Calls f(value) for each element of an array, in order.
  template <typename F>
  void for_each_element(F&& f) const;

  // libpg_query wraps every node as {"TypeName": {...fields}}: the first member's key and value.
  std::string_view first_key() const;
  JsonView first_value() const;

  std::string as_string() const;  // decoded string; empty when not a string
  bool as_bool() const;           // true only for the literal `true`
  std::optional<long long> as_int() const;

 private:
  std::size_t length() const {
    if (length_ == kUnknown) length_ = json_value_length(text_);
    return length_;
  }

  // Walks the members or elements of the container, calling f(key, value) (key empty for arrays)
  // until f returns false. Reaching the closing bracket records this view's length for free.
  template <typename F>
  void walk(F&& f) const;

  static constexpr std::size_t kUnknown = static_cast<std::size_t>(-1);
  std::string_view text_;
  mutable std::size_t length_ = kUnknown;  // measured at most once, and only when needed
};

template <typename F>
void JsonView::walk(F&& f) const {
  const bool object = is_object();
  const char closing = object ? '}' : ']';
  std::string_view rest = text_.substr(1);
  rest.remove_prefix(json_blank_length(rest));
  const auto close_at = [&] { length_ = static_cast<std::size_t>(rest.data() - text_.data()) + 1; };
  if (!rest.empty() && rest.front() == closing) return close_at();
  while (true) {
    std::string_view key;
    if (object) {
      const std::size_t key_length = json_value_length(rest);
      if (key_length < 2 || rest.front() != '"') return;
      key = rest.substr(1, key_length - 2);
      rest.remove_prefix(key_length);
      rest.remove_prefix(json_blank_length(rest));
      if (rest.empty() || rest.front() != ':') return;
      rest.remove_prefix(1);
      rest.remove_prefix(json_blank_length(rest));
    }
    const JsonView value(rest);
    if (!value.present() || !f(key, value)) return;
    const std::size_t value_length = value.length();  // known already if f walked it through
    if (value_length == 0) return;
    rest.remove_prefix(value_length);
    rest.remove_prefix(json_blank_length(rest));
    if (rest.empty()) return;
    if (rest.front() == closing) return close_at();
    if (rest.front() != ',') return;
    rest.remove_prefix(1);
    rest.remove_prefix(json_blank_length(rest));
  }
}

template <typename F>
void JsonView::for_each_member(F&& f) const {
  if (!is_object()) return;
  walk([&](std::string_view key, const JsonView& value) {
    f(key, value);
    return true;
  });
}

template <typename F>
void JsonView::for_each_element(F&& f) const {
  if (!is_array()) return;
  walk([&](std::string_view, const JsonView& value) {
    f(value);
    return true;
  });
}

}  // namespace confiture::sql
