#pragma once
// Where a process's memory is at a point of a run: resident pages now and at their peak since
// the last mark (VmHWM, reset through /proc/self/clear_refs), and what glibc's malloc holds
// (bytes handed out vs. free bytes inside its heap, resident once touched: the program sets
// M_TRIM_THRESHOLD high, runtime::configure_allocator). RSS minus "in use" minus ~0.11 GiB of
// code and other mappings is memory the allocator keeps after frees, not what the program needs.
#include <QJsonArray>
#include <QJsonObject>

#include <malloc.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

namespace medlora::bench {

class MemoryProbe {
 public:
  // Resets the peak so that the next mark() reports the peak of the phase in between.
  MemoryProbe() { reset_peak(); }

  // Records the state now under `label`, with the peak RSS reached since the previous mark.
  void mark(const std::string& label) {
    const struct mallinfo2 info = ::mallinfo2();
    const double gib = 1024.0 * 1024.0 * 1024.0;
    QJsonObject point{{"at", QString::fromStdString(label)},
                      {"rss_gib", status_kib("VmRSS:") * 1024.0 / gib},
                      {"phase_peak_rss_gib", status_kib("VmHWM:") * 1024.0 / gib},
                      {"malloc_in_use_gib", static_cast<double>(info.uordblks + info.hblkhd) / gib},
                      {"malloc_mmapped_gib", static_cast<double>(info.hblkhd) / gib},
                      {"malloc_free_gib", static_cast<double>(info.fordblks) / gib}};
    points_.append(point);
    std::fprintf(stderr, "[memory] %-28s rss %.3f GiB, phase peak %.3f, malloc in use %.3f, malloc free %.3f\n",
                 label.c_str(), point["rss_gib"].toDouble(), point["phase_peak_rss_gib"].toDouble(),
                 point["malloc_in_use_gib"].toDouble(), point["malloc_free_gib"].toDouble());
    // glibc's own per-arena report (system bytes = heap obtained from the OS, touched or not).
    if (std::getenv("MEDLORA_MALLOC_STATS")) ::malloc_stats();
    reset_peak();
  }

  const QJsonArray& points() const { return points_; }

 private:
  static double status_kib(const char* key) {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
      if (line.rfind(key, 0) == 0) return std::stod(line.substr(std::string(key).size()));
    return 0;
  }
  // "5" resets VmHWM to the current RSS (Linux >= 4.0).
  static void reset_peak() { std::ofstream("/proc/self/clear_refs") << "5"; }

  QJsonArray points_;
};

}  // namespace medlora::bench
