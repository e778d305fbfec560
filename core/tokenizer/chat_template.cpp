#include "core/tokenizer/chat_template.h"

#include <cmath>

#include <QFile>
#include <QJsonDocument>
#include <QJsonParseError>

#include "core/tokenizer/jinja/json_reader.h"
#include "core/tokenizer/jinja/template.h"
#include "core/tokenizer/jinja/template_error.h"

namespace medlora::tokenizer {
namespace {

using jinja::TemplateError;
using jinja::Value;

const char* const kChatml =
    "{%- for message in messages %}"
    "{{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}";

Value from_qjson(const QJsonValue& v) {
  switch (v.type()) {
    case QJsonValue::Null: return Value::none(true);
    case QJsonValue::Bool: return Value::boolean(v.toBool(), true);
    case QJsonValue::Double: {
      const double d = v.toDouble();
      if (std::trunc(d) == d && std::fabs(d) < 9.0e15) return Value::integer(static_cast<int64_t>(d), true);
      return Value::floating(d, true);
    }
    case QJsonValue::String: return Value::data(v.toString().toStdString());
    case QJsonValue::Array: {
      jinja::List items;
      for (const auto& item : v.toArray()) items.push_back(from_qjson(item));
      return Value::list(std::move(items));
    }
    case QJsonValue::Object: {
      jinja::Dict d;
      const QJsonObject o = v.toObject();
      for (auto it = o.begin(); it != o.end(); ++it) d.set(Value::data(it.key().toStdString()), from_qjson(it.value()));
      return Value::dict(std::move(d));
    }
    default: return {};
  }
}

std::string read_text_file(const std::filesystem::path& path) {
  QFile file(QString::fromStdString(path.string()));
  if (!file.open(QIODevice::ReadOnly))
    throw TokenizerError("cannot read " + path.string() + ": " + file.errorString().toStdString() + " (check that the file exists and is readable)");
  return file.readAll().toStdString();
}

std::optional<std::string> token_string(const QJsonValue& v) {
  if (v.isString()) return v.toString().toStdString();
  if (v.isObject() && v.toObject().value("content").isString()) return v.toObject().value("content").toString().toStdString();
  return std::nullopt;
}

RenderedChat render_values(const jinja::Template& t, const SpecialTokenStrings& tokens, Value messages, bool add_generation_prompt,
                           const jinja::Dict& extra, const std::string& origin) {
  jinja::Variables vars;
  vars.reserve(8 + extra.entries.size());
  vars.emplace_back("messages", std::move(messages));
  const Value* tools = extra.find("tools");
  const Value* documents = extra.find("documents");
  vars.emplace_back("tools", tools ? *tools : Value::none());
  vars.emplace_back("documents", documents ? *documents : Value::none());
  vars.emplace_back("add_generation_prompt", Value::boolean(add_generation_prompt));
  if (tokens.bos) vars.emplace_back("bos_token", Value::markup(*tokens.bos));
  if (tokens.eos) vars.emplace_back("eos_token", Value::markup(*tokens.eos));
  if (tokens.unk) vars.emplace_back("unk_token", Value::markup(*tokens.unk));
  if (tokens.pad) vars.emplace_back("pad_token", Value::markup(*tokens.pad));
  for (const auto& [k, v] : extra.entries) {
    if (k.str() == "tools" || k.str() == "documents") continue;
    bool replaced = false;
    for (auto& [name, value] : vars) {
      if (name == k.str()) {
        value = v;
        replaced = true;
      }
    }
    if (!replaced) vars.emplace_back(k.str(), v);
  }
  try {
    jinja::Text out = t.render(vars);
    return RenderedChat{std::move(out.str), std::move(out.markup)};
  } catch (const TemplateError& error) {
    throw error.with_origin(origin);
  }
}

}  // namespace

SpecialTokenStrings ChatTemplate::special_tokens_from_config(const QJsonObject& config) {
  SpecialTokenStrings t;
  t.bos = token_string(config.value("bos_token"));
  t.eos = token_string(config.value("eos_token"));
  t.unk = token_string(config.value("unk_token"));
  t.pad = token_string(config.value("pad_token"));
  return t;
}

ChatTemplate ChatTemplate::from_source(std::string source, SpecialTokenStrings tokens, std::string origin) {
  ChatTemplate ct;
  ct.tokens_ = std::move(tokens);
  ct.origin_ = std::move(origin);
  try {
    auto parsed = std::make_shared<const jinja::Template>(source);
    ct.templates_.push_back({"default", std::move(source), std::move(parsed)});
  } catch (const TemplateError& error) {
    throw error.with_origin(ct.origin_);
  }
  return ct;
}

std::optional<ChatTemplate> ChatTemplate::from_model_dir(const std::filesystem::path& dir) {
  const auto config_path = dir / "tokenizer_config.json";
  const auto jinja_path = dir / "chat_template.jinja";
  QJsonObject config;
  if (std::filesystem::exists(config_path)) {
    const std::string text = read_text_file(config_path);
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
      throw TokenizerError(config_path.string() + " is not a valid JSON object (" + error.errorString().toStdString() +
                           " at byte " + std::to_string(error.offset) + "); fix or replace the file");
    config = doc.object();
  }
  SpecialTokenStrings tokens = special_tokens_from_config(config);
  if (std::filesystem::exists(jinja_path)) return from_source(read_text_file(jinja_path), std::move(tokens), jinja_path.string());
  const QJsonValue value = config.value("chat_template");
  if (value.isUndefined() || value.isNull()) return std::nullopt;
  if (value.isString()) return from_source(value.toString().toStdString(), std::move(tokens), config_path.string());
  if (!value.isArray())
    throw TokenizerError(config_path.string() + ": \"chat_template\" must be a string or a list of {\"name\", \"template\"} objects");
  ChatTemplate ct;
  ct.tokens_ = std::move(tokens);
  ct.origin_ = config_path.string();
  for (const auto& entry : value.toArray()) {
    const QJsonObject o = entry.toObject();
    if (!o.value("name").isString() || !o.value("template").isString())
      throw TokenizerError(config_path.string() + ": each entry of \"chat_template\" needs a string \"name\" and \"template\"");
    const std::string name = o.value("name").toString().toStdString();
    std::string source = o.value("template").toString().toStdString();
    try {
      auto parsed = std::make_shared<const jinja::Template>(source);
      Named named{name, std::move(source), std::move(parsed)};
      if (name == "default") ct.templates_.insert(ct.templates_.begin(), std::move(named));
      else ct.templates_.push_back(std::move(named));
    } catch (const TemplateError& error) {
      throw error.with_origin(config_path.string() + ", template \"" + name + "\"");
    }
  }
  if (ct.templates_.empty()) return std::nullopt;
  return ct;
}

ChatTemplate ChatTemplate::builtin(std::string_view name) {
  if (name == "chatml") return from_source(kChatml, SpecialTokenStrings{std::nullopt, std::string("<|im_end|>"), std::nullopt, std::nullopt}, "built-in chatml");
  throw TemplateError(0, "there is no built-in chat template \"" + std::string(name) + "\" (built-in: chatml)");
}

std::vector<std::string> ChatTemplate::builtin_names() { return {"chatml"}; }

std::vector<std::string> ChatTemplate::names() const {
  std::vector<std::string> out;
  for (const auto& t : templates_) out.push_back(t.name);
  return out;
}

ChatTemplate ChatTemplate::with_name(const std::string& name) const {
  for (size_t i = 0; i < templates_.size(); ++i) {
    if (templates_[i].name == name) {
      ChatTemplate copy = *this;
      copy.selected_ = i;
      return copy;
    }
  }
  std::string available;
  for (const auto& t : templates_) available += (available.empty() ? "" : ", ") + t.name;
  throw TemplateError(0, "no chat template named \"" + name + "\" (available: " + available + ")", origin_);
}

const ChatTemplate::Named& ChatTemplate::pick(bool has_tools) const {
  if (selected_) return templates_[*selected_];
  if (has_tools)
    for (const auto& t : templates_)
      if (t.name == "tool_use") return t;
  for (const auto& t : templates_)
    if (t.name == "default") return t;
  std::string available;
  for (const auto& t : templates_) available += (available.empty() ? "" : ", ") + t.name;
  throw TemplateError(0, "the model has several chat templates and none is named \"default\": choose one of " + available, origin_);
}

const std::string& ChatTemplate::source() const { return pick(false).source; }

RenderedChat ChatTemplate::render(const Conversation& messages, bool add_generation_prompt, const QJsonObject& extra_variables) const {
  jinja::List list;
  list.reserve(messages.size());
  for (const auto& m : messages) {
    jinja::Dict d;
    d.entries.reserve(2);
    d.entries.emplace_back(Value::data("role"), Value::data(m.role));
    d.entries.emplace_back(Value::data("content"), Value::data(m.content));
    list.push_back(Value::dict(std::move(d)));
  }
  const Value extra = from_qjson(extra_variables);
  const bool has_tools = extra.entries().find("tools") && !extra.entries().find("tools")->is_none();
  return render_values(*pick(has_tools).parsed, tokens_, Value::list(std::move(list)), add_generation_prompt, extra.entries(), origin_);
}

RenderedChat ChatTemplate::render_json(const QJsonArray& messages, bool add_generation_prompt, const QJsonObject& extra_variables) const {
  const Value extra = from_qjson(extra_variables);
  const bool has_tools = extra.entries().find("tools") && !extra.entries().find("tools")->is_none();
  return render_values(*pick(has_tools).parsed, tokens_, from_qjson(messages), add_generation_prompt, extra.entries(), origin_);
}

RenderedChat ChatTemplate::render_json_text(std::string_view messages_json, bool add_generation_prompt, std::string_view extra_variables_json) const {
  Value messages = jinja::read_json(messages_json, "chat messages");
  if (!messages.is_list()) throw TokenizerError("chat messages must be a JSON array of message objects");
  Value extra = extra_variables_json.empty() ? Value::dict({}) : jinja::read_json(extra_variables_json, "chat template variables");
  if (!extra.is_mapping()) throw TokenizerError("chat template variables must be a JSON object");
  const bool has_tools = extra.entries().find("tools") && !extra.entries().find("tools")->is_none();
  return render_values(*pick(has_tools).parsed, tokens_, std::move(messages), add_generation_prompt, extra.entries(), origin_);
}

}  // namespace medlora::tokenizer
