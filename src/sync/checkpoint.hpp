// The checkpoint of a running sync: which tables are finished, written atomically (temp file,
// fsync, rename) after each one, so --resume skips them after Ctrl-C, a dropped connection or
// a killed process. It records the plan it belongs to; a different plan cannot resume from it.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

namespace confiture::sync {

struct Checkpoint {
  nlohmann::json plan;             // summary of the plan (tables, columns, filters, strategies)
  std::set<std::string> finished;  // display names of committed tables
  bool deferred_restored = false;
};

std::optional<Checkpoint> read_checkpoint(const std::filesystem::path& file);  // nullopt: none
void write_checkpoint(const std::filesystem::path& file, const Checkpoint& checkpoint);
void remove_checkpoint(const std::filesystem::path& file);

}  // namespace confiture::sync
