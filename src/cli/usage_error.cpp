// Usage errors that name the word: CLI11 reports "A subcommand is required" for "confiture buidl",
// so the arguments are walked again against the app's own commands and options to find the first
// word that does not fit, and the closest real word is offered.
#include "usage_error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "confiture/report/codes.hpp"

namespace confiture::cli {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Optimal string alignment distance: insertions, deletions, substitutions and adjacent
// transpositions ("buidl" -> "build") each cost one.
std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// Words other tools use for a command confiture calls differently.
const std::map<std::string, std::string>& synonyms() {
  static const std::map<std::string, std::string> words = {
      {"new", "generate"},
      {"create", "generate"},
      {"add", "generate"},
      {"rollback", "down"},
      {"apply", "up"},
      {"info", "status"},
      {"verify-checksums", "verify"},
      {"validate", "verify"},
      {"make", "build"},
      {"setup", "init"},
  };
  return words;
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
  }
  return names;
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

std::string did_you_mean(const std::vector<std::string>& close) {
  if (close.empty()) return {};
  std::string out = " (did you mean ";
  for (std::size_t i = 0; i < close.size(); ++i) {
    if (i > 0) out += i + 1 == close.size() ? " or " : ", ";
    out += "'" + close[i] + "'";
  }
  return out + "?)";
}

const CLI::App* find_subcommand(const CLI::App& app, const std::string& word) {
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->check_name(word)) return sub;
  }
  return nullptr;
}

const CLI::Option* find_option(const CLI::App& app, const std::string& name) {
  for (const CLI::Option* opt : app.get_options()) {
    if (opt->nonpositional() && opt->check_name(name)) return opt;
  }
  return nullptr;
}

std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* opt : app.get_options()) {
    for (const auto& l : opt->get_lnames()) names.push_back("--" + l);
    for (const auto& s : opt->get_snames()) names.push_back("-" + s);
  }
  return names;
}

Error unknown_command(const CLI::App& app, const std::string& word) {
  const bool root = app.get_parent() == nullptr;
  const std::vector<std::string> names = command_names(app);
  std::string message =
      root ? fmt::format("unknown command '{}'", word)
           : fmt::format("unknown subcommand '{}' for `{}`", word, command_path(app));
  message += did_you_mean(closest_words(word, names));
  Error error(codes::kConfigUsage, ExitClass::kConfig, message,
              fmt::format("{} of `{}`: {}; `{} --help` describes them",
                          root ? "the commands" : "the subcommands", command_path(app),
                          join_words(names), command_path(app)));
  error.details["word"] = word;
  error.details["command"] = command_path(app);
  return error;
}

Error unknown_option(const CLI::App& app, const std::string& word) {
  // "--enf" is compared with "--env": the dashes say nothing about the spelling.
  std::vector<std::string> longs;
  for (const auto& name : option_names(app)) {
    if (name.rfind("--", 0) == 0) longs.push_back(name);
  }
  std::vector<std::string> close;
  if (word.rfind("--", 0) == 0) close = closest_words(word, longs);
  std::string message =
      fmt::format("unknown option '{}' for `{}`{}", word, command_path(app), did_you_mean(close));
  std::string hint = fmt::format("`{} --help` lists its options", command_path(app));
  // "confiture --env local build": the option is right, its place is not.
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (find_option(*sub, word)) {
      hint = fmt::format("options come after the command they belong to, e.g. `{} {}`",
                         command_path(*sub), word);
      break;
    }
  }
  Error error(codes::kConfigUsage, ExitClass::kConfig, message, hint);
  error.details["word"] = word;
  error.details["command"] = command_path(app);
  return error;
}

Error unexpected_argument(const CLI::App& app, const std::string& word) {
  std::string hint = fmt::format("`{} --help` shows what it takes", command_path(app));
  if (find_option(app, "--database-url")) {  // a command that connects to an environment
    hint = fmt::format("to choose an environment, write `--env {}`; ", word) + hint;
  }
  Error error(codes::kConfigUsage, ExitClass::kConfig,
              fmt::format("unexpected argument '{}' for `{}`", word, command_path(app)), hint);
  error.details["word"] = word;
  error.details["command"] = command_path(app);
  return error;
}

Error missing_command(const CLI::App& app) {
  const bool root = app.get_parent() == nullptr;
  Error error(codes::kConfigUsage, ExitClass::kConfig,
              fmt::format("`{}` needs a {}: {}", command_path(app), root ? "command" : "subcommand",
                          join_words(command_names(app))),
              fmt::format("`{} --help` describes them", command_path(app)));
  error.details["command"] = command_path(app);
  return error;
}

bool looks_negative_number(const std::string& arg) {
  return arg.size() > 1 && arg[0] == '-' &&
         (std::isdigit(static_cast<unsigned char>(arg[1])) != 0 || arg[1] == '.');
}

// Flags are options that expect no value (expected 0), whatever their type size.
bool takes_value(const CLI::Option& opt) { return opt.get_items_expected_max() > 0; }

