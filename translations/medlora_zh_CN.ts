<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>main</name>
    <message>
        <source>MedLoRA Workbench: LoRA fine-tuning and clinical review</source>
        <translation>MedLoRA 工作台：LoRA 微调与临床评审</translation>
    </message>
    <message>
        <source>Use DIR as the models folder for this session (not saved).</source>
        <translation>本次会话使用 DIR 作为模型文件夹（不保存）。</translation>
    </message>
</context>
<context>
    <name>medlora::ui::AboutDialog</name>
    <message>
        <source>About MedLoRA Workbench</source>
        <translation>关于 MedLoRA 工作台</translation>
    </message>
    <message>
        <source>MedLoRA Workbench %1</source>
        <translation>MedLoRA 工作台 %1</translation>
    </message>
    <message>
        <source>Fine-tune LLaMA-family language models with LoRA on your own machine, try them on prompts, and have doctors blind-review and score the answers.</source>
        <translation>在您自己的计算机上用 LoRA 微调 LLaMA 系列语言模型，用提示词试用模型，并请医生对回答进行盲评打分。</translation>
    </message>
    <message>
        <source>Built with Qt %1 (running on Qt %2) and libtorch %3.</source>
        <translation>基于 Qt %1（运行于 Qt %2）和 libtorch %3 构建。</translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation>自由软件，采用 MIT 许可证。</translation>
    </message>
    <message>
        <source>Models and datasets you use keep their own licences.</source>
        <translation>您使用的模型和数据集遵循各自的许可证。</translation>
    </message>
</context>
<context>
    <name>medlora::ui::ComputeStatusWidget</name>
    <message>
        <source>Device: %1</source>
        <translation>设备：%1</translation>
    </message>
    <message>
        <source>Dtype: %1</source>
        <translation>数据类型：%1</translation>
    </message>
    <message>
        <source>Threads: %1</source>
        <translation>线程：%1</translation>
    </message>
    <message>
        <source>Setting: %1</source>
        <translation>设置：%1</translation>
    </message>
    <message>
        <source>Device: not available</source>
        <translation>设备：不可用</translation>
    </message>
    <message>
        <source>Dtype: -</source>
        <translation>数据类型：-</translation>
    </message>
    <message>
        <source>Threads: -</source>
        <translation>线程：-</translation>
    </message>
</context>
<context>
    <name>medlora::ui::MainWindow</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The stored settings could not be used, so the defaults are in force until you save new ones:
%1</source>
        <translation>无法使用已保存的设置，在您保存新设置之前将使用默认值：
