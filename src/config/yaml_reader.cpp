// Typed, located reads from yaml-cpp nodes for the configuration loaders.
#include "config/yaml_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

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

}  // namespace

YAML::Node YamlReader::parse(const std::string& text) const {
  try {
    return YAML::Load(text);
  } catch (const YAML::Exception& e) {
    // yaml-cpp marks are 0-based; people and editors count from 1.
    SourceLocation where{file_, e.mark.line >= 0 ? e.mark.line + 1 : 0,
                         e.mark.column >= 0 ? e.mark.column + 1 : 0};
    throw report::located_error(codes::kConfigYamlSyntax, where,
                                fmt::format("invalid YAML: {}", e.msg),
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
    if (!item.first.IsScalar()) fail(codes::kConfigInvalidValue, item.first, "keys must be text");
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
    fail(codes::kConfigInvalidValue, node,
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

void YamlReader::warn_unknown(const YamlEntry& entry) {
  warn(entry.key_node, fmt::format("unknown key '{}' is ignored (misspelt?)", entry.path));
}

void YamlReader::notice(const YamlEntry& entry, std::string_view why) {
  warn(entry.key_node, fmt::format("'{}' is a setting of the Python tool; {}", entry.path, why));
}

void YamlReader::warn(const YAML::Node& node, const std::string& message) {
  warnings_.push_back(fmt::format("{}: {}", report::format_location(at(node)), message));
}

}  // namespace confiture::config
