// Running the PostgreSQL programs, as an unprivileged user when we are root (initdb and
// postgres refuse to run as root). Private to src/pg/.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace confiture::pg::detail {

// The account the server programs run as.
struct ServiceUser {
  std::string name;
  uid_t uid = 0;
  gid_t gid = 0;
  std::vector<gid_t> groups;
};

// nullopt when not root (the programs run as ourselves); otherwise `postgres`, else `nobody`.
std::optional<ServiceUser> service_user();

// Runs argv[0] (an absolute path) with stdout and stderr appended to `output_fd`, as `user`
// when given, from "/" and with no other descriptors inherited. Returns the exit status
// (128 + signal when killed, 127 when it could not start).
int run_program(const std::vector<std::string>& argv, const std::optional<ServiceUser>& user,
                int output_fd);

// Runs a program found on PATH and returns its stdout, nullopt when it fails or is absent.
std::optional<std::string> capture_output(const std::vector<std::string>& argv);

// Whether `user` can reach `dir` (search permission on it and every parent), checked by
// asking the kernel as that user.
bool can_traverse(const ServiceUser& user, const std::filesystem::path& dir);

}  // namespace confiture::pg::detail
