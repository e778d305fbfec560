#include "app/cli/workspace_option.h"

#include "core/store/workspace.h"
#include "core/store/workspace_location.h"

namespace medlora::cli {

std::filesystem::path workspace_file_option(const QCommandLineParser& parser) {
  return parser.isSet("workspace") ? std::filesystem::path(parser.value("workspace").toStdString())
                                   : store::default_workspace_path();
}

std::unique_ptr<store::Workspace> open_or_create_workspace(const QCommandLineParser& parser) {
  const std::filesystem::path file = workspace_file_option(parser);
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  return std::make_unique<store::Workspace>(file.string());
}

}  // namespace medlora::cli
