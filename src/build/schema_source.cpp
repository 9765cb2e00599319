// Reading, hashing and concatenating the DDL files of a build.
#include "confiture/build/schema_source.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <memory>
#include <mutex>
#include <thread>

#include "confiture/report/codes.hpp"
#include "confiture/report/error.hpp"

namespace confiture::build {
namespace {

std::string read_file(const SourceFile& file) {
  auto fail = [&](int err) {
    return Error(codes::kSchemaReadFailed, ExitClass::kSchema,
                 fmt::format("cannot read {}: {}", file.display, std::strerror(err)));
  };
  int fd = ::open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw fail(errno);
  std::string content;
  struct stat st {};
  if (::fstat(fd, &st) == 0) content.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  for (;;) {
    if (done == content.size()) content.resize(done + 4096);  // grew since fstat
    ssize_t n = ::read(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      throw fail(err);
    }
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  content.resize(done);
  return content;
}

std::string separator(const config::Environment& env, const std::string& path) {
  const std::string rule(42, '=');
  switch (env.build.separator_style) {
    case config::SeparatorStyle::kLineComment:
      return fmt::format("\n-- {0}\n-- File: {1}\n-- {0}\n\n", rule, path);
    case config::SeparatorStyle::kMysql:
      return fmt::format("\n# {0}\n# File: {1}\n# {0}\n\n", rule, path);
    case config::SeparatorStyle::kCustom: {
      std::string text = env.build.custom_template;
      const std::string key = "{file_path}";
      for (auto at = text.find(key); at != std::string::npos;
           at = text.find(key, at + path.size())) {
        text.replace(at, key.size(), path);
      }
      return "\n" + text + "\n";
    }
    case config::SeparatorStyle::kBlockComment:
      break;
  }
  return fmt::format("\n/* {0}\n * File: {1}\n * {0} */\n\n", rule, path);
}

}  // namespace

std::vector<LoadedFile> load_files(const std::vector<SourceFile>& files) {
  // Reading from the page cache is mostly copying and page faults: spread it over the cores.
  std::vector<LoadedFile> out(files.size());
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
      try {
        out[i] = {files[i], read_file(files[i])};
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = files.size();
      }
    }
  };
  std::size_t threads = std::min<std::size_t>(std::thread::hardware_concurrency(), 8);
  if (files.size() < 64) threads = 1;
  std::vector<std::thread> pool;
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& thread : pool) thread.join();
  if (failure) std::rethrow_exception(failure);
  return out;
}

std::string schema_hash(const std::vector<LoadedFile>& files) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
  const char zero = '\0';
  for (const auto& file : files) {
    EVP_DigestUpdate(ctx.get(), file.source.hash_path.data(), file.source.hash_path.size());
    EVP_DigestUpdate(ctx.get(), &zero, 1);
    EVP_DigestUpdate(ctx.get(), file.content.data(), file.content.size());
    EVP_DigestUpdate(ctx.get(), &zero, 1);
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(ctx.get(), digest, &length);
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

namespace {
constexpr std::string_view kGeneratedHeader =
    "-- ============================================\n-- PostgreSQL Schema for Confiture\n";
}  // namespace

bool is_generated_schema(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string start(kGeneratedHeader.size(), '\0');
  in.read(start.data(), static_cast<std::streamsize>(start.size()));
  return in && start == kGeneratedHeader;
}

GeneratedSchema concatenate(const std::vector<LoadedFile>& files, const config::Environment& env,
                            const std::string& hash) {
  const std::string rule = "-- ============================================\n";
  GeneratedSchema out;
  std::string& own = out.own_;
  own = std::string(kGeneratedHeader) + rule + "--\n";
  own += fmt::format("-- Environment: {}\n-- Schema Hash: {}\n-- Files Included: {}\n", env.name,
                     hash, files.size());
  own += "--\n-- This file was generated by Confiture (confiture build)\n";
  own += "-- DO NOT EDIT MANUALLY - Edit source files in db/schema/\n--\n" + rule + "\n";
  // Pieces of own are recorded as offsets and turned into views once own stops growing.
  struct Piece {
    std::size_t offset, length;
    const std::string* content;
  };
  std::vector<Piece> pieces{{0, own.size(), nullptr}};
  for (const auto& file : files) {
    std::size_t at = own.size();
    own += separator(env, file.source.display);
    pieces.push_back({at, own.size() - at, nullptr});
    pieces.push_back({0, file.content.size(), &file.content});
    if (file.content.empty() || file.content.back() != '\n') {
      pieces.push_back({own.size(), 1, nullptr});
      own += '\n';
    }
  }
  out.parts_.reserve(pieces.size());
  for (const auto& piece : pieces) {
    out.parts_.push_back(piece.content ? std::string_view(*piece.content)
                                       : std::string_view(own).substr(piece.offset, piece.length));
    out.size_ += piece.length;
  }
  return out;
}

std::string GeneratedSchema::text() const {
  std::string text;
  text.reserve(size_);
  for (auto part : parts_) text += part;
  return text;
}

}  // namespace confiture::build
