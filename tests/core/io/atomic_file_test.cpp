#include "core/io/atomic_file.h"

#include <gtest/gtest.h>

#include "tests/core/io/safetensors_fixture.h"
#include "tests/support/temp_dir.h"

namespace medlora::io {
namespace {

namespace fs = std::filesystem;

size_t entries(const fs::path& dir) {
  size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

TEST(AtomicFile, WritesAndReplaces) {
  testing::TempDir dir;
  write_file_atomically(dir / "f.txt", "first");
  write_file_atomically(dir / "f.txt", "second");
  EXPECT_EQ(test::read_bytes(dir / "f.txt"), "second");
  EXPECT_EQ(entries(dir.path()), 1u);
  EXPECT_EQ(fs::status(dir / "f.txt").permissions() & fs::perms::owner_read, fs::perms::owner_read);
}

TEST(AtomicFile, UncommittedWriterLeavesTargetUntouched) {
  testing::TempDir dir;
  write_file_atomically(dir / "f.txt", "keep");
  {
    AtomicFileWriter w(dir / "f.txt");
    w.write("partial");
    EXPECT_TRUE(fs::exists(w.temp_path()));
  }
  EXPECT_EQ(test::read_bytes(dir / "f.txt"), "keep");
  EXPECT_EQ(entries(dir.path()), 1u);
}

TEST(AtomicFile, MissingFolderThrowsNamingPath) {
  testing::TempDir dir;
  try {
    write_file_atomically(dir / "nope" / "f.txt", "x");
    FAIL();
  } catch (const std::system_error& e) {
    EXPECT_NE(std::string(e.what()).find("f.txt"), std::string::npos) << e.what();
  }
}

TEST(StagingDirectory, CommitCreatesTarget) {
  testing::TempDir dir;
  const fs::path target = dir / "out" / "ckpt";
  {
    StagingDirectory s(target);
    EXPECT_EQ(s.path().parent_path(), target.parent_path());
    EXPECT_NE(s.path().filename().string().find("ckpt.tmp-"), std::string::npos);
    write_file_atomically(s.path() / "a.txt", "A");
    EXPECT_FALSE(fs::exists(target));
    s.commit();
    EXPECT_TRUE(s.committed());
  }
  EXPECT_EQ(test::read_bytes(target / "a.txt"), "A");
  EXPECT_EQ(entries(target.parent_path()), 1u);
}

TEST(StagingDirectory, CommitReplacesExistingTarget) {
  testing::TempDir dir;
  const fs::path target = dir / "ckpt";
  fs::create_directories(target);
  write_file_atomically(target / "old.txt", "old");
  {
    StagingDirectory s(target);
    write_file_atomically(s.path() / "new.txt", "new");
    s.commit();
  }
  EXPECT_FALSE(fs::exists(target / "old.txt"));
  EXPECT_EQ(test::read_bytes(target / "new.txt"), "new");
  EXPECT_EQ(entries(dir.path()), 1u);  // no .old-/.tmp- folders left
}

TEST(StagingDirectory, RollbackRemovesStagingAndKeepsTarget) {
  testing::TempDir dir;
  const fs::path target = dir / "ckpt";
  fs::create_directories(target);
  write_file_atomically(target / "old.txt", "old");
  {
    StagingDirectory s(target);
    write_file_atomically(s.path() / "new.txt", "new");
    fs::create_directories(s.path() / "sub");
    write_file_atomically(s.path() / "sub" / "x", "x");
  }
  EXPECT_EQ(test::read_bytes(target / "old.txt"), "old");
  EXPECT_FALSE(fs::exists(target / "new.txt"));
  EXPECT_EQ(entries(dir.path()), 1u);
}

TEST(StagingDirectory, CommitTwiceIsALogicError) {
  testing::TempDir dir;
  StagingDirectory s(dir / "t");
  s.commit();
  EXPECT_THROW(s.commit(), std::logic_error);
}

}  // namespace
}  // namespace medlora::io
