// TestDatabase: on-demand test server, a template made once per server (under a file lock, as
// test processes run in parallel), one cloned database per test.
#include "test_database.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <stdexcept>

#include "confiture/pg/embedded_server.hpp"

namespace confiture::test {
namespace {

class FileLock {
 public:
  explicit FileLock(const std::filesystem::path& file)
      : fd_(open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644)) {
    if (fd_ < 0 || flock(fd_, LOCK_EX) != 0) {
      throw std::runtime_error("cannot lock " + file.string());
    }
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;
  ~FileLock() { close(fd_); }

 private:
  int fd_;
};

}  // namespace

std::string test_server_admin_dsn() {
  pg::EmbeddedServer server(CONFITURE_TEST_SERVER_DIR);
  server.start();
  std::string admin_dsn = server.admin_url();
  FileLock lock(std::filesystem::path(CONFITURE_TEST_SERVER_DIR) / ".confiture" / "template.lock");
  pg::Connection admin(admin_dsn);
  if (!pg::database_exists(admin, kTemplateDatabase)) {
    pg::create_database(admin, kTemplateDatabase);
  }
  return admin_dsn;
}

TestDatabase::TestDatabase()
    : admin_dsn_(test_server_admin_dsn()),
      database_(admin_dsn_, "confiture_test_", kTemplateDatabase) {}

}  // namespace confiture::test
