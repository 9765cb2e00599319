// Checkpoint files: JSON, replaced atomically so a crash leaves the old or the new one.
#include "checkpoint.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace confiture::sync {
namespace {

Error checkpoint_error(const std::filesystem::path& file, const std::string& what) {
  return Error(codes::kSyncBadResume, ExitClass::kConfig,
               fmt::format("checkpoint {}: {}", file.string(), what),
               "run without --resume to start the sync over");
}

// .confiture/ and .confiture/sync/ may come with a checkout: neither is followed when it is a
// symbolic link, so a checkpoint is never written (or read) outside the project.
void refuse_linked_dirs(const std::filesystem::path& file) {
  for (const auto& dir : {file.parent_path(), file.parent_path().parent_path()}) {
    struct stat st {};
    if (::lstat(dir.c_str(), &st) == 0 && !S_ISDIR(st.st_mode)) {
      throw Error(codes::kServerUnsafeFile, ExitClass::kConnection,
                  fmt::format("{} is not a directory (a symbolic link?): refusing to keep sync "
                              "checkpoints there",
                              dir.string()),
                  "delete it; confiture makes its own files in .confiture/");
    }
  }
}

}  // namespace

namespace {

// The text of `file`, never through a symbolic link; nullopt when it does not exist.
std::optional<std::string> read_file(const std::filesystem::path& file) {
  refuse_linked_dirs(file);
  int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ELOOP) throw checkpoint_error(file, "a symbolic link: refusing to follow it");
    return std::nullopt;
  }
  std::string text;
  char buffer[4096];
  for (ssize_t n = 0; (n = ::read(fd, buffer, sizeof buffer)) > 0;) {
    text.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return text;
}

}  // namespace

std::optional<Checkpoint> read_checkpoint(const std::filesystem::path& file) {
  std::optional<std::string> read = read_file(file);
  if (!read) return std::nullopt;
  const std::string& text = *read;
  try {
    nlohmann::json json = nlohmann::json::parse(text);
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
  refuse_linked_dirs(file);
  std::error_code ignored;
  std::filesystem::create_directories(file.parent_path(), ignored);
  refuse_linked_dirs(file);
  std::filesystem::path temp = file;
  temp += ".tmp";
  // A fresh file of ours: whatever was there (a link a checkout planted) is removed, not followed.
  ::unlink(temp.c_str());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
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
  std::optional<std::string> text = read_file(file);
  if (!text) return {};
  try {
    return nlohmann::json::parse(*text).at("keys").get<std::map<std::string, std::string>>();
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
