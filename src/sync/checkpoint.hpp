// The checkpoint of a running sync: which tables are finished, written atomically (temp file,
// fsync, rename) after each one, so --resume skips them after Ctrl-C, a dropped connection or
// a killed process. It records the plan it belongs to; a different plan cannot resume from it.
#pragma once

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

namespace confiture::sync {

struct Checkpoint {
  nlohmann::json plan;             // summary of the plan (tables, columns, filters, strategies)
  std::set<std::string> finished;  // display names of committed tables
  bool deferred_restored = false;
  // Fingerprints of the anonymisation keys the run used, by the variable each was read from
  // (key_fingerprint(), never the key). Absent in a checkpoint written before they were kept.
  std::optional<std::map<std::string, std::string>> keys;
};

std::optional<Checkpoint> read_checkpoint(const std::filesystem::path& file);  // nullopt: none
void write_checkpoint(const std::filesystem::path& file, const Checkpoint& checkpoint);
void remove_checkpoint(const std::filesystem::path& file);

// The record kept between runs of one source/target pair (FROM--TO.keys.json next to the
// checkpoint): the fingerprints of the keys the rows in the target were anonymised under, so an
// --incremental run with another key is refused. Empty when there is none yet.
std::map<std::string, std::string> read_key_record(const std::filesystem::path& file);
void write_key_record(const std::filesystem::path& file,
                      const std::map<std::string, std::string>& keys);

}  // namespace confiture::sync
