#pragma once
// Writes that never leave a half-written file behind: data goes to a temporary file beside the
// target, is fsync'ed, then renamed into place. Folders (checkpoints, exports) are staged the same
// way. Failures throw std::system_error naming the path and the OS error.
#include <cstddef>
#include <filesystem>
#include <string_view>

namespace medlora::io {

// Streams a file to "<target>.tmp-XXXXXX"; commit() makes it appear atomically as target.
// Destroyed without commit(), the temporary file is removed and target is untouched.
class AtomicFileWriter {
 public:
  explicit AtomicFileWriter(std::filesystem::path target);
  ~AtomicFileWriter();
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;

  void write(const void* data, size_t size);
  void write(std::string_view bytes) { write(bytes.data(), bytes.size()); }
  void commit();

  const std::filesystem::path& target() const { return target_; }
  const std::filesystem::path& temp_path() const { return temp_; }

 private:
  void discard() noexcept;

  std::filesystem::path target_;
  std::filesystem::path temp_;
  int fd_ = -1;
  bool committed_ = false;
};

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

// fsync a folder so that renames inside it survive a crash.
void sync_directory(const std::filesystem::path& dir);

// A folder "<target>.tmp-XXXXXX" created beside target. Fill path(), then commit() puts it in
// place of target (an existing target is renamed aside, the new one renamed in, the old removed;
// if the second rename fails the old one is put back). Destroyed without commit(), it is removed.
class StagingDirectory {
 public:
  explicit StagingDirectory(std::filesystem::path target);
  ~StagingDirectory();
  StagingDirectory(const StagingDirectory&) = delete;
  StagingDirectory& operator=(const StagingDirectory&) = delete;

  const std::filesystem::path& path() const { return staging_; }
  const std::filesystem::path& target() const { return target_; }
  bool committed() const { return committed_; }
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

}  // namespace medlora::io
