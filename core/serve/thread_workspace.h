#pragma once
// The HTTP threads' own workspace connections (a Qt SQL connection belongs to the thread that
// opened it): one per thread and workspace file, opened on first use, closed when the thread ends.
#include <string>

namespace medlora::store {
class Workspace;
}

namespace medlora::serve {

store::Workspace& thread_workspace(const std::string& path);

}  // namespace medlora::serve
