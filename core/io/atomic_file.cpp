#include "core/io/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>
#include <system_error>

namespace medlora::io {
namespace fs = std::filesystem;

namespace {

[[noreturn]] void throw_errno(int err, const std::string& what, const fs::path& path) {
  throw std::system_error(err, std::generic_category(),
                          what + " '" + path.string() + "' (check the folder exists, is writable and the disk has space)");
}

fs::path parent_or_dot(const fs::path& p) {
  fs::path parent = p.parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

// A fresh unused name "<base><suffix>XXXXXX" (created as an empty folder, then removed, so that
// it can be a rename target for either a file or a folder).
fs::path unique_sibling(const fs::path& base, const std::string& suffix) {
  std::string pattern = base.string() + suffix + "XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) throw_errno(errno, "cannot create a folder beside", base);
  ::rmdir(pattern.c_str());
  return pattern;
}

}  // namespace

void sync_directory(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) throw_errno(errno, "cannot open folder", dir);
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  // Some filesystems do not support fsync on folders; that is not a write failure.
  if (rc != 0 && err != EINVAL && err != ENOTSUP) throw_errno(err, "cannot sync folder", dir);
}

AtomicFileWriter::AtomicFileWriter(fs::path target) : target_(std::move(target)) {
  std::string pattern = target_.string() + ".tmp-XXXXXX";
  fd_ = ::mkostemp(pattern.data(), O_CLOEXEC);
  if (fd_ < 0) throw_errno(errno, "cannot create a temporary file for", target_);
  temp_ = pattern;
  // mkostemp creates 0600; keep an existing file's mode, otherwise the usual 0644.
  struct stat st {};
  const mode_t mode = ::stat(target_.c_str(), &st) == 0 ? (st.st_mode & 07777) : 0644;
  ::fchmod(fd_, mode);
}

AtomicFileWriter::~AtomicFileWriter() {
  if (!committed_) discard();
}

void AtomicFileWriter::discard() noexcept {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_.empty()) ::unlink(temp_.c_str());
}

void AtomicFileWriter::write(const void* data, size_t size) {
  if (fd_ < 0) throw std::logic_error("AtomicFileWriter::write after commit for " + target_.string());
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd_, p, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_errno(errno, "cannot write", temp_);
    }
    p += n;
    size -= static_cast<size_t>(n);
  }
}

void AtomicFileWriter::commit() {
  if (fd_ < 0) throw std::logic_error("AtomicFileWriter::commit called twice for " + target_.string());
  if (::fsync(fd_) != 0) throw_errno(errno, "cannot sync", temp_);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) throw_errno(errno, "cannot close", temp_);
  if (::rename(temp_.c_str(), target_.c_str()) != 0) throw_errno(errno, "cannot rename into place", target_);
  committed_ = true;
  sync_directory(parent_or_dot(target_));
}

void write_file_atomically(const fs::path& path, std::string_view bytes) {
  AtomicFileWriter writer(path);
  writer.write(bytes);
  writer.commit();
}

StagingDirectory::StagingDirectory(fs::path target) : target_(std::move(target)) {
  while (!target_.empty() && !target_.has_filename()) target_ = target_.parent_path();  // "a/b/" -> "a/b"
  if (target_.empty()) throw std::invalid_argument("StagingDirectory: empty target path");
  std::error_code ec;
  fs::create_directories(parent_or_dot(target_), ec);
  if (ec) throw_errno(ec.value(), "cannot create folder", parent_or_dot(target_));
  std::string pattern = target_.string() + ".tmp-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) throw_errno(errno, "cannot create a staging folder beside", target_);
  staging_ = pattern;
}

StagingDirectory::~StagingDirectory() {
  if (committed_) return;
  std::error_code ignored;
  fs::remove_all(staging_, ignored);
}

void StagingDirectory::commit() {
  if (committed_) throw std::logic_error("StagingDirectory::commit called twice for " + target_.string());
  sync_directory(staging_);
  const fs::path parent = parent_or_dot(target_);
  std::error_code ec;
  const bool had_target = fs::exists(fs::symlink_status(target_, ec));
  fs::path old;
  if (had_target) {
    old = unique_sibling(target_, ".old-");
    if (::rename(target_.c_str(), old.c_str()) != 0) throw_errno(errno, "cannot move the existing folder aside:", target_);
  }
  if (::rename(staging_.c_str(), target_.c_str()) != 0) {
    const int err = errno;
    if (had_target) ::rename(old.c_str(), target_.c_str());  // put the previous version back
    throw_errno(err, "cannot rename the staged folder into place:", target_);
  }
  committed_ = true;
  sync_directory(parent);
  if (had_target) fs::remove_all(old, ec);  // best effort: the new version is in place already
}

}  // namespace medlora::io
