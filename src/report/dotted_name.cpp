// Reading `schema.name` with optionally "quoted" parts: one scanner, three kinds of bare part.
#include "confiture/report/dotted_name.hpp"

namespace confiture::report {
namespace {

// PostgreSQL's scanner_isspace.
bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_plain_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_plain_char(char c) { return is_plain_start(c) || (c >= '0' && c <= '9'); }

class Scanner {
 public:
  Scanner(std::string_view text, const NameSyntax& syntax) : text_(text), syntax_(syntax) {}

  std::optional<std::vector<std::string>> parts() {
    std::vector<std::string> parts;
    while (true) {
      skip_blanks();
      std::optional<std::string> part = at_end() || text_[at_] != '"' ? bare() : quoted();
      if (!part || part->empty()) return std::nullopt;
      parts.push_back(std::move(*part));
      skip_blanks();
      if (at_end()) return parts;
      if (text_[at_] != '.') return std::nullopt;
      if (syntax_.max_parts != 0 && parts.size() == syntax_.max_parts) return std::nullopt;
      ++at_;
    }
  }

 private:
  bool at_end() const { return at_ >= text_.size(); }

  void skip_blanks() {
    if (syntax_.bare == NameSyntax::Bare::kPlain) return;
    while (!at_end() && is_blank(text_[at_])) ++at_;
  }

  std::optional<std::string> quoted() {
    std::string part;
    for (++at_;; ++at_) {
      if (at_end() || text_[at_] == '\0') return std::nullopt;
      if (text_[at_] == '"') {
        if (at_ + 1 >= text_.size() || text_[at_ + 1] != '"') break;
        ++at_;
      }
      part += text_[at_];
    }
    ++at_;  // the closing quote
    return part;
  }

  std::optional<std::string> bare() {
    const std::size_t start = at_;
    switch (syntax_.bare) {
      case NameSyntax::Bare::kPlain:
        if (at_end() || !is_plain_start(text_[at_])) return std::nullopt;
        while (!at_end() && is_plain_char(text_[at_])) ++at_;
        break;
      case NameSyntax::Bare::kWord:
        while (!at_end() && text_[at_] != '.' && !is_blank(text_[at_])) ++at_;
        break;
      case NameSyntax::Bare::kPhrase:
        while (!at_end() && text_[at_] != '.') {
          if (text_[at_] == '"') return std::nullopt;
          ++at_;
        }
        break;
    }
    std::string_view written = text_.substr(start, at_ - start);
    while (!written.empty() && is_blank(written.back())) written.remove_suffix(1);
    std::string part(written);
    if (syntax_.fold_bare) {
      for (char& c : part) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      }
    }
    return part;
  }

  std::string_view text_;
  NameSyntax syntax_;
  std::size_t at_ = 0;
};

}  // namespace

std::optional<std::vector<std::string>> split_dotted_name(std::string_view text,
                                                          const NameSyntax& syntax) {
  return Scanner(text, syntax).parts();
}

std::optional<SchemaAndName> split_schema_and_name(std::string_view text,
                                                   const NameSyntax& syntax) {
  NameSyntax two = syntax;
  two.max_parts = 2;
  auto parts = split_dotted_name(text, two);
  if (!parts) return std::nullopt;
  if (parts->size() == 1) return SchemaAndName{"", std::move(parts->front())};
  return SchemaAndName{std::move((*parts)[0]), std::move((*parts)[1])};
}

}  // namespace confiture::report
