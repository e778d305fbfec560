#include "core/serve/thread_workspace.h"

#include <map>
#include <memory>

#include "core/store/workspace.h"

namespace medlora::serve {

store::Workspace& thread_workspace(const std::string& path) {
  thread_local std::map<std::string, std::unique_ptr<store::Workspace>> open;
  auto& workspace = open[path];
  if (!workspace) workspace = store::Workspace::open_for_this_thread(path);
  return *workspace;
}

}  // namespace medlora::serve
