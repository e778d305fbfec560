#pragma once
// `medlora serve` is two commands in two files: the server itself (command_serve.cpp) and its
// API keys, `medlora serve key create|list|revoke` (command_serve_keys.cpp).
#include <QStringList>

namespace medlora::cli {

// args[0] is "medlora serve", args[1] "key".
int run_serve_keys(const QStringList& args);

}  // namespace medlora::cli
