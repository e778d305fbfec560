#pragma once
// The --workspace option every workspace command shares: the file given, or the workbench's
// default workspace, so that the CLI and the GUI work on the same file unless told otherwise.
#include <QCommandLineParser>

#include <filesystem>
#include <memory>

namespace medlora::store {
class Workspace;
}

namespace medlora::cli {

// --workspace FILE, or store::default_workspace_path().
std::filesystem::path workspace_file_option(const QCommandLineParser& parser);

// Opens that workspace, creating it (and its folder) when missing.
std::unique_ptr<store::Workspace> open_or_create_workspace(const QCommandLineParser& parser);

}  // namespace medlora::cli
