<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>main</name>
    <message>
        <source>MedLoRA Workbench: LoRA fine-tuning and clinical review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use DIR as the models folder for this session (not saved).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::AboutDialog</name>
    <message>
        <source>About MedLoRA Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MedLoRA Workbench %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fine-tune LLaMA-family language models with LoRA on your own machine, try them on prompts, and have doctors blind-review and score the answers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Built with Qt %1 (running on Qt %2) and libtorch %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free software under the MIT licence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models and datasets you use keep their own licences.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::ComputeStatusWidget</name>
    <message>
        <source>Device: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dtype: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device: not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dtype: -</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads: -</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::MainWindow</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored settings could not be used, so the defaults are in force until you save new ones:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MedLoRA Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add model folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About MedLoRA Workbench</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::ModelDetailsView</name>
    <message>
        <source>Folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hidden size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed-forward size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vocabulary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Context length:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weights dtype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size on disk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tied embeddings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RoPE theta:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokenizer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No model selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 query, %2 key/value (head size %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (tokenizer.model is missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sentencepiece %1, %2 pieces (BOS %3, EOS %4, pad %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::ModelsPanel</name>
    <message>
        <source>Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some added model folders are not usable now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose an HF model folder (config.json, model.safetensors, tokenizer.model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This model has no tokenizer.model, so it cannot generate text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for models in the models folder again (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;dd folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add an HF model folder from anywhere on disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the added folder from this list; nothing is deleted from disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No models found in %1. Run ./dev run or &quot;medlora make-base-model&quot; to create the base model there, or add a model folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::PromptTryout</name>
    <message>
        <source>Loading the model...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model loaded in %1 s on %2 (%3); generating...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>end of answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token limit reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stop text reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n token(s) in %1 s, %2 tokens/s (%3)</source>
        <translation><numerusform>%n token in %1 s, %2 tokens/s (%3)</numerusform><numerusform>%n tokens in %1 s, %2 tokens/s (%3)</numerusform></translation>
    </message>
    <message>
        <source>Generation failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generation failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generating...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model in the list first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate an answer (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try a prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clinic: Chinese clinic instruction; clinic-en: English; raw: the prompt as typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a question, e.g. What should I do about a mild fever?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Max tokens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;emperature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 picks the most likely token every time; higher values vary more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop generating (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Answer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (CUDA when present)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (bfloat16 where fast, else float32)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Models folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Threads:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In force:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the models folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %2, %n thread(s)</source>
        <translation><numerusform>%1, %2, %n thread</numerusform><numerusform>%1, %2, %n threads</numerusform></translation>
    </message>
</context>
</TS>
