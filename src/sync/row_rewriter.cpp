// COPY text format: fields separated by tabs, `\N` for NULL, backslash escapes for control
// characters and backslash itself (tabs and newlines inside values are always escaped, so a raw
// tab is always a separator).
#include "row_rewriter.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace confiture::sync {

RowRewriter::RowRewriter(std::vector<Step> steps) : steps_(std::move(steps)) {
  std::sort(steps_.begin(), steps_.end(),
            [](const Step& a, const Step& b) { return a.field < b.field; });
}

void copy_decode(std::string_view field, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < field.size(); ++i) {
    char c = field[i];
    if (c != '\\' || i + 1 == field.size()) {
      out.push_back(c);
      continue;
    }
    char e = field[++i];
    switch (e) {
      case 'b':
        out.push_back('\b');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'v':
        out.push_back('\v');
        break;
      case 'x': {
        int value = 0, digits = 0;
        while (digits < 2 && i + 1 < field.size() &&
               std::isxdigit(static_cast<unsigned char>(field[i + 1]))) {
          char h = field[++i];
          value = value * 16 + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
          ++digits;
        }
        if (digits == 0)
          out.push_back('x');
        else
          out.push_back(static_cast<char>(value));
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          int value = e - '0';
          for (int digits = 1;
               digits < 3 && i + 1 < field.size() && field[i + 1] >= '0' && field[i + 1] <= '7';
               ++digits) {
            value = value * 8 + (field[++i] - '0');
          }
          out.push_back(static_cast<char>(value));
        } else {
          out.push_back(e);
        }
    }
  }
}

void copy_encode(std::string_view value, std::string& out) {
  for (char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out.push_back(c);
    }
  }
}

void RowRewriter::rewrite(std::string_view row, std::string& out) {
  if (!row.empty() && row.back() == '\n') row.remove_suffix(1);
  auto short_row = [] {
    return Error(codes::kSyncCopyFailed, ExitClass::kConnection,
                 "a row from the source has fewer fields than the columns asked for");
  };
  std::size_t field = 0, start = 0, copied = 0;  // `copied`: bytes of `row` already in `out`
  for (Step& step : steps_) {
    while (field < step.field) {
      if (start > row.size()) throw short_row();
      const void* tab = std::memchr(row.data() + start, '\t', row.size() - start);
      if (!tab) throw short_row();
      start = static_cast<std::size_t>(static_cast<const char*>(tab) - row.data()) + 1;
      ++field;
    }
    if (start > row.size()) throw short_row();
    const void* tab = std::memchr(row.data() + start, '\t', row.size() - start);
    std::size_t end =
        tab ? static_cast<std::size_t>(static_cast<const char*>(tab) - row.data()) : row.size();
    std::string_view value = row.substr(start, end - start);
    out.append(row.data() + copied, start - copied);
    if (!step.anonymizer || value == "\\N") {
      out += "\\N";
    } else {
      copy_decode(value, decoded_);
      replaced_.clear();
      if (step.anonymizer->apply(decoded_, replaced_)) {
        copy_encode(replaced_, out);
      } else {
        out += "\\N";
      }
    }
    copied = end;
    start = end + 1;
    ++field;
  }
  out.append(row.data() + copied, row.size() - copied);
  out.push_back('\n');
}

}  // namespace confiture::sync
