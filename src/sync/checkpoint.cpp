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
    return checkpoint;
  } catch (const nlohmann::json::exception& e) {
    throw checkpoint_error(file, std::string("unreadable: ") + e.what());
  }
}

void write_checkpoint(const std::filesystem::path& file, const Checkpoint& checkpoint) {
  nlohmann::json json = {{"version", 1},
                         {"plan", checkpoint.plan},
                         {"finished", checkpoint.finished},
                         {"deferred_restored", checkpoint.deferred_restored}};
  std::string text = json.dump(2) + "\n";
  std::error_code ignored;
  std::filesystem::create_directories(file.parent_path(), ignored);
  std::filesystem::path temp = file;
  temp += ".tmp";
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw checkpoint_error(file, std::strerror(errno));
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
            ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(temp.c_str(), file.c_str()) != 0) {
    throw checkpoint_error(file, std::strerror(errno));
  }
}

void remove_checkpoint(const std::filesystem::path& file) {
  std::error_code ignored;
  std::filesystem::remove(file, ignored);
}

}  // namespace confiture::sync
