// Rendering of errors and results for the CLI (SPEC §5 envelope, human text).
#include "confiture/report/render.hpp"

#include <fmt/format.h>

namespace confiture::report {
namespace {

std::string paint(const Style& style, const char* ansi, const std::string& text) {
  if (!style.color) return text;
  return fmt::format("\x1b[{}m{}\x1b[0m", ansi, text);
}

}  // namespace

nlohmann::json error_envelope(const Error& error) {
  using nlohmann::json;
  json body = {
      {"code", error.code},
      {"severity", "error"},
      {"message", error.what()},
      {"actionable", error.hint.empty() ? json(nullptr) : json(error.hint)},
      {"details", error.details},
      {"migration", error.migration ? json(*error.migration) : json(nullptr)},
      {"file", nullptr},
      {"line", nullptr},
  };
  if (error.location) {
    body["file"] = error.location->file;
    if (error.location->line > 0) body["line"] = error.location->line;
    if (error.location->column > 0) body["column"] = error.location->column;
  }
  body["exit_code"] = static_cast<int>(error.exit_class);
  return json{{"ok", false}, {"error", body}};
}

std::string error_text(const Error& error, const Style& style) {
  std::string out =
      fmt::format("{} {}\n", paint(style, "1;31", "error[" + error.code + "]:"), error.what());
  if (error.location) {
    std::string where = error.location->file;
    if (error.location->line > 0) where += fmt::format(":{}", error.location->line);
    if (error.location->column > 0) where += fmt::format(":{}", error.location->column);
    // A message that starts with its place (config errors: "local.yaml:2:15: ...") needs no
    // second line saying it again.
    if (!std::string_view(error.what()).starts_with(where + ":")) {
      out += fmt::format("  --> {}\n", where);
    }
  }
  if (error.migration) out += fmt::format("  migration: {}\n", *error.migration);
  if (!error.hint.empty())
    out += fmt::format("  {} {}\n", paint(style, "1;36", "hint:"), error.hint);
  return out;
}

nlohmann::json success_envelope(nlohmann::json result) {
  nlohmann::json out = {{"ok", true}};
  if (result.is_object()) out.update(result);
  return out;
}

std::string warning_text(const std::string& message, const Style& style) {
  return fmt::format("{} {}\n", paint(style, "1;33", "warning:"), message);
}

}  // namespace confiture::report
