// Command-line usage errors as a user reads them: the word that did not parse named, with the
// closest command or option the app really has ("did you mean 'build'?").
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "confiture/report/error.hpp"

namespace confiture::cli {

// The CONFIG_012 error for a failed parse of `args` (argv without the program name).
Error usage_error(const CLI::App& app, const std::vector<std::string>& args,
                  const CLI::ParseError& failure);

// The (sub)command that `words` name, e.g. {"migrate", "up"}; throws the usage error for a word
// that names none.
const CLI::App& find_command(const CLI::App& app, const std::vector<std::string>& words);

// "confiture migrate up": the words that call `app`.
std::string command_path(const CLI::App& app);

// The candidates closest to `word` by edit distance (transpositions count once), best first;
// empty when none is close enough to be a likely misspelling.
std::vector<std::string> closest_words(const std::string& word,
                                       const std::vector<std::string>& candidates);

}  // namespace confiture::cli
