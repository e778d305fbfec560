#pragma once
// Where the chat tester keeps the user's rule files: routing_rules.json and safety_rules.json in
// the application's config folder (QStandardPaths::AppConfigLocation). Tests and portable setups
// point elsewhere with set_chat_config_dir() or the MEDLORA_CONFIG_DIR environment variable.
//
// Without a file the compiled-in shipped rules apply. A file that exists but cannot be read or
// parsed is NOT silently replaced: the load functions still return the shipped rules (so chat
// keeps working) but say what is wrong through `error`, for the caller to show.
#include <QString>

#include "core/chat/adapter_router.h"
#include "core/chat/safety_filter.h"

namespace medlora::ui {

// The folder of the rule files: the set_chat_config_dir() folder when one is set, else
// $MEDLORA_CONFIG_DIR when set and not empty, else QStandardPaths::AppConfigLocation.
QString chat_config_dir();
// Overrides the folder (tests); an empty string goes back to the rules above.
void set_chat_config_dir(const QString& dir);

QString routing_rules_path();  // <folder>/routing_rules.json
QString safety_rules_path();   // <folder>/safety_rules.json

// The user's routing rules, or RoutingRules::defaults() when there is no file. When the file is
// broken, `error` (if given) receives "The routing rules in <path> could not be used: <why>"
// and the defaults are returned; otherwise `error` is cleared.
chat::RoutingRules load_routing_rules(QString* error = nullptr);
// Writes the rules (creating the folder; temporary file renamed into place). Throws
// std::runtime_error saying which file could not be written.
void save_routing_rules(const chat::RoutingRules& rules);

// As above for the safety filter's rules.
chat::SafetyRules load_safety_rules(QString* error = nullptr);
void save_safety_rules(const chat::SafetyRules& rules);

}  // namespace medlora::ui