%1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>MedLoRA Workbench</source>
        <translation>MedLoRA 工作台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Add model folder...</source>
        <translation>添加模型文件夹(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>设置(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About MedLoRA Workbench</source>
        <translation>关于 MedLoRA 工作台(&amp;A)</translation>
    </message>
</context>
<context>
    <name>medlora::ui::ModelDetailsView</name>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>架构：</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>层数：</translation>
    </message>
    <message>
        <source>Hidden size:</source>
        <translation>隐藏层维度：</translation>
    </message>
    <message>
        <source>Heads:</source>
        <translation>注意力头：</translation>
    </message>
    <message>
        <source>Feed-forward size:</source>
        <translation>前馈层维度：</translation>
    </message>
    <message>
        <source>Vocabulary:</source>
        <translation>词表大小：</translation>
    </message>
    <message>
        <source>Context length:</source>
        <translation>上下文长度：</translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation>参数量：</translation>
    </message>
    <message>
        <source>Weights dtype:</source>
        <translation>权重数据类型：</translation>
    </message>
    <message>
        <source>Size on disk:</source>
        <translation>磁盘占用：</translation>
    </message>
    <message>
        <source>Tied embeddings:</source>
        <translation>共享词嵌入：</translation>
    </message>
    <message>
        <source>RoPE theta:</source>
        <translation>RoPE theta：</translation>
    </message>
    <message>
        <source>Tokenizer:</source>
        <translation>分词器：</translation>
    </message>
    <message>
        <source>No model selected</source>
        <translation>未选择模型</translation>
    </message>
    <message>
        <source>This folder cannot be used: %1</source>
        <translation>此文件夹无法使用：%1</translation>
    </message>
    <message>
        <source>%1 query, %2 key/value (head size %3)</source>
        <translation>%1 个查询头，%2 个键/值头（头维度 %3）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>none (tokenizer.model is missing)</source>
        <translation>无（缺少 tokenizer.model）</translation>
    </message>
    <message>
        <source>reading...</source>
        <translation>正在读取...</translation>
    </message>
    <message>
        <source>sentencepiece %1, %2 pieces (BOS %3, EOS %4, pad %5)</source>
        <translation>sentencepiece %1，%2 个词元（BOS %3，EOS %4，填充 %5）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>unreadable: %1</source>
        <translation>无法读取：%1</translation>
    </message>
</context>
<context>
    <name>medlora::ui::ModelsPanel</name>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Some added model folders are not usable now: %1</source>
        <translation>部分已添加的模型文件夹当前无法使用：%1</translation>
    </message>
    <message>
        <source>Add model folder</source>
        <translation>添加模型文件夹</translation>
    </message>
    <message>
        <source>Choose an HF model folder (config.json, model.safetensors, tokenizer.model)</source>
        <translation>选择 HF 模型文件夹（config.json、model.safetensors、tokenizer.model）</translation>
    </message>
    <message>
        <source>This model has no tokenizer.model, so it cannot generate text.</source>
        <translation>此模型没有 tokenizer.model，因此无法生成文本。</translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Look for models in the models folder again (F5)</source>
        <translation>重新在模型文件夹中查找模型（F5）</translation>
    </message>
    <message>
        <source>A&amp;dd folder...</source>
        <translation>添加文件夹(&amp;D)...</translation>
    </message>
    <message>
        <source>Add an HF model folder from anywhere on disk</source>
        <translation>从磁盘任意位置添加 HF 模型文件夹</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>Remove the added folder from this list; nothing is deleted from disk</source>
        <translation>从列表中移除所添加的文件夹；不会删除磁盘上的任何文件</translation>
    </message>
    <message>
        <source>Models folder: %1</source>
        <translation>模型文件夹：%1</translation>
    </message>
    <message>
        <source>No models found in %1. Run ./dev run or &quot;medlora make-base-model&quot; to create the base model there, or add a model folder.</source>
        <translation>在 %1 中未找到模型。运行 ./dev run 或 &quot;medlora make-base-model&quot; 在此创建基础模型，或添加一个模型文件夹。</translation>
    </message>
</context>
<context>
    <name>medlora::ui::PromptTryout</name>
    <message>
        <source>Loading the model...</source>
        <translation>正在加载模型...</translation>
    </message>
    <message>
        <source>Model loaded in %1 s on %2 (%3); generating...</source>
        <translation>模型已在 %1 秒内加载到 %2（%3）；正在生成...</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>已加载 %1</translation>
    </message>
    <message>
        <source>end of answer</source>
        <translation>回答结束</translation>
    </message>
    <message>
        <source>token limit reached</source>
        <translation>达到词元上限</translation>
    </message>
    <message>
        <source>stop text reached</source>
        <translation>遇到停止文本</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) in %1 s, %2 tokens/s (%3)</source>
        <translation><numerusform>%n 个词元，用时 %1 秒，%2 词元/秒（%3）</numerusform></translation>
    </message>
    <message>
        <source>Generation failed: %1</source>
        <translation>生成失败：%1</translation>
    </message>
    <message>
        <source>Generation failed</source>
        <translation>生成失败</translation>
    </message>
    <message>
        <source>Generating...</source>
        <translation>正在生成...</translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation>正在停止...</translation>
    </message>
    <message>
        <source>Choose a model in the list first</source>
        <translation>请先在列表中选择一个模型</translation>
    </message>
    <message>
        <source>Generate an answer (Ctrl+Enter)</source>
        <translation>生成回答（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Try a prompt</source>
        <translation>试用提示词</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>模板(&amp;T)：</translation>
    </message>
    <message>
        <source>clinic: Chinese clinic instruction; clinic-en: English; raw: the prompt as typed</source>
        <translation>clinic：中文门诊指令；clinic-en：英文；raw：按输入原样使用提示词</translation>
    </message>
    <message>
        <source>Type a question, e.g. What should I do about a mild fever?</source>
        <translation>输入问题，例如：轻微发烧应该怎么办？</translation>
    </message>
    <message>
        <source>&amp;Max tokens:</source>
        <translation>最大词元数(&amp;M)：</translation>
    </message>
    <message>
        <source>T&amp;emperature:</source>
        <translation>温度(&amp;E)：</translation>
    </message>
    <message>
        <source>0 picks the most likely token every time; higher values vary more</source>
        <translation>0 表示每次都选择概率最高的词元；数值越高，变化越多</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>Stop generating (Esc)</source>
        <translation>停止生成（Esc）</translation>
    </message>
    <message>
        <source>&amp;Answer:</source>
        <translation>回答(&amp;A)：</translation>
    </message>
    <message>
        <source>No answer yet</source>
        <translation>尚无回答</translation>
    </message>
</context>
<context>
    <name>medlora::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>默认：%1</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>Automatic (CUDA when present)</source>
        <translation>自动（有 CUDA 时使用）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>Automatic (bfloat16 where fast, else float32)</source>
        <translation>自动（在快速的硬件上用 bfloat16，否则用 float32）</translation>
    </message>
    <message>
        <source>All cores</source>
        <translation>全部核心</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Models folder:</source>
        <translation>模型文件夹(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation>设备(&amp;D)：</translation>
    </message>
    <message>
        <source>D&amp;type:</source>
        <translation>数据类型(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation>线程数(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>In force:</source>
        <translation>当前生效：</translation>
    </message>
    <message>
        <source>Choose the models folder</source>
        <translation>选择模型文件夹</translation>
    </message>
    <message numerus="yes">
        <source>%1, %2, %n thread(s)</source>
        <translation><numerusform>%1，%2，%n 个线程</numerusform></translation>
    </message>
</context>
</TS>
