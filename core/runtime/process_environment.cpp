#include "core/runtime/process_environment.h"

#include <malloc.h>
#include <unistd.h>

#include <cstdlib>

namespace medlora::runtime {

void ensure_openmp_environment(int /*argc*/, char** argv) {
  if (std::getenv("OMP_WAIT_POLICY") != nullptr || std::getenv("MEDLORA_NO_REEXEC") != nullptr) return;
  ::setenv("OMP_WAIT_POLICY", "PASSIVE", 1);
  ::setenv("MEDLORA_NO_REEXEC", "1", 1);
  ::execv("/proc/self/exe", argv);
  // execv only returns on failure; carry on with the environment as it is.
}

void configure_allocator() {
  ::mallopt(M_MMAP_THRESHOLD, 256 << 20);
  ::mallopt(M_TRIM_THRESHOLD, 1 << 30);
}

}  // namespace medlora::runtime