// How many positional values `app` accepts in all (subcommands aside).
std::size_t positional_capacity(const CLI::App& app) {
  std::size_t total = 0;
  for (const CLI::Option* opt : app.get_options()) {
    if (!opt->nonpositional() && opt->get_positional()) {
      total += static_cast<std::size_t>(std::max(opt->get_items_expected_max(), 0));
    }
  }
  return total;
}

struct Walk {
  const CLI::App* command = nullptr;  // the deepest (sub)command the words reached
  std::optional<Error> error;         // the first word that does not fit, when one does not
};

// Follows `args` through the app as CLI11 would, far enough to name the first word that fits
// nowhere. Values of options are skipped; an option that takes a list takes words up to the
// next one that starts with a dash.
Walk walk(const CLI::App& app, const std::vector<std::string>& args) {
  Walk w;
  w.command = &app;
  std::size_t positionals = 0;
  bool only_positionals = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto skip_values = [&](const CLI::Option& opt) {
      if (i + 1 < args.size()) ++i;
      if (opt.get_items_expected_max() > 1) {
        while (i + 1 < args.size() && (args[i + 1].empty() || args[i + 1][0] != '-')) ++i;
      }
    };
    if (!only_positionals && arg == "--") {
      only_positionals = true;
      continue;
    }
    if (!only_positionals && arg.size() > 2 && arg.rfind("--", 0) == 0) {
      const std::string name = arg.substr(0, arg.find('='));
      const CLI::Option* opt = find_option(*w.command, name);
      if (!opt) {
        w.error = unknown_option(*w.command, name);
        return w;
      }
      if (takes_value(*opt) && name.size() == arg.size()) skip_values(*opt);
      continue;
    }
    if (!only_positionals && arg.size() > 1 && arg[0] == '-' && !looks_negative_number(arg)) {
      for (std::size_t j = 1; j < arg.size(); ++j) {
        const std::string name = std::string("-") + arg[j];
        const CLI::Option* opt = find_option(*w.command, name);
        if (!opt) {
          w.error = unknown_option(*w.command, name);
          return w;
        }
        if (takes_value(*opt)) {
          if (j + 1 == arg.size()) skip_values(*opt);
          break;  // the rest of the word is the value
        }
      }
      continue;
    }
    if (!only_positionals) {
      if (const CLI::App* sub = find_subcommand(*w.command, arg)) {
        w.command = sub;
        positionals = 0;
        continue;
      }
    }
    if (positionals < positional_capacity(*w.command)) {
      ++positionals;
      continue;
    }
    w.error = command_names(*w.command).empty() ? unexpected_argument(*w.command, arg)
                                                : unknown_command(*w.command, arg);
    return w;
  }
  if (w.command->get_require_subcommand_min() > 0) w.error = missing_command(*w.command);
  return w;
}

}  // namespace

std::string command_path(const CLI::App& app) {
  std::string path = app.get_name();
  for (const CLI::App* p = app.get_parent(); p; p = p->get_parent()) {
    path = p->get_name() + " " + path;
  }
  return path;
}

std::vector<std::string> closest_words(const std::string& word,
                                       const std::vector<std::string>& candidates) {
  const std::string w = lower(word);
  if (auto found = synonyms().find(w); found != synonyms().end()) {
    if (std::find(candidates.begin(), candidates.end(), found->second) != candidates.end()) {
      return {found->second};
    }
  }
  const std::size_t bare = w.size() - std::min(w.find_first_not_of('-'), w.size());
  const std::size_t allowed = bare <= 4 ? 1 : bare <= 8 ? 2 : 3;
  std::size_t best = allowed + 1;
  std::vector<std::string> out;
  for (const auto& candidate : candidates) {
    const std::string c = lower(candidate);
    if (c == w) continue;
    // A word the candidate starts with ("gen" for "generate") is as close as can be.
    std::size_t d = (bare >= 3 && c.rfind(w, 0) == 0) ? 0 : edit_distance(w, c);
    if (d < best) {
      best = d;
      out.clear();
    }
    if (d == best && d <= allowed && out.size() < 3) out.push_back(candidate);
  }
  return out;
}

Error usage_error(const CLI::App& app, const std::vector<std::string>& args,
                  const CLI::ParseError& failure) {
  Walk w = walk(app, args);
  if (w.error) return *w.error;
  // A word the walk accepted but CLI11 did not: a value out of range, a required option missing,
  // two options that exclude each other. CLI11's text names the option; say which command.
  const std::string path = command_path(*w.command);
  Error error(codes::kConfigUsage, ExitClass::kConfig, fmt::format("{}: {}", path, failure.what()),
              fmt::format("`{} --help` shows its usage", path));
  error.details["command"] = path;
  return error;
}

const CLI::App& find_command(const CLI::App& app, const std::vector<std::string>& words) {
  const CLI::App* command = &app;
  for (const auto& word : words) {
    const CLI::App* sub = find_subcommand(*command, word);
    if (!sub) throw unknown_command(*command, word);
    command = sub;
  }
  return *command;
}

}  // namespace confiture::cli
