// Checkpoint files: JSON, replaced atomically so a crash leaves the old or the new one.
#include "checkpoint.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace confiture::sync {
namespace {

Error checkpoint_error(const std::filesystem::path& file, const std::string& what) {
  return Error(codes::kSyncBadResume, ExitClass::kConfig,
               fmt::format("checkpoint {}: {}", file.string(), what),
               "run without --resume to start the sync over");
}

}  // namespace

std::optional<Checkpoint> read_checkpoint(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  try {
    nlohmann::json json = nlohmann::json::parse(text.str());
    Checkpoint checkpoint;
    checkpoint.plan = json.at("plan");
    for (const auto& name : json.at("finished"))
      checkpoint.finished.insert(name.get<std::string>());
    checkpoint.deferred_restored = json.value("deferred_restored", false);
    if (json.contains("keys")) {
      checkpoint.keys = json.at("keys").get<std::map<std::string, std::string>>();
    }
    return checkpoint;
  } catch (const nlohmann::json::exception& e) {
    throw checkpoint_error(file, std::string("unreadable: ") + e.what());
  }
}

namespace {

// `text` into `file` through a temp file, fsync and rename: a crash leaves the old or the new one.
void replace_file(const std::filesystem::path& file, const std::string& text) {
  std::error_code ignored;
  std::filesystem::create_directories(file.parent_path(), ignored);
  std::filesystem::path temp = file;
  temp += ".tmp";
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) throw checkpoint_error(file, std::strerror(errno));
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
            ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(temp.c_str(), file.c_str()) != 0) {
    throw checkpoint_error(file, std::strerror(errno));
  }
}

}  // namespace

void write_checkpoint(const std::filesystem::path& file, const Checkpoint& checkpoint) {
  nlohmann::json json = {{"version", 1},
                         {"plan", checkpoint.plan},
                         {"finished", checkpoint.finished},
                         {"deferred_restored", checkpoint.deferred_restored}};
  if (checkpoint.keys) json["keys"] = *checkpoint.keys;
  replace_file(file, json.dump(2) + "\n");
}

std::map<std::string, std::string> read_key_record(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return {};
  std::stringstream text;
  text << in.rdbuf();
  try {
    return nlohmann::json::parse(text.str()).at("keys").get<std::map<std::string, std::string>>();
  } catch (const nlohmann::json::exception& e) {
    throw Error(codes::kSyncBadResume, ExitClass::kConfig,
                fmt::format("key record {}: unreadable: {}", file.string(), e.what()),
                "delete it, then run a full sync (without --incremental)");
  }
}

void write_key_record(const std::filesystem::path& file,
                      const std::map<std::string, std::string>& keys) {
  nlohmann::json json = {{"version", 1}, {"keys", keys}};
  replace_file(file, json.dump(2) + "\n");
}

void remove_checkpoint(const std::filesystem::path& file) {
  std::error_code ignored;
  std::filesystem::remove(file, ignored);
}

}  // namespace confiture::sync
