<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>QObject</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
</context>
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
    <message>
        <source>Open workspace FILE for this session (created when missing; not saved).</source>
        <translation>本次会话打开工作区文件 FILE（不存在时创建；不保存）。</translation>
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
    <name>medlora::ui::BackgroundRunner</name>
    <message>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
</context>
<context>
    <name>medlora::ui::ChangePreviewModel</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>medlora::ui::CleaningDialog</name>
    <message>
        <source>control and zero-width characters removed</source>
        <translation>已移除控制字符和零宽字符</translation>
    </message>
    <message>
        <source>HTML tags removed, entities decoded</source>
        <translation>已移除 HTML 标签并解码实体</translation>
    </message>
    <message>
        <source>full/half-width punctuation normalised</source>
        <translation>已规范全角/半角标点</translation>
    </message>
    <message>
        <source>whitespace normalised and trimmed</source>
        <translation>已规范空白并去除首尾空白</translation>
    </message>
    <message>
        <source>dropped: empty output or prompt</source>
        <translation>已丢弃：输出或提示为空</translation>
    </message>
    <message>
        <source>dropped: output shorter than the minimum</source>
        <translation>已丢弃：输出短于最小长度</translation>
    </message>
    <message>
        <source>dropped: longer than the maximum</source>
        <translation>已丢弃：长度超过最大值</translation>
    </message>
    <message>
        <source>%1 of %2 records would be edited and %3 dropped. Check the tabs below, then Apply.</source>
        <translation>%2 条记录中将有 %1 条被修改、%3 条被丢弃。请检查下方各标签页，然后点击“应用”。</translation>
    </message>
    <message>
        <source>Cleaned: %1 records edited (earlier versions kept), %2 dropped.</source>
        <translation>清洗完成：已修改 %1 条记录（保留旧版本），已丢弃 %2 条。</translation>
    </message>
    <message>
        <source>Clean dataset</source>
        <translation>清洗数据集</translation>
    </message>
    <message>
        <source>Remove control and zero-width characters</source>
        <translation>移除控制字符和零宽字符</translation>
    </message>
    <message>
        <source>Strip HTML tags and decode entities</source>
        <translation>去除 HTML 标签并解码实体</translation>
    </message>
    <message>
        <source>Normalise full/half-width punctuation</source>
        <translation>规范全角/半角标点</translation>
    </message>
    <message>
        <source>Fullwidth ASCII forms become ASCII; Chinese sentence punctuation stays between Chinese characters</source>
        <translation>全角 ASCII 字符转为 ASCII；中文字符之间的中文标点保持不变</translation>
    </message>
    <message>
        <source>Normalise whitespace and trim</source>
        <translation>规范空白并去除首尾空白</translation>
    </message>
    <message>
        <source>Drop records with an empty output or prompt</source>
        <translation>丢弃输出或提示为空的记录</translation>
    </message>
    <message>
        <source>Drop outputs shorter than (characters, 0 = off)</source>
        <translation>丢弃短于此长度的输出（字符数，0 = 关闭）</translation>
    </message>
    <message>
        <source>Drop texts longer than (characters, 0 = off)</source>
        <translation>丢弃长于此长度的文本（字符数，0 = 关闭）</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Counts per rule</source>
        <translation>各规则计数</translation>
    </message>
    <message>
        <source>Before / after</source>
        <translation>修改前 / 修改后</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>已丢弃</translation>
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
    <name>medlora::ui::CoverageChart</name>
    <message>
        <source>(untagged)</source>
        <translation>（未分类）</translation>
    </message>
    <message>
        <source>Share of records</source>
        <translation>记录占比</translation>
    </message>
    <message>
        <source>Below its minimum</source>
        <translation>低于最低占比</translation>
    </message>
    <message>
        <source>%1 (%2 % &lt; %3 %)</source>
        <translation>%1（%2 % &lt; %3 %）</translation>
    </message>
    <message>
        <source>% of records</source>
        <translation>记录占比（%）</translation>
    </message>
    <message>
        <source>No records to chart.</source>
        <translation>没有可绘制的记录。</translation>
    </message>
    <message>
        <source>Below the required minimum share (red marks): %1</source>
        <translation>低于要求的最低占比（红色标记）：%1</translation>
    </message>
    <message numerus="yes">
        <source>Every required category reaches its minimum share (red marks), over %n record(s).</source>
        <translation>
            <numerusform>所有必需类别均达到最低占比（红色标记），共 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>Approved records only (what a training export holds)</source>
        <translation>仅统计已通过的记录（即训练导出所包含的记录）</translation>
    </message>
</context>
<context>
    <name>medlora::ui::DatasetIoWorker</name>
    <message>
        <source>choose at least one file or folder to import</source>
        <translation>请至少选择一个要导入的文件或文件夹</translation>
    </message>
    <message>
        <source>the dataset to add to no longer exists</source>
        <translation>要添加到的数据集已不存在</translation>
    </message>
    <message>
        <source>choose a file to export to</source>
        <translation>请选择导出目标文件</translation>
    </message>
    <message>
        <source>the dataset to export no longer exists</source>
        <translation>要导出的数据集已不存在</translation>
    </message>
</context>
<context>
    <name>medlora::ui::DatasetTableModel</name>
    <message>
        <source>synthetic</source>
        <translation>合成</translation>
    </message>
    <message>
        <source>, synthetic</source>
        <translation>，合成</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标记</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>审核人</translation>
    </message>
