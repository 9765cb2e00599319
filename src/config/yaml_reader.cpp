// Typed, located reads from yaml-cpp nodes for the configuration loaders.
#include "confiture/config/yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>

#include "confiture/config/expand_variables.hpp"
#include "confiture/report/codes.hpp"
#include "confiture/report/located_error.hpp"

namespace confiture::config {
namespace {

std::string kind_name(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Null:
      return "empty";
    default:
      return fmt::format("'{}'", node.Scalar());
  }
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// Optimal string alignment distance (Levenshtein plus adjacent transpositions), ASCII case
// folded: "protectd" and "tracking_tabel" are 1 from what was meant.
std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::string x = lowercase(std::string(a)), y = lowercase(std::string(b));
  std::vector<std::vector<std::size_t>> d(x.size() + 1, std::vector<std::size_t>(y.size() + 1));
  for (std::size_t i = 0; i <= x.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= y.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[x.size()][y.size()];
}

// The known key `key` most likely stands for: at most 2 edits away (1 for short keys), the
// closest first; none when nothing is that close.
std::optional<std::string_view> closest_key(std::string_view key,
                                            const std::vector<std::string_view>& known) {
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  const std::size_t limit = key.size() <= 4 ? 1 : 2;
  for (std::string_view candidate : known) {
    const std::size_t distance = edit_distance(key, candidate);
    if (distance > limit || distance >= candidate.size()) continue;
    if (!best || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace

YAML::Node YamlReader::parse(const std::string& text) const {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    // yaml-cpp marks are 0-based; people and editors count from 1.
    SourceLocation where{file_, e.mark.line >= 0 ? e.mark.line + 1 : 0,
                         e.mark.column >= 0 ? e.mark.column + 1 : 0};
    throw report::located_error(rules_.syntax_code, where, fmt::format("invalid YAML: {}", e.msg),
                                "fix the YAML syntax at that place (indentation, quotes, tabs)");
  }
}

SourceLocation YamlReader::at(const YAML::Node& node) const {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return SourceLocation{file_, 0, 0};
  return SourceLocation{file_, mark.line + 1, mark.column + 1};
}

std::vector<YamlEntry> YamlReader::entries(const YAML::Node& map, std::string_view path) {
  std::vector<YamlEntry> result;
  std::vector<YamlEntry> merged;
  const auto child_path = [&](const std::string& key) {
    return path.empty() ? key : fmt::format("{}.{}", path, key);
  };
  for (const auto& item : map) {
    const bool strict = rules_.duplicates == DuplicateKeys::kError;
    if (!item.first.IsScalar() || (strict && item.first.Scalar().empty())) {
      fail(rules_.shape_code, item.first,
           strict ? fmt::format("{}: keys must be names", path.empty() ? "top level" : path)
                  : "keys must be text");
    }
    const std::string key = item.first.Scalar();
    if (key == "<<") {
      // Merge keys never override keys written in the mapping itself.
      std::vector<YAML::Node> sources;
      if (item.second.IsSequence()) {
        for (const auto& source : item.second) sources.push_back(source);
      } else {
        sources.push_back(item.second);
      }
      for (const auto& source : sources) {
        require_map(source, path.empty() ? "<<" : fmt::format("{}.<<", path));
        for (const auto& inner : source) {
          if (!inner.first.IsScalar()) continue;
          merged.push_back(
              {inner.first.Scalar(), child_path(inner.first.Scalar()), inner.first, inner.second});
        }
      }
      continue;
    }
    auto same = std::find_if(result.begin(), result.end(),
                             [&](const YamlEntry& e) { return e.key == key; });
    if (same != result.end() && strict) {
      fail(rules_.shape_code, item.first,
           fmt::format("key '{}' is repeated (first at line {})", child_path(key),
                       at(same->key_node).line),
           "merge the two entries into one");
    }
    if (same != result.end()) {
      warn(item.first, fmt::format("key '{}' is repeated; the last one is used", child_path(key)));
      same->key_node = item.first;
      same->value = item.second;
      continue;
    }
    result.push_back({key, child_path(key), item.first, item.second});
  }
  for (auto& entry : merged) {
    const bool present = std::any_of(result.begin(), result.end(),
                                     [&](const YamlEntry& e) { return e.key == entry.key; });
    if (!present) result.push_back(std::move(entry));
  }
  return result;
}

std::string YamlReader::read_string(const YAML::Node& node, std::string_view path) const {
  if (!node.IsScalar()) {
    fail(codes::kConfigInvalidValue, node,
         fmt::format("{} must be a text value, got {}", path, kind_name(node)));
  }
  return expand_variables(node.Scalar(), env_, at(node));
}

bool YamlReader::read_bool(const YAML::Node& node, std::string_view path) const {
  const std::string value = node.IsScalar() ? lowercase(read_string(node, path)) : std::string();
  // YAML 1.1 booleans, as PyYAML reads them.
  if (value == "true" || value == "yes" || value == "on") return true;
  if (value == "false" || value == "no" || value == "off") return false;
  fail(codes::kConfigInvalidValue, node,
       fmt::format("{} must be true or false, got {}", path, kind_name(node)));
}

int YamlReader::read_int(const YAML::Node& node, std::string_view path, int min_value) const {
  const std::string value = node.IsScalar() ? read_string(node, path) : std::string();
  int number = 0;
  const char* end = value.data() + value.size();
  const auto [ptr, ec] = std::from_chars(value.data(), end, number);
  if (value.empty() || ec != std::errc() || ptr != end) {
    fail(codes::kConfigInvalidValue, node,
         fmt::format("{} must be a whole number, got {}", path, kind_name(node)));
  }
  if (number < min_value) {
    fail(codes::kConfigInvalidValue, node,
         fmt::format("{} must be at least {}, got {}", path, min_value, number));
  }
  return number;
}

std::vector<std::string> YamlReader::read_string_list(const YAML::Node& node,
                                                      std::string_view path) const {
  std::vector<std::string> result;
  if (node.IsNull()) return result;
  require_list(node, path);
  std::size_t index = 0;
  for (const auto& item : node) {
    result.push_back(read_string(item, fmt::format("{}[{}]", path, index++)));
  }
  return result;
}

void YamlReader::require_map(const YAML::Node& node, std::string_view path) const {
  if (!node.IsMap()) {
    fail(rules_.shape_code, node,
         fmt::format("{} must be a mapping of keys, got {}", path, kind_name(node)));
  }
}

void YamlReader::require_list(const YAML::Node& node, std::string_view path) const {
  if (!node.IsSequence()) {
    fail(codes::kConfigInvalidValue, node,
         fmt::format("{} must be a list, got {}", path, kind_name(node)));
  }
}

void YamlReader::fail(const char* code, const YAML::Node& node, const std::string& message,
                      std::string hint) const {
  throw report::located_error(code, at(node), message, std::move(hint));
}

void YamlReader::warn_unknown(const YamlEntry& entry, const std::vector<std::string_view>& known,
                              const std::vector<std::string_view>& guarded) {
  const std::optional<std::string_view> meant = closest_key(entry.key, known);
  if (!meant) {
    // A guarded key in the wrong mapping (mis-indented YAML) is as dangerous as a misspelt one.
    for (const auto& [key, right_path] : misplaced_guarded_) {
      if (entry.path != right_path && closest_key(entry.key, {key})) {
        fail(codes::kConfigMisspeltKey, entry.key_node,
             fmt::format("unknown key '{}' (did you mean '{}'?): it is not ignored, because "
                         "'{}' changes what or where commands write",
                         entry.path, right_path, right_path),
             fmt::format("write it as '{}' (check the indentation)", right_path));
      }
    }
    warn(entry.key_node, fmt::format("unknown key '{}' is ignored (misspelt?)", entry.path));
    return;
  }
  const std::string meant_path =
      entry.path.substr(0, entry.path.size() - entry.key.size()) + std::string(*meant);
  if (std::find(guarded.begin(), guarded.end(), *meant) != guarded.end()) {
    fail(codes::kConfigMisspeltKey, entry.key_node,
         fmt::format("unknown key '{}' (did you mean '{}'?): it is not ignored, because '{}' "
                     "changes what or where commands write",
                     entry.path, meant_path, meant_path),
         fmt::format("spell it '{}' (or remove the line)", *meant));
  }
  warn(entry.key_node,
       fmt::format("unknown key '{}' is ignored (did you mean '{}'?)", entry.path, meant_path));
}

void YamlReader::notice(const YamlEntry& entry, std::string_view why) {
  warn(entry.key_node, fmt::format("'{}' is a setting of the Python tool; {}", entry.path, why));
}

void YamlReader::warn(const YAML::Node& node, const std::string& message) {
  warnings_.push_back(fmt::format("{}: {}", report::format_location(at(node)), message));
}

}  // namespace confiture::config
