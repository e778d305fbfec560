#include "core/io/safetensors_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <torch/torch.h>

#include "core/io/safetensors_error.h"
#include "core/io/torch_dtype.h"

namespace medlora::io {

std::shared_ptr<SafetensorsFile> SafetensorsFile::open(const std::filesystem::path& path) {
  const std::string name = path.string();
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw SafetensorsError(name, "", std::string("cannot open: ") + std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    throw SafetensorsError(name, "", std::string("cannot stat: ") + std::strerror(err));
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    throw SafetensorsError(name, "", "not a regular file (expected a .safetensors file)");
  }
  std::shared_ptr<SafetensorsFile> file(new SafetensorsFile());
  file->path_ = path;
  file->map_size_ = static_cast<size_t>(st.st_size);
  if (file->map_size_ > 0) {
    void* p = ::mmap(nullptr, file->map_size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      const int err = errno;
      ::close(fd);
      file->map_size_ = 0;
      throw SafetensorsError(name, "", std::string("cannot map into memory: ") + std::strerror(err));
    }
    file->map_ = static_cast<const std::byte*>(p);
  }
  ::close(fd);  // the mapping stays valid without the descriptor
  file->header_ = parse_safetensors_header(reinterpret_cast<const uint8_t*>(file->map_), file->map_size_, name);
  return file;
}

SafetensorsFile::~SafetensorsFile() {
  if (map_ != nullptr) ::munmap(const_cast<std::byte*>(map_), map_size_);
}

std::vector<std::string> SafetensorsFile::names() const {
  std::vector<std::string> out;
  out.reserve(header_.tensors.size());
  for (const auto& e : header_.tensors) out.push_back(e.name);
  return out;
}

const TensorEntry& SafetensorsFile::entry(const std::string& name) const {
  const TensorEntry* e = header_.find(name);
  if (e == nullptr)
    throw SafetensorsError(path_.string(), name,
                           "no such tensor in this file (it holds " + std::to_string(header_.tensors.size()) +
                               " tensors)");
  return *e;
}

const std::byte* SafetensorsFile::data(const TensorEntry& entry) const {
  if (entry.begin > entry.end || entry.end > header_.data_size)
    throw SafetensorsError(path_.string(), entry.name, "entry does not belong to this file (offsets out of range)");
  return map_ + header_.data_offset + entry.begin;
}

at::Tensor SafetensorsFile::load(const std::string& name) const { return load(entry(name)); }

at::Tensor SafetensorsFile::load(const TensorEntry& e) const {
  const std::byte* src = data(e);
  at::Tensor t = torch::empty(e.shape, torch::TensorOptions().dtype(to_scalar_type(e.dtype)));
  const size_t bytes = static_cast<size_t>(e.byte_size());
  if (bytes != static_cast<size_t>(t.nbytes()))
    throw SafetensorsError(path_.string(), e.name, "internal size mismatch while loading");
  if (bytes > 0) std::memcpy(t.data_ptr(), src, bytes);
  return t;
}

}  // namespace medlora::io