</context>
<context>
    <name>medlora::ui::DatasetsPanel</name>
    <message>
        <source>Datasets</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>Set category</source>
        <translation>设置类别</translation>
    </message>
    <message>
        <source>Category for the selected records:</source>
        <translation>所选记录的类别：</translation>
    </message>
    <message>
        <source>Add flag</source>
        <translation>添加标记</translation>
    </message>
    <message>
        <source>Flag for the selected records (a short word, e.g. check-dose):</source>
        <translation>为所选记录添加的标记（一个简短的词，例如 check-dose）：</translation>
    </message>
    <message>
        <source>Delete records</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Delete %1 selected records? The deletion is logged in the dataset&apos;s history.</source>
        <translation>删除所选的 %1 条记录？删除操作会记录在数据集的历史中。</translation>
    </message>
    <message>
        <source>No workspace is open: start the workbench with a workspace file to curate datasets.</source>
        <translation>未打开工作区：请使用工作区文件启动工作台以整理数据集。</translation>
    </message>
    <message>
        <source>The workspace %1 cannot be opened: %2</source>
        <translation>无法打开工作区 %1：%2</translation>
    </message>
    <message>
        <source>Reading the datasets</source>
        <translation>读取数据集</translation>
    </message>
    <message>
        <source>%1 — %2 records: %3 pending, %4 approved, %5 rejected, %6 need edit</source>
        <translation>%1 — %2 条记录：%3 条待审核，%4 条已通过，%5 条已驳回，%6 条需修改</translation>
    </message>
    <message>
        <source>Reading the categories</source>
        <translation>读取类别</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) match</source>
        <translation>
            <numerusform>匹配 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading record %1</source>
        <translation>读取记录 %1</translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Record %1 has edits that are not saved. Save them as a new version?</source>
        <translation>记录 %1 有未保存的修改。是否保存为新版本？</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>操作“%1”失败：%2</translation>
    </message>
    <message>
        <source>Enter your name under Reviewer first: every edit is recorded with who made it.</source>
        <translation>请先在“审核人”中输入您的姓名：每次修改都会记录修改人。</translation>
    </message>
    <message>
        <source>Saving record %1</source>
        <translation>保存记录 %1</translation>
    </message>
    <message>
        <source>Record %1 saved; the previous version is kept in its history.</source>
        <translation>记录 %1 已保存；先前版本保留在其历史中。</translation>
    </message>
    <message>
        <source>Enter your name under Reviewer first: every decision is recorded with who made it.</source>
        <translation>请先在“审核人”中输入您的姓名：每项审核决定都会记录决定人。</translation>
    </message>
    <message>
        <source>Recording the decision on record %1</source>
        <translation>保存记录 %1 的审核决定</translation>
    </message>
    <message>
        <source>Record %1: %2.</source>
        <translation>记录 %1：%2。</translation>
    </message>
    <message>
        <source>&amp;Dataset</source>
        <translation>数据集(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reviewer</source>
        <translation>审核人(&amp;R)</translation>
    </message>
    <message>
        <source>Decisions and edits are recorded under this name</source>
        <translation>审核决定和修改将以此姓名记录</translation>
    </message>
    <message>
        <source>&amp;Import...</source>
        <translation>导入(&amp;I)...</translation>
    </message>
    <message>
        <source>Import JSON, JSONL, CSV/TSV or MedQuAD XML into a dataset</source>
        <translation>将 JSON、JSONL、CSV/TSV 或 MedQuAD XML 导入数据集</translation>
    </message>
    <message>
        <source>E&amp;xport...</source>
        <translation>导出(&amp;X)...</translation>
    </message>
    <message>
        <source>Write the approved records (or all) for training, optionally split</source>
        <translation>导出已通过的记录（或全部记录）用于训练，可选择划分</translation>
    </message>
    <message>
        <source>Delete dataset</source>
        <translation>删除数据集</translation>
    </message>
    <message>
        <source>&amp;Clean...</source>
        <translation>清洗(&amp;C)...</translation>
    </message>
    <message>
        <source>Whitespace, punctuation, HTML, control characters, empty and too short/long records, with a preview</source>
        <translation>处理空白、标点、HTML、控制字符以及空的或过短/过长的记录，可预览</translation>
    </message>
    <message>
        <source>De&amp;duplicate...</source>
        <translation>去重(&amp;D)...</translation>
    </message>
    <message>
        <source>Exact and near-duplicates, with the groups to check before removing</source>
        <translation>查找完全重复与近似重复，移除前可逐组检查</translation>
    </message>
    <message>
        <source>Mask &amp;PII...</source>
        <translation>个人身份信息脱敏(&amp;P)...</translation>
    </message>
    <message>
        <source>Phone numbers, ID numbers, e-mails, birth dates, record numbers, with a preview</source>
        <translation>电话号码、身份证号、电子邮箱、出生日期、病历号，可预览</translation>
    </message>
    <message>
        <source>&amp;Tag categories...</source>
        <translation>标注类别(&amp;T)...</translation>
    </message>
    <message>
        <source>Assign department categories by keyword rules, with a preview</source>
        <translation>按关键词规则分配科室类别，可预览</translation>
    </message>
    <message>
        <source>Standardise &amp;terms...</source>
        <translation>术语标准化(&amp;T)...</translation>
    </message>
    <message>
        <source>Replace synonyms by standard terms from the dictionary, with a preview</source>
        <translation>用术语词典中的标准术语替换同义词，可预览</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the edits as a new version; the old one stays in the history (Ctrl+S)</source>
        <translation>将修改保存为新版本；旧版本保留在历史中（Ctrl+S）</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Approve this record and go to the next (Ctrl+Return); unsaved edits are saved first</source>
        <translation>通过此记录并转到下一条（Ctrl+Return）；未保存的修改会先保存</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Reject this record and go to the next (Ctrl+Shift+R)</source>
        <translation>驳回此记录并转到下一条（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>Needs edit</source>
        <translation>需修改</translation>
    </message>
    <message>
        <source>Mark this record as needing an edit and go to the next (Ctrl+Shift+E)</source>
        <translation>将此记录标为需修改并转到下一条（Ctrl+Shift+E）</translation>
    </message>
    <message>
        <source>Next record</source>
        <translation>下一条记录</translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation>Alt+Down</translation>
    </message>
    <message>
        <source>Previous record</source>
        <translation>上一条记录</translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation>Alt+Up</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Approve selected</source>
        <translation>通过所选</translation>
    </message>
    <message>
        <source>Reject selected</source>
        <translation>驳回所选</translation>
    </message>
    <message>
        <source>Selected need edit</source>
        <translation>所选需修改</translation>
    </message>
    <message>
        <source>Set category...</source>
        <translation>设置类别...</translation>
    </message>
    <message>
        <source>Add flag...</source>
        <translation>添加标记...</translation>
    </message>
    <message>
        <source>Delete selected...</source>
        <translation>删除所选...</translation>
    </message>
    <message>
        <source>Delete the selected records (Delete in the table); asks first</source>
        <translation>删除所选记录（在表格中按 Delete 键）；删除前会先确认</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation>类别覆盖</translation>
    </message>
    <message>
        <source>Token lengths</source>
        <translation>词元长度</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>%1 of %2 records selected</source>
        <translation>已选择 %1 / %2 条记录</translation>
    </message>
    <message>
        <source>The bulk decision</source>
        <translation>批量审核</translation>
    </message>
    <message>
        <source>%1 records: %2.</source>
        <translation>%1 条记录：%2。</translation>
    </message>
    <message>
        <source>category set in bulk</source>
        <translation>批量设置类别</translation>
    </message>
    <message>
        <source>Setting the category</source>
        <translation>设置类别</translation>
    </message>
    <message>
        <source>%1 records now in category &quot;%2&quot;.</source>
        <translation>%1 条记录现属于类别“%2”。</translation>
    </message>
    <message>
        <source>Adding the flag</source>
        <translation>添加标记</translation>
    </message>
    <message>
        <source>Flag &quot;%1&quot; added to %2 records.</source>
        <translation>已为 %2 条记录添加标记“%1”。</translation>
    </message>
    <message>
        <source>Deleting records</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>%1 records deleted.</source>
        <translation>已删除 %1 条记录。</translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; with all its records and their history? This cannot be undone.</source>
        <translation>删除“%1”及其全部记录和历史？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Deleting the dataset</source>
        <translation>删除数据集</translation>
    </message>
    <message>
        <source>Dataset deleted.</source>
        <translation>数据集已删除。</translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation>导入完成。</translation>
    </message>
    <message>
        <source>Reading the coverage</source>
        <translation>读取类别覆盖</translation>
    </message>
</context>
<context>
    <name>medlora::ui::DedupDialog</name>
    <message>
        <source>keep (%1)</source>
        <translation>保留（%1）</translation>
    </message>
    <message>
        <source>remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>完全重复</translation>
    </message>
    <message>
        <source>near</source>
        <translation>近似重复</translation>
    </message>
    <message>
        <source>%1 exact and %2 near duplicates would be removed from %3 records, in %4 groups.</source>
        <translation>将从 %3 条记录中移除 %1 条完全重复和 %2 条近似重复的记录，共 %4 组。</translation>
    </message>
    <message>
        <source> The first %1 groups are listed.</source>
        <translation>下面列出前 %1 组。</translation>
    </message>
    <message>
        <source>Removed %1 duplicate records (%2 exact, %3 near).</source>
        <translation>已移除 %1 条重复记录（%2 条完全重复，%3 条近似重复）。</translation>
    </message>
    <message>
        <source>Remove duplicates</source>
        <translation>移除重复</translation>
    </message>
    <message>
        <source>Also find near-duplicates (MinHash over character shingles)</source>
        <translation>同时查找近似重复（基于字符 shingle 的 MinHash）</translation>
    </message>
    <message>
        <source>Near-duplicate &amp;threshold (estimated Jaccard similarity)</source>
        <translation>近似重复阈值（估计的 Jaccard 相似度）(&amp;T)</translation>
    </message>
    <message>
        <source>Lower finds more (and riskier) near-duplicates; 0.55 finds ~99 % of typo/spacing copies</source>
        <translation>值越低，找到的近似重复越多（风险也越大）；0.55 可找出约 99 % 仅有错字或空格差异的副本</translation>
    </message>
    <message>
        <source>Prompts must also match at (0 = off)</source>
        <translation>提示也须达到的相似度（0 = 关闭）</translation>
    </message>
    <message>
        <source>Keeps records apart that share a template answer but ask about different things</source>
        <translation>区分回答模板相同但所问内容不同的记录</translation>
    </message>
    <message>
        <source>Keep the doctor-approved record of a group when there is one</source>
        <translation>组内如有医生已通过的记录，则保留该记录</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation>相似度</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>medlora::ui::ExportDialog</name>
    <message>
        <source>Export cancelled. Files already written: %1</source>
        <translation>导出已取消。已写入的文件：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Exported %1 records (%2) to %3, each with a .manifest.json beside it.</source>
        <translation>已将 %1 条记录（%2）导出到 %3，每个文件旁附有 .manifest.json。</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;JSON (*.json);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;JSON (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>正在导出...</translation>
    </message>
    <message>
        <source>Export &quot;%1&quot;</source>
        <translation>导出“%1”</translation>
    </message>
    <message>
        <source>%1 records, %2 approved.</source>
        <translation>%1 条记录，%2 条已通过。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <source>Trainer JSONL (instruction, input, output, category)</source>
        <translation>训练器 JSONL（instruction、input、output、category）</translation>
    </message>
    <message>
        <source>Trainer JSON array</source>
        <translation>训练器 JSON 数组</translation>
    </message>
    <message>
        <source>Seed-style formatted JSON (instruction, input, output)</source>
        <translation>种子数据格式的 JSON（instruction、input、output）</translation>
    </message>
    <message>
        <source>Export all records, not only approved ones</source>
        <translation>导出全部记录，而不仅是已通过的记录</translation>
    </message>
    <message>
        <source>Training should only see records a doctor approved; tick this only on purpose</source>
        <translation>训练只应使用医生已通过的记录；除非确有需要，请勿勾选</translation>
    </message>
    <message>
        <source>Split into train / validation / test (stratified by category)</source>
        <translation>划分为训练集 / 验证集 / 测试集（按类别分层）</translation>
    </message>
    <message>
        <source>&amp;Validation share</source>
        <translation>验证集比例(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Test share</source>
        <translation>测试集比例(&amp;T)</translation>
    </message>
    <message>
        <source>S&amp;eed</source>
        <translation>随机种子(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>medlora::ui::ImportDialog</name>
    <message>
        <source>Reading files...</source>
        <translation>正在读取文件...</translation>
    </message>
    <message>
        <source>Storing records...</source>
        <translation>正在存储记录...</translation>
    </message>
    <message>
        <source>Choose dataset files</source>
        <translation>选择数据集文件</translation>
    </message>
    <message>
        <source>Datasets (*.json *.jsonl *.ndjson *.csv *.tsv *.txt);;All files (*)</source>
        <translation>数据集 (*.json *.jsonl *.ndjson *.csv *.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Choose a MedQuAD folder (XML files)</source>
        <translation>选择 MedQuAD 文件夹（XML 文件）</translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation>正在开始...</translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation>正在取消...</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was added to the workspace.</source>
        <translation>导入已取消：未向工作区添加任何内容。</translation>
    </message>
    <message>
        <source>Imported %1 records into &quot;%2&quot;; %3 skipped.</source>
        <translation>已将 %1 条记录导入“%2”；跳过 %3 条。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Skipped on purpose: %1.</source>
        <translation>按规则跳过：%1。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be read (listed below).</source>
        <translation>
            <numerusform>%n 条记录无法读取（见下方列表）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <source>Import records</source>
        <translation>导入记录</translation>
    </message>
    <message>
        <source>&amp;Files and folders</source>
        <translation>文件和文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Add files...</source>
        <translation>添加文件...</translation>
    </message>
    <message>
        <source>Add folder...</source>
        <translation>添加文件夹...</translation>
    </message>
    <message>
        <source>A folder is read as MedQuAD XML, recursively</source>
        <translation>文件夹将作为 MedQuAD XML 递归读取</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <source>Automatic (by extension and content)</source>
        <translation>自动（根据扩展名和内容）</translation>
    </message>
    <message>
        <source>JSON array</source>
        <translation>JSON 数组</translation>
    </message>
    <message>
        <source>JSONL (one object a line)</source>
        <translation>JSONL（每行一个对象）</translation>
    </message>
    <message>
        <source>CSV (header row)</source>
        <translation>CSV（含表头行）</translation>
    </message>
    <message>
        <source>TSV (header row)</source>
        <translation>TSV（含表头行）</translation>
    </message>
    <message>
        <source>MedQuAD XML folder</source>
        <translation>MedQuAD XML 文件夹</translation>
    </message>
    <message>
        <source>&amp;Encoding</source>
        <translation>编码(&amp;E)</translation>
    </message>
    <message>
        <source>Automatic (UTF-8, else GB18030)</source>
        <translation>自动（UTF-8，否则 GB18030）</translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>GB18030 / GBK</source>
        <translation>GB18030 / GBK</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>instruction column</source>
        <translation>指令列</translation>
    </message>
    <message>
        <source>input column</source>
        <translation>输入列</translation>
    </message>
    <message>
        <source>output column</source>
        <translation>输出列</translation>
    </message>
    <message>
        <source>category column</source>
        <translation>类别列</translation>
    </message>
    <message>
        <source>The JSON key or CSV header that feeds this field; empty = found automatically (instruction/input/output, question/answer, 问题/答案, ...)</source>
        <translation>为此字段提供数据的 JSON 键或 CSV 表头；留空 = 自动识别（instruction/input/output、question/answer、问题/答案 等）</translation>
    </message>
    <message>
        <source>&amp;Into</source>
        <translation>导入到(&amp;I)</translation>
    </message>
    <message>
        <source>New dataset named</source>
        <translation>新数据集，名称为</translation>
    </message>
    <message>
        <source>dataset name</source>
        <translation>数据集名称</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the import; nothing of it is kept</source>
        <translation>停止导入；本次导入的内容均不保留</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>medlora::ui::LiveCurves</name>
    <message>
        <source>Smoothing %1</source>
        <translation>平滑 %1</translation>
    </message>
    <message>
        <source>Exponential moving average of the train loss (0 = raw)</source>
        <translation>训练损失的指数移动平均（0 = 原始值）</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <source>Logarithmic loss axis</source>
        <translation>损失轴使用对数坐标</translation>
    </message>
    <message>
        <source>Lower plot:</source>
        <translation>下方图表：</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Grad norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>词元/秒</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>Show all the data and follow new points (double-click the plot does the same)</source>
        <translation>显示全部数据并跟随新数据点（双击图表效果相同）</translation>
    </message>
    <message>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <source>train loss (smoothed)</source>
        <translation>训练损失（平滑）</translation>
    </message>
    <message>
        <source>eval loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <source>skipped step</source>
        <translation>跳过的步</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>Hover over the plot to read a step&apos;s values.</source>
        <translation>将鼠标悬停在图表上可查看某一步的数值。</translation>
    </message>
    <message>
        <source>%1: train loss</source>
        <translation>%1：训练损失</translation>
    </message>
    <message>
        <source>%1: eval loss</source>
        <translation>%1：验证损失</translation>
    </message>
    <message>
        <source>Choose a file ending in .png or .pdf (got &quot;%1&quot;).</source>
        <translation>请选择以 .png 或 .pdf 结尾的文件（当前为“%1”）。</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation>损失 %1</translation>
    </message>
    <message>
        <source>smoothed %1</source>
        <translation>平滑值 %1</translation>
    </message>
    <message>
        <source>eval loss %1 (step %2)</source>
        <translation>验证损失 %1（第 %2 步）</translation>
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
    <message>
        <source>Workspace</source>
        <translation>工作区</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>工作区：%1</translation>
    </message>
    <message>
        <source>Open or create a workspace</source>
        <translation>打开或创建工作区</translation>
    </message>
    <message>
        <source>MedLoRA workspaces (*.medlora *.mlw);;All files (*)</source>
        <translation>MedLoRA 工作区 (*.medlora *.mlw);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open or create &amp;workspace...</source>
        <translation>打开或创建工作区(&amp;W)...</translation>
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
    <name>medlora::ui::PiiDialog</name>
    <message>
        <source>Phone numbers</source>
        <translation>电话号码</translation>
    </message>
    <message>
        <source>Chinese resident ID numbers (valid checksum)</source>
        <translation>中国居民身份证号（校验码有效）</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>电子邮箱地址</translation>
    </message>
    <message>
        <source>Dates of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Hospital record numbers</source>
        <translation>病历号</translation>
    </message>
    <message>
        <source>%1 identifiers in %2 records would be masked. Check every change under &quot;Before / after&quot;, then Apply.</source>
        <translation>将对 %2 条记录中的 %1 处身份标识进行脱敏。请在“修改前 / 修改后”中检查每处更改，然后点击“应用”。</translation>
    </message>
    <message>
        <source>Masked %1 identifiers in %2 records; each masking is logged and the records are flagged &quot;pii&quot;.</source>
        <translation>已对 %2 条记录中的 %1 处身份标识进行脱敏；每次脱敏均已记录，且这些记录已添加标记 &quot;pii&quot;。</translation>
    </message>
    <message>
        <source>Mask personal identifiers</source>
        <translation>个人身份信息脱敏</translation>
    </message>
    <message>
        <source>Phone numbers (Chinese and international)</source>
        <translation>电话号码（中国及国际）</translation>
    </message>
    <message>
        <source>Chinese resident ID numbers (checksum verified)</source>
        <translation>中国居民身份证号（已验证校验码）</translation>
    </message>
    <message>
        <source>Dates of birth (after a cue such as 出生日期 or DOB)</source>
        <translation>出生日期（位于“出生日期”或 DOB 等提示词之后）</translation>
    </message>
    <message>
        <source>Hospital &amp;record-number patterns (PCRE, one a line; group 1 is masked when present)</source>
        <translation>病历号模式（PCRE，每行一个；若存在第 1 个捕获组，则仅脱敏该组）(&amp;R)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现数</translation>
    </message>
    <message>
        <source>Counts per kind</source>
        <translation>各类型计数</translation>
    </message>
    <message>
        <source>Before / after</source>
        <translation>修改前 / 修改后</translation>
    </message>
</context>
<context>
    <name>medlora::ui::PlanDialog</name>
    <message>
        <source>Reading the dataset and planning; nothing is changed yet...</source>
        <translation>正在读取数据集并生成计划；尚未做任何更改...</translation>
    </message>
    <message>
        <source>Applying...</source>
        <translation>正在应用...</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>未做任何更改：%1</translation>
    </message>
    <message>
        <source>The preview failed: %1</source>
        <translation>预览失败：%1</translation>
    </message>
    <message>
        <source>Preview stopped; nothing was changed.</source>
        <translation>预览已停止；未做任何更改。</translation>
    </message>
    <message>
        <source>The options changed during the preview: preview again before applying.</source>
        <translation>预览期间选项已更改：请重新预览后再应用。</translation>
    </message>
    <message>
        <source>Nothing to change: the dataset already passes.</source>
        <translation>无需更改：数据集已符合要求。</translation>
    </message>
    <message>
        <source>The options changed: preview again before applying.</source>
        <translation>选项已更改：请重新预览后再应用。</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <source>Show what would change; nothing is written</source>
        <translation>显示将要进行的更改；不会写入任何内容</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Write the previewed changes to the workspace in one transaction (kept in the record history)</source>
        <translation>在单个事务中将预览的更改写入工作区（保留在记录历史中）</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
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
        <translation>
            <numerusform>%n 个词元，用时 %1 秒，%2 词元/秒（%3）</numerusform>
        </translation>
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
    <name>medlora::ui::RecordEditor</name>
    <message>
        <source>edited in the Datasets panel</source>
        <translation>在数据集面板中编辑</translation>
    </message>
    <message>
        <source>Version %1 (category: %2)

Instruction:
%3

Input:
%4

Output:
%5</source>
        <translation>版本 %1（类别：%2）

指令：
%3

输入：
%4

输出：
%5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Choose a record in the table to read, edit and review it.</source>
        <translation>在表格中选择一条记录以查看、编辑和审核。</translation>
    </message>
    <message>
        <source>Record %1, version %2: %3</source>
        <translation>记录 %1，版本 %2：%3</translation>
    </message>
    <message>
        <source> by %1 at %2</source>
        <translation>（审核人 %1，时间 %2）</translation>
    </message>
    <message>
        <source>; flags: %1</source>
        <translation>；标记：%1</translation>
    </message>
    <message>
        <source>; synthetic (made by augmentation)</source>
        <translation>；合成（由数据增强生成）</translation>
    </message>
    <message>
        <source> (edited, not saved)</source>
        <translation>（已编辑，未保存）</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>类别(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Instruction</source>
        <translation>指令(&amp;I)</translation>
    </message>
    <message>
        <source>In&amp;put</source>
        <translation>输入(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Output</source>
        <translation>输出(&amp;O)</translation>
    </message>
    <message>
        <source>Earlier &amp;versions</source>
        <translation>历史版本(&amp;V)</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Reason for the edit (kept in the history)</source>
        <translation>修改原因（保留在历史中）</translation>
    </message>
    <message>
        <source>Review note (saved with the decision)</source>
        <translation>审核备注（随审核决定一同保存）</translation>
    </message>
</context>
<context>
    <name>medlora::ui::RecordFilterBar</name>
    <message>
        <source>Search instruction, input and output (all words must occur)</source>
        <translation>搜索指令、输入和输出（须包含所有词）</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>(untagged)</source>
        <translation>（未分类）</translation>
    </message>
    <message>
        <source>Show the records of one department category</source>
        <translation>显示某一科室类别的记录</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>Show records with one review status</source>
        <translation>显示某一审核状态的记录</translation>
    </message>
    <message>
        <source>min length</source>
        <translation>最小长度</translation>
    </message>
    <message>
        <source>max length</source>
        <translation>最大长度</translation>
    </message>
    <message>
        <source>Shortest length shown, in characters of instruction + input + output (0: no bound)</source>
        <translation>显示的最短长度，按指令 + 输入 + 输出的字符数计（0：不限）</translation>
    </message>
    <message>
        <source>Longest length shown, in characters of instruction + input + output (0: no bound)</source>
        <translation>显示的最长长度，按指令 + 输入 + 输出的字符数计（0：不限）</translation>
    </message>
    <message>
        <source>any flag</source>
        <translation>任意标记</translation>
    </message>
    <message>
        <source>Show records carrying this flag (e.g. pii, near-dup)</source>
        <translation>显示带有此标记的记录（例如 pii、near-dup）</translation>
    </message>
</context>
<context>
    <name>medlora::ui::ReviewStatus</name>
    <message>
        <source>Pending</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Needs edit</source>
        <translation>需修改</translation>
    </message>
</context>
<context>
    <name>medlora::ui::RunForm</name>
    <message>
        <source>Run</source>
        <translation>训练任务</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The run&apos;s name; its folder is &lt;runs folder&gt;/&lt;name&gt;</source>
        <translation>训练任务名称；其文件夹为 &lt;训练任务文件夹&gt;/&lt;名称&gt;</translation>
    </message>
    <message>
        <source>Base model</source>
        <translation>基础模型</translation>
    </message>
    <message>
        <source>An HF model folder (config.json, model.safetensors, tokenizer.model)</source>
        <translation>HF 模型文件夹（config.json、model.safetensors、tokenizer.model）</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>A workspace dataset, exported and split into the run folder at launch; or &apos;Files&apos; to name the files</source>
        <translation>工作区数据集，启动时导出并划分到训练任务文件夹中；或选择“文件”以指定文件</translation>
    </message>
    <message>
        <source>Approved records only</source>
        <translation>仅已通过的记录</translation>
    </message>
    <message>
        <source>Export only the records a reviewer approved</source>
        <translation>仅导出审核人已通过的记录</translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation>验证集比例</translation>
    </message>
    <message>
        <source>Fraction of the dataset held out (stratified by category) for the eval loss</source>
        <translation>留出用于计算验证损失的数据集比例（按类别分层）</translation>
    </message>
    <message>
        <source>Train file</source>
        <translation>训练文件</translation>
    </message>
    <message>
        <source>Files mode: JSON/JSONL/CSV records or a .txt corpus</source>
        <translation>文件模式：JSON/JSONL/CSV 记录或 .txt 语料</translation>
    </message>
    <message>
        <source>Eval file</source>
        <translation>验证文件</translation>
    </message>
    <message>
        <source>Files mode: evaluation records (optional)</source>
        <translation>文件模式：验证记录（可选）</translation>
    </message>
    <message>
        <source>Hold out of train file</source>
        <translation>从训练文件留出</translation>
    </message>
    <message>
        <source>Files mode without an eval file: a fraction (&lt; 1) or a count (&gt;= 1) of train records held out</source>
        <translation>文件模式且无验证文件时：从训练记录中留出的比例（&lt; 1）或条数（&gt;= 1）</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>The prompt template examples are rendered with</source>
        <translation>渲染样本所用的提示模板</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>LoRA adapter, or train every weight</source>
        <translation>LoRA 适配器，或训练全部权重</translation>
    </message>
    <message>
        <source>Effective batch (wanted)</source>
        <translation>有效批大小（期望值）</translation>
    </message>
    <message>
        <source>Examples per optimiser step you want; it should equal micro-batch × accumulation</source>
        <translation>每个优化器步期望的样本数；应等于微批大小 × 梯度累积步数</translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <source>Rank r</source>
        <translation>秩 r</translation>
    </message>
    <message>
        <source>Rank of the low-rank update; about √hidden / 2 is a good start</source>
        <translation>低秩更新的秩；约 √hidden / 2 是不错的起点</translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation>Alpha</translation>
    </message>
    <message>
        <source>Scaling numerator: the update is scaled by alpha / r (alpha / √r with rsLoRA)</source>
        <translation>缩放分子：更新按 alpha / r 缩放（使用 rsLoRA 时为 alpha / √r）</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>Dropout</translation>
    </message>
    <message>
        <source>Dropout on the LoRA input during training</source>
        <translation>训练时作用于 LoRA 输入的 Dropout</translation>
    </message>
    <message>
        <source>Target modules</source>
        <translation>目标模块</translation>
    </message>
    <message>
        <source>Comma-separated: q_proj k_proj v_proj o_proj gate_proj up_proj down_proj, or all-linear</source>
        <translation>逗号分隔：q_proj k_proj v_proj o_proj gate_proj up_proj down_proj，或 all-linear</translation>
    </message>
    <message>
        <source>Modules to save</source>
        <translation>需保存的模块</translation>
    </message>
    <message>
        <source>Comma-separated modules trained in full and saved with the adapter (lm_head, embed_tokens)</source>
        <translation>逗号分隔，这些模块将全量训练并随适配器一同保存（lm_head、embed_tokens）</translation>
    </message>
    <message>
        <source>rsLoRA</source>
        <translation>rsLoRA</translation>
    </message>
    <message>
        <source>Scale by alpha / √r instead of alpha / r</source>
        <translation>按 alpha / √r 而非 alpha / r 缩放</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Passes over the training data</source>
        <translation>遍历训练数据的次数</translation>
    </message>
    <message>
        <source>Max steps</source>
        <translation>最大步数</translation>
    </message>
    <message>
        <source>&gt; 0: stop after this many optimiser steps (overrides epochs)</source>
        <translation>&gt; 0：达到该优化器步数后停止（覆盖轮次设置）</translation>
    </message>
    <message>
        <source>Micro-batch</source>
        <translation>微批大小</translation>
    </message>
    <message>
        <source>Examples per forward/backward pass; bounded by memory</source>
        <translation>每次前向/反向传播的样本数；受内存限制</translation>
    </message>
    <message>
        <source>Gradient accumulation</source>
        <translation>梯度累积</translation>
    </message>
    <message>
        <source>Micro-batches summed per optimiser step</source>
        <translation>每个优化器步累加的微批数</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Peak learning rate after warmup (e.g. 2e-4)</source>
        <translation>预热后的峰值学习率（例如 2e-4）</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <source>How the learning rate decays after warmup</source>
        <translation>预热后学习率的衰减方式</translation>
    </message>
    <message>
        <source>Warmup ratio</source>
        <translation>预热比例</translation>
    </message>
    <message>
        <source>Fraction of the steps with a linearly rising learning rate</source>
        <translation>学习率线性上升阶段所占的步数比例</translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>AdamW decoupled weight decay</source>
        <translation>AdamW 解耦权重衰减</translation>
    </message>
    <message>
        <source>Adam β1</source>
        <translation>Adam β1</translation>
    </message>
    <message>
        <source>First-moment decay</source>
        <translation>一阶矩衰减率</translation>
    </message>
    <message>
        <source>Adam β2</source>
        <translation>Adam β2</translation>
    </message>
    <message>
        <source>Second-moment decay</source>
        <translation>二阶矩衰减率</translation>
    </message>
    <message>
        <source>Adam ε</source>
        <translation>Adam ε</translation>
    </message>
    <message>
        <source>Added to the denominator for stability</source>
        <translation>为数值稳定而加到分母上的值</translation>
    </message>
    <message>
        <source>Max grad norm</source>
        <translation>最大梯度范数</translation>
    </message>
    <message>
        <source>Gradient clipping threshold; 0 disables clipping</source>
        <translation>梯度裁剪阈值；0 表示不裁剪</translation>
    </message>
    <message>
        <source>Max length</source>
        <translation>最大长度</translation>
    </message>
    <message>
        <source>Tokens per example; longer examples are truncated</source>
        <translation>每个样本的词元数；更长的样本会被截断</translation>
    </message>
    <message>
        <source>Log every</source>
        <translation>记录间隔</translation>
    </message>
    <message>
        <source>Steps between loss points on the curve</source>
        <translation>曲线上相邻损失点之间的步数</translation>
    </message>
    <message>
        <source>Evaluate every</source>
        <translation>验证间隔</translation>
    </message>
    <message>
        <source>Steps between evaluations; 0 evaluates at the end of each epoch</source>
        <translation>两次验证之间的步数；0 表示在每轮结束时验证</translation>
    </message>
    <message>
        <source>Save every</source>
        <translation>保存间隔</translation>
    </message>
    <message>
        <source>Steps between checkpoints; 0 saves at the end of each epoch</source>
        <translation>两个检查点之间的步数；0 表示在每轮结束时保存</translation>
    </message>
    <message>
        <source>Keep checkpoints</source>
        <translation>保留检查点数</translation>
    </message>
    <message>
        <source>Most recent checkpoints kept (the best is always kept); 0 keeps all</source>
        <translation>保留的最近检查点数量（最佳检查点始终保留）；0 表示全部保留</translation>
    </message>
    <message>
        <source>Early stopping patience</source>
        <translation>早停耐心值</translation>
    </message>
    <message>
        <source>Evaluations without improvement before stopping; 0 is off (needs evaluation data)</source>
        <translation>停止前允许连续无改善的验证次数；0 表示关闭（需要验证数据）</translation>
    </message>
    <message>
        <source>Load best at end</source>
        <translation>结束时加载最佳检查点</translation>
    </message>
    <message>
        <source>The adapter written at the end is the best-evaluated checkpoint&apos;s</source>
        <translation>最终写出的适配器取自验证结果最佳的检查点</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Seed of the shuffling, dropout and initialisation</source>
        <translation>用于数据打乱、Dropout 和初始化的随机种子</translation>
    </message>
    <message>
        <source>Compute dtype</source>
        <translation>计算数据类型</translation>
    </message>
    <message>
        <source>auto picks bfloat16 where the CPU/GPU runs it fast, else float32</source>
        <translation>auto：在 CPU/GPU 能快速运行 bfloat16 时选用它，否则用 float32</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>auto uses CUDA when present</source>
        <translation>auto：有 CUDA 时使用 CUDA</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <source>CPU threads; 0 uses all cores</source>
        <translation>CPU 线程数；0 表示使用全部核心</translation>
    </message>
    <message>
        <source>Gradient checkpointing</source>
        <translation>梯度检查点</translation>
    </message>
    <message>
        <source>Recompute activations in backward: much less memory, about a third more time</source>
        <translation>在反向传播中重新计算激活值：大幅节省内存，耗时增加约三分之一</translation>
    </message>
    <message>
        <source>Train on prompt</source>
        <translation>提示部分参与训练</translation>
    </message>
    <message>
        <source>Also count the prompt tokens in the loss (normally only the answer)</source>
        <translation>将提示词元也计入损失（通常只计回答部分）</translation>
    </message>
    <message>
        <source>Auto batch size</source>
        <translation>自动批大小</translation>
    </message>
    <message>
        <source>CUDA: halve the micro-batch on out-of-memory instead of failing</source>
        <translation>CUDA：显存不足时将微批大小减半，而不是直接失败</translation>
    </message>
    <message>
        <source>Max non-finite steps</source>
        <translation>最大非有限值步数</translation>
    </message>
    <message>
        <source>Consecutive skipped (NaN/inf) steps before the run fails</source>
        <translation>训练任务失败前允许连续跳过（NaN/inf）的步数</translation>
    </message>
    <message>
        <source>Clinic QA</source>
        <translation>门诊问答</translation>
    </message>
    <message>
        <source>Medical-record generation</source>
        <translation>病历生成</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Files (below)</source>
        <translation>文件（见下方）</translation>
    </message>
    <message>
        <source>%1 (%2 approved of %3)</source>
        <translation>%1（%3 条中 %2 条已通过）</translation>
    </message>
    <message>
        <source>Name: use letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (it becomes the run folder&apos;s name).</source>
        <translation>名称：请使用字母、数字、&apos;.&apos;、&apos;_&apos; 或 &apos;-&apos;（名称将用作训练任务文件夹名）。</translation>
    </message>
    <message>
        <source>The run folder %1 already holds checkpoints: choose another name, or resume that run from History.</source>
        <translation>训练任务文件夹 %1 中已有检查点：请换一个名称，或在“历史”中恢复该训练任务。</translation>
    </message>
    <message>
        <source>Base model: choose an HF model folder with config.json (found none at &quot;%1&quot;).</source>
        <translation>基础模型：请选择包含 config.json 的 HF 模型文件夹（在“%1”中未找到）。</translation>
    </message>
    <message>
        <source>Base model: %1</source>
        <translation>基础模型：%1</translation>
    </message>
    <message>
        <source>Train file: &quot;%1&quot; does not exist; choose a file or a workspace dataset.</source>
        <translation>训练文件：“%1”不存在；请选择一个文件或工作区数据集。</translation>
    </message>
    <message>
        <source>Eval file: &quot;%1&quot; does not exist.</source>
        <translation>验证文件：“%1”不存在。</translation>
    </message>
    <message>
        <source>Estimate: about %1 (weights %2, optimizer %3, activations %4); %5 trainable parameters; %6 tokens a step, about %7 a step at %8 GFLOP/s (rough, CPU reference).</source>
        <translation>估算：约 %1（权重 %2，优化器 %3，激活值 %4）；可训练参数 %5 个；每步 %6 个词元，按 %8 GFLOP/s 计每步约 %7（粗略估计，以 CPU 为参考）。</translation>
    </message>
    <message>
        <source>%1 steps, about %2 in all.</source>
        <translation>共 %1 步，总计约 %2。</translation>
    </message>
</context>
<context>
    <name>medlora::ui::RunHistory</name>
    <message>
        <source>Notes and tags</source>
        <translation>备注和标签</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation>最终损失</translation>
    </message>
    <message>
        <source>Best eval</source>
        <translation>最佳验证损失</translation>
    </message>
    <message>
        <source>Adapter</source>
        <translation>适配器</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes on the selected run</source>
        <translation>所选训练任务的备注</translation>
    </message>
    <message>
        <source>Tags, comma-separated</source>
        <translation>标签，以逗号分隔</translation>
    </message>
    <message>
        <source>Save notes and tags</source>
        <translation>保存备注和标签</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>叠加显示</translation>
    </message>
    <message>
        <source>Draw the curves of the selected runs together</source>
        <translation>将所选训练任务的曲线绘制在一起</translation>
    </message>
    <message>
        <source>Compare configs</source>
        <translation>比较配置</translation>
    </message>
    <message>
        <source>The settings in which two selected runs differ</source>
        <translation>显示所选两个训练任务之间不同的设置</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Continue the selected run from its last checkpoint</source>
        <translation>从最后一个检查点继续所选训练任务</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Register adapter</source>
        <translation>注册适配器</translation>
    </message>
    <message>
        <source>Make the run&apos;s adapter available to the chat tester and review</source>
        <translation>使该训练任务的适配器可用于对话测试和评审</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>The trainer process is gone without finishing; Resume continues from the last checkpoint.</source>
        <translation>训练进程未完成就已退出；点击“恢复”可从最后一个检查点继续。</translation>
    </message>
    <message>
        <source>Config differences</source>
        <translation>配置差异</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Select one run.</source>
        <translation>请选择一个训练任务。</translation>
    </message>
    <message>
        <source>Saved the notes and tags.</source>
        <translation>已保存备注和标签。</translation>
    </message>
    <message>
        <source>No run %1 in this workspace.</source>
        <translation>此工作区中没有训练任务 %1。</translation>
    </message>
    <message>
        <source>Stop the run before deleting it.</source>
        <translation>请先停止训练任务再删除。</translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation>删除训练任务</translation>
    </message>
    <message>
        <source>Delete the run &quot;%1&quot; and its folder %2 (checkpoints, adapter, metrics)? This cannot be undone.</source>
        <translation>删除训练任务“%1”及其文件夹 %2（检查点、适配器、指标）？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete the run &quot;%1&quot; from the workspace?</source>
        <translation>从工作区中删除训练任务“%1”？</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Could not remove all of %1.</source>
        <translation>无法完全删除 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation>导出指标</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>The run has no adapter yet (%1/adapter_config.json); it is written when the run finishes.</source>
        <translation>该训练任务尚无适配器（%1/adapter_config.json）；适配器会在训练任务完成时写出。</translation>
    </message>
    <message>
        <source>Registered the adapter of %1.</source>
        <translation>已注册 %1 的适配器。</translation>
    </message>
</context>
<context>
    <name>medlora::ui::RunProcess</name>
    <message>
        <source>A run is already being followed; stop it or wait for it to end.</source>
        <translation>已在跟踪一个训练任务；请停止它或等待其结束。</translation>
    </message>
    <message>
        <source>The trainer %1 is missing or not executable; check the installation.</source>
        <translation>训练程序 %1 不存在或不可执行；请检查安装。</translation>
    </message>
    <message>
        <source>Cannot create the run folder %1.</source>
        <translation>无法创建训练任务文件夹 %1。</translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>%1 holds no run_config.json: it is not a run folder that can be resumed.</source>
        <translation>%1 中没有 run_config.json：它不是可恢复的训练任务文件夹。</translation>
    </message>
    <message>
        <source>The trainer process ended without finishing (killed?). Resume continues from the last checkpoint.</source>
        <translation>训练进程未完成即结束（被终止？）。点击“恢复”可从最后一个检查点继续。</translation>
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
        <translation>
            <numerusform>%1，%2，%n 个线程</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>medlora::ui::TaggingDialog</name>
    <message>
        <source>Save categories</source>
        <translation>保存类别</translation>
    </message>
    <message>
        <source>Categories saved.</source>
        <translation>类别已保存。</translation>
    </message>
    <message>
        <source>%1 records would get a category; %2 would stay untagged.</source>
        <translation>%1 条记录将获得类别；%2 条仍未分类。</translation>
    </message>
    <message>
        <source> The first %1 are listed.</source>
        <translation>下面列出前 %1 条。</translation>
    </message>
    <message>
        <source>Tagged %1 records; the categories are saved in the workspace.</source>
        <translation>已为 %1 条记录标注类别；类别已保存到工作区。</translation>
    </message>
    <message>
        <source>Tag categories by keywords</source>
        <translation>按关键词标注类别</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Keywords (comma-separated; word* = prefix)</source>
        <translation>关键词（逗号分隔；word* = 前缀匹配）</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必需</translation>
    </message>
    <message>
        <source>Minimum share %</source>
        <translation>最低占比 %</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>添加类别</translation>
    </message>
    <message>
        <source>Remove category</source>
        <translation>移除类别</translation>
    </message>
    <message>
        <source>Default departments</source>
        <translation>默认科室</translation>
    </message>
    <message>
        <source>Replace the table with 内科, 外科, 儿科, 妇产科, 急诊, 慢病 and their keywords</source>
        <translation>用内科、外科、儿科、妇产科、急诊、慢病及其关键词替换表格内容</translation>
    </message>
    <message>
        <source>Store the table in the workspace without tagging</source>
        <translation>将表格保存到工作区，但不进行标注</translation>
    </message>
    <message>
        <source>Re-tag records that already have a category</source>
        <translation>重新标注已有类别的记录</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <source>Would become</source>
        <translation>将变为</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>Records assigned</source>
        <translation>已分配记录数</translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation>分配结果</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>计数</translation>
    </message>
</context>
<context>
    <name>medlora::ui::TermsDialog</name>
    <message>
        <source>Import a term dictionary</source>
        <translation>导入术语词典</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Nothing imported: %1</source>
        <translation>未导入任何内容：%1</translation>
    </message>
    <message>
        <source>Imported %1: %2 added, %3 updated, %4 unchanged, %5 skipped.</source>
        <translation>已导入 %1：新增 %2 条，更新 %3 条，未变 %4 条，跳过 %5 条。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>... and %1 more problems</source>
        <translation>... 以及另外 %1 个问题</translation>
    </message>
    <message>
        <source>The dictionary was not saved: %1</source>
        <translation>词典未保存：%1</translation>
    </message>
    <message>
        <source>Dictionary saved (%1 terms).</source>
        <translation>词典已保存（%1 个术语）。</translation>
    </message>
    <message>
        <source>%1 replacements in %2 records. Every change is listed under &quot;Before / after&quot;.</source>
        <translation>%2 条记录中共有 %1 处替换。所有更改均列在“修改前 / 修改后”中。</translation>
    </message>
    <message>
        <source>Standardised %1 terms in %2 records; the dictionary is saved.</source>
        <translation>已在 %2 条记录中标准化 %1 个术语；词典已保存。</translation>
    </message>
    <message>
        <source>Standardise terms</source>
        <translation>术语标准化</translation>
    </message>
    <message>
        <source>Synonym (as written)</source>
        <translation>同义词（原文写法）</translation>
    </message>
    <message>
        <source>Standard term</source>
        <translation>标准术语</translation>
    </message>
    <message>
        <source>Add term</source>
        <translation>添加术语</translation>
    </message>
    <message>
        <source>Remove term</source>
        <translation>移除术语</translation>
    </message>
    <message>
        <source>Import CSV...</source>
        <translation>导入 CSV...</translation>
    </message>
    <message>
        <source>A UTF-8 CSV whose header names the columns &quot;synonym&quot; and &quot;standard&quot;</source>
        <translation>表头包含 &quot;synonym&quot; 和 &quot;standard&quot; 列的 UTF-8 CSV 文件</translation>
    </message>
    <message>
        <source>Save dictionary</source>
        <translation>保存词典</translation>
    </message>
    <message>
        <source>Synonym</source>
        <translation>同义词</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准术语</translation>
    </message>
    <message>
        <source>Replacements</source>
        <translation>替换</translation>
    </message>
    <message>
        <source>Before / after</source>
        <translation>修改前 / 修改后</translation>
    </message>
</context>
<context>
    <name>medlora::ui::TokenHistogram</name>
    <message>
        <source>Token counting failed: %1</source>
        <translation>词元统计失败：%1</translation>
    </message>
    <message>
        <source>Token counting stopped.</source>
        <translation>词元统计已停止。</translation>
    </message>
    <message>
        <source>Choose a model folder with tokenizer.model</source>
        <translation>选择包含 tokenizer.model 的模型文件夹</translation>
    </message>
    <message>
        <source>No tokenizer chosen: pick a model folder that holds tokenizer.model (the token lengths depend on the model&apos;s tokenizer, so none is assumed).</source>
        <translation>未选择分词器：请选择包含 tokenizer.model 的模型文件夹（词元长度取决于模型的分词器，因此不会默认使用任何分词器）。</translation>
    </message>
    <message>
        <source>%1 holds no tokenizer.model: pick a model folder that has one.</source>
        <translation>%1 中没有 tokenizer.model：请选择包含该文件的模型文件夹。</translation>
    </message>
    <message>
        <source>Choose a dataset first.</source>
        <translation>请先选择一个数据集。</translation>
    </message>
    <message>
        <source>Counting tokens...</source>
        <translation>正在统计词元...</translation>
    </message>
    <message>
        <source>No records to count.</source>
        <translation>没有可统计的记录。</translation>
    </message>
    <message>
        <source>%1 records: median %2 tokens, 95th percentile %3, longest %4. %5 records (%6 %) are longer than max_length %7 and would be cut.</source>
        <translation>%1 条记录：中位数 %2 个词元，第 95 百分位数 %3，最长 %4。%5 条记录（%6 %）超过 max_length %7，将被截断。</translation>
    </message>
    <message>
        <source>tokens per record (red: max_length)</source>
        <translation>每条记录的词元数（红线：max_length）</translation>
    </message>
    <message>
        <source>records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>&amp;Tokenizer</source>
        <translation>分词器(&amp;T)</translation>
    </message>
    <message>
        <source>A model folder (or tokenizer.model file) whose tokenizer training will use</source>
        <translation>训练所用分词器所在的模型文件夹（或 tokenizer.model 文件）</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>Prompt &amp;template</source>
        <translation>提示模板(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;max_length</source>
        <translation>max_length(&amp;M)</translation>
    </message>
    <message>
        <source>The training max_length: longer records are cut</source>
        <translation>训练时的 max_length：更长的记录会被截断</translation>
    </message>
    <message>
        <source>Approved records only</source>
        <translation>仅已通过的记录</translation>
    </message>
    <message>
        <source>&amp;Count tokens</source>
        <translation>统计词元(&amp;C)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
</context>
<context>
    <name>medlora::ui::TrainingPanel</name>
    <message>
        <source>Launch run</source>
        <translation>启动训练任务</translation>
    </message>
    <message>
        <source>Resume run</source>
        <translation>恢复训练任务</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>New run</source>
        <translation>新建训练任务</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop after the current step; a checkpoint is written so the run can be resumed</source>
        <translation>在当前步完成后停止；会写入检查点，以便之后恢复训练任务</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Continue this run from its last checkpoint</source>
        <translation>从最后一个检查点继续此训练任务</translation>
    </message>
    <message>
        <source>Export plot…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>No run shown</source>
        <translation>未显示训练任务</translation>
    </message>
    <message>
        <source>%v / %m steps</source>
        <translation>%v / %m 步</translation>
    </message>
    <message>
        <source>Cannot open the workspace: %1</source>
        <translation>无法打开工作区：%1</translation>
    </message>
    <message>
        <source>Run %1 (re-attached)</source>
        <translation>训练任务 %1（已重新连接）</translation>
    </message>
    <message>
        <source>Following the running run %1 again.</source>
        <translation>已重新跟踪正在运行的训练任务 %1。</translation>
    </message>
    <message>
        <source>Open a workspace first.</source>
        <translation>请先打开工作区。</translation>
    </message>
    <message>
        <source>A run is going; stop it or wait for it before launching another.</source>
        <translation>有训练任务正在运行；请先停止或等待其结束，再启动新的训练任务。</translation>
    </message>
    <message>
        <source>Cannot create the run folder %1.</source>
        <translation>无法创建训练任务文件夹 %1。</translation>
    </message>
    <message>
        <source>Could not export the dataset: %1</source>
        <translation>无法导出数据集：%1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>训练任务 %1</translation>
    </message>
    <message>
        <source>Started %1.</source>
        <translation>已启动 %1。</translation>
    </message>
    <message>
        <source>Stopping after the current step (a checkpoint is written)…</source>
        <translation>将在当前步完成后停止（会写入检查点）…</translation>
    </message>
    <message>
        <source>A run is going; stop it or wait for it before resuming another.</source>
        <translation>有训练任务正在运行；请先停止或等待其结束，再恢复其他训练任务。</translation>
    </message>
    <message>
        <source>No run %1 in this workspace.</source>
        <translation>此工作区中没有训练任务 %1。</translation>
    </message>
    <message>
        <source>Run %1 (resumed)</source>
        <translation>训练任务 %1（已恢复）</translation>
    </message>
    <message>
        <source>Resuming %1 from its last checkpoint…</source>
        <translation>正在从最后一个检查点恢复 %1…</translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation>第 %1 / %2 步</translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation>预计剩余 %1</translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation>%1 词元/秒</translation>
    </message>
    <message>
        <source>Training: %1 steps, %2 examples, %3 on %4.</source>
        <translation>训练：%1 步，%2 个样本，%3，运行于 %4。</translation>
    </message>
    <message>
        <source>Early stopping at step %1: the eval loss stopped improving.</source>
        <translation>在第 %1 步早停：验证损失不再改善。</translation>
    </message>
    <message>
        <source>Out of memory: the micro-batch was reduced to %1.</source>
        <translation>内存不足：微批大小已减至 %1。</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>训练任务失败：%1</translation>
    </message>
    <message>
        <source>The run finished.</source>
        <translation>训练任务已完成。</translation>
    </message>
    <message>
        <source>The run stopped at a checkpoint; Resume continues it.</source>
        <translation>训练任务已在检查点处停止；点击“恢复”可继续。</translation>
    </message>
    <message>
        <source>The trainer ended without finishing: %1</source>
        <translation>训练程序未完成即结束：%1</translation>
    </message>
    <message>
        <source>Run %1 (%2)</source>
        <translation>训练任务 %1（%2）</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>A run is going</source>
        <translation>有训练任务正在运行</translation>
    </message>
    <message>
        <source>A training run is still going. Keep it running in the background (reopen the workspace to follow it again), or stop it at the next checkpoint?</source>
        <translation>仍有训练任务正在运行。是让它在后台继续运行（重新打开工作区即可再次跟踪），还是在下一个检查点处停止？</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <source>Stop the run</source>
        <translation>停止训练任务</translation>
    </message>
</context>
</TS>
