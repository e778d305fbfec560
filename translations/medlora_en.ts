<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <message>
        <source>Open workspace FILE for this session (created when missing; not saved).</source>
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
    <name>medlora::ui::BackgroundRunner</name>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::ChangePreviewModel</name>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::CleaningDialog</name>
    <message>
        <source>control and zero-width characters removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML tags removed, entities decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>full/half-width punctuation normalised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whitespace normalised and trimmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: empty output or prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: output shorter than the minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dropped: longer than the maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 records would be edited and %3 dropped. Check the tabs below, then Apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cleaned: %1 records edited (earlier versions kept), %2 dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove control and zero-width characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strip HTML tags and decode entities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalise full/half-width punctuation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fullwidth ASCII forms become ASCII; Chinese sentence punctuation stays between Chinese characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normalise whitespace and trim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop records with an empty output or prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop outputs shorter than (characters, 0 = off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop texts longer than (characters, 0 = off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts per rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before / after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped</source>
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
    <name>medlora::ui::CoverageChart</name>
    <message>
        <source>(untagged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below its minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 % &lt; %3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% of records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No records to chart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Below the required minimum share (red marks): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Every required category reaches its minimum share (red marks), over %n record(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Approved records only (what a training export holds)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::DatasetIoWorker</name>
    <message>
        <source>choose at least one file or folder to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the dataset to add to no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>choose a file to export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the dataset to export no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::DatasetTableModel</name>
    <message>
        <source>synthetic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, synthetic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::DatasetsPanel</name>
    <message>
        <source>Datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category for the selected records:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag for the selected records (a short word, e.g. check-dose):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 selected records? The deletion is logged in the dataset&apos;s history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspace is open: start the workbench with a workspace file to curate datasets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The workspace %1 cannot be opened: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the datasets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 records: %3 pending, %4 approved, %5 rejected, %6 need edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) match</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Reading record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 has edits that are not saved. Save them as a new version?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your name under Reviewer first: every edit is recorded with who made it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1 saved; the previous version is kept in its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your name under Reviewer first: every decision is recorded with who made it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording the decision on record %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions and edits are recorded under this name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import JSON, JSONL, CSV/TSV or MedQuAD XML into a dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the approved records (or all) for training, optionally split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clean...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whitespace, punctuation, HTML, control characters, empty and too short/long records, with a preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;duplicate...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exact and near-duplicates, with the groups to check before removing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask &amp;PII...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers, ID numbers, e-mails, birth dates, record numbers, with a preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tag categories...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign department categories by keyword rules, with a preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standardise &amp;terms...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace synonyms by standard terms from the dictionary, with a preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the edits as a new version; the old one stays in the history (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve this record and go to the next (Ctrl+Return); unsaved edits are saved first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject this record and go to the next (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark this record as needing an edit and go to the next (Ctrl+Shift+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected need edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set category...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add flag...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete selected...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected records (Delete in the table); asks first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token lengths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 records selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bulk decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category set in bulk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting the category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records now in category &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding the flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flag &quot;%1&quot; added to %2 records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete &quot;%1&quot; with all its records and their history? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the coverage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::DedupDialog</name>
    <message>
        <source>keep (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>near</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exact and %2 near duplicates would be removed from %3 records, in %4 groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The first %1 groups are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed %1 duplicate records (%2 exact, %3 near).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also find near-duplicates (MinHash over character shingles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Near-duplicate &amp;threshold (estimated Jaccard similarity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower finds more (and riskier) near-duplicates; 0.55 finds ~99 % of typo/spacing copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompts must also match at (0 = off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps records apart that share a template answer but ask about different things</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the doctor-approved record of a group when there is one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Similarity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::ExportDialog</name>
    <message>
        <source>Export cancelled. Files already written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 records (%2) to %3, each with a .manifest.json beside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines (*.jsonl);;JSON (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records, %2 approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer JSONL (instruction, input, output, category)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trainer JSON array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed-style formatted JSON (instruction, input, output)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export all records, not only approved ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training should only see records a doctor approved; tick this only on purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Split into train / validation / test (stratified by category)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Validation share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;eed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::ImportDialog</name>
    <message>
        <source>Reading files...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing records...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose dataset files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datasets (*.json *.jsonl *.ndjson *.csv *.tsv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a MedQuAD folder (XML files)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled: nothing was added to the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 records into &quot;%2&quot;; %3 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped on purpose: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) could not be read (listed below).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Files and folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add files...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add folder...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A folder is read as MedQuAD XML, recursively</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (by extension and content)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSONL (one object a line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (header row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TSV (header row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MedQuAD XML folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (UTF-8, else GB18030)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GB18030 / GBK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instruction column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>input column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>category column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JSON key or CSV header that feeds this field; empty = found automatically (instruction/input/output, question/answer, 问题/答案, ...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New dataset named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dataset name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the import; nothing of it is kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::LiveCurves</name>
    <message>
        <source>Smoothing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exponential moving average of the train loss (0 = raw)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logarithmic loss axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lower plot:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grad norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all the data and follow new points (double-click the plot does the same)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>train loss (smoothed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eval loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hover over the plot to read a step&apos;s values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: train loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: eval loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a file ending in .png or .pdf (got &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>loss %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>smoothed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eval loss %1 (step %2)</source>
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
    <message>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create a workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MedLoRA workspaces (*.medlora *.mlw);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open or create &amp;workspace...</source>
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
    <name>medlora::ui::PiiDialog</name>
    <message>
        <source>Phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese resident ID numbers (valid checksum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital record numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 identifiers in %2 records would be masked. Check every change under &quot;Before / after&quot;, then Apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Masked %1 identifiers in %2 records; each masking is logged and the records are flagged &quot;pii&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mask personal identifiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone numbers (Chinese and international)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chinese resident ID numbers (checksum verified)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates of birth (after a cue such as 出生日期 or DOB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospital &amp;record-number patterns (PCRE, one a line; group 1 is masked when present)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts per kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before / after</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::PlanDialog</name>
    <message>
        <source>Reading the dataset and planning; nothing is changed yet...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applying...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The preview failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview stopped; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The options changed during the preview: preview again before applying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to change: the dataset already passes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The options changed: preview again before applying.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show what would change; nothing is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the previewed changes to the workspace in one transaction (kept in the record history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close</source>
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
        <translation>
            <numerusform>%n token in %1 s, %2 tokens/s (%3)</numerusform>
            <numerusform>%n tokens in %1 s, %2 tokens/s (%3)</numerusform>
        </translation>
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
    <name>medlora::ui::RecordEditor</name>
    <message>
        <source>edited in the Datasets panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1 (category: %2)

Instruction:
%3

Input:
%4

Output:
%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a record in the table to read, edit and review it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record %1, version %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> by %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; flags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; synthetic (made by augmentation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (edited, not saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Instruction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In&amp;put</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier &amp;versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the edit (kept in the history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review note (saved with the decision)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::RecordFilterBar</name>
    <message>
        <source>Search instruction, input and output (all words must occur)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(untagged)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the records of one department category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show records with one review status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>min length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>max length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortest length shown, in characters of instruction + input + output (0: no bound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longest length shown, in characters of instruction + input + output (0: no bound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any flag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show records carrying this flag (e.g. pii, near-dup)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::ReviewStatus</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs edit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::RunForm</name>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run&apos;s name; its folder is &lt;runs folder&gt;/&lt;name&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An HF model folder (config.json, model.safetensors, tokenizer.model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workspace dataset, exported and split into the run folder at launch; or &apos;Files&apos; to name the files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved records only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export only the records a reviewer approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction of the dataset held out (stratified by category) for the eval loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files mode: JSON/JSONL/CSV records or a .txt corpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eval file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files mode: evaluation records (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold out of train file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files mode without an eval file: a fraction (&lt; 1) or a count (&gt;= 1) of train records held out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prompt template examples are rendered with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LoRA adapter, or train every weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Effective batch (wanted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples per optimiser step you want; it should equal micro-batch × accumulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank of the low-rank update; about √hidden / 2 is a good start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alpha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scaling numerator: the update is scaled by alpha / r (alpha / √r with rsLoRA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropout on the LoRA input during training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target modules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated: q_proj k_proj v_proj o_proj gate_proj up_proj down_proj, or all-linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modules to save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comma-separated modules trained in full and saved with the adapter (lm_head, embed_tokens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rsLoRA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale by alpha / √r instead of alpha / r</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passes over the training data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&gt; 0: stop after this many optimiser steps (overrides epochs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micro-batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examples per forward/backward pass; bounded by memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient accumulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Micro-batches summed per optimiser step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak learning rate after warmup (e.g. 2e-4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the learning rate decays after warmup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warmup ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fraction of the steps with a linearly rising learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AdamW decoupled weight decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam β1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First-moment decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam β2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Second-moment decay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adam ε</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added to the denominator for stability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max grad norm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient clipping threshold; 0 disables clipping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tokens per example; longer examples are truncated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps between loss points on the curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluate every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps between evaluations; 0 evaluates at the end of each epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps between checkpoints; 0 saves at the end of each epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep checkpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most recent checkpoints kept (the best is always kept); 0 keeps all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping patience</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluations without improvement before stopping; 0 is off (needs evaluation data)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load best at end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The adapter written at the end is the best-evaluated checkpoint&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seed of the shuffling, dropout and initialisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute dtype</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto picks bfloat16 where the CPU/GPU runs it fast, else float32</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto uses CUDA when present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU threads; 0 uses all cores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gradient checkpointing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recompute activations in backward: much less memory, about a third more time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train on prompt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also count the prompt tokens in the loss (normally only the answer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auto batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CUDA: halve the micro-batch on out-of-memory instead of failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max non-finite steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consecutive skipped (NaN/inf) steps before the run fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clinic QA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medical-record generation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files (below)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 approved of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: use letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos; (it becomes the run folder&apos;s name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run folder %1 already holds checkpoints: choose another name, or resume that run from History.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base model: choose an HF model folder with config.json (found none at &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Train file: &quot;%1&quot; does not exist; choose a file or a workspace dataset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eval file: &quot;%1&quot; does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimate: about %1 (weights %2, optimizer %3, activations %4); %5 trainable parameters; %6 tokens a step, about %7 a step at %8 GFLOP/s (rough, CPU reference).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 steps, about %2 in all.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::RunHistory</name>
    <message>
        <source>Notes and tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Final loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best eval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes on the selected run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save notes and tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draw the curves of the selected runs together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare configs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings in which two selected runs differ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue the selected run from its last checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register adapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the run&apos;s adapter available to the chat tester and review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trainer process is gone without finishing; Resume continues from the last checkpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Config differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select one run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the notes and tags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run %1 in this workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the run before deleting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the run &quot;%1&quot; and its folder %2 (checkpoints, adapter, metrics)? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the run &quot;%1&quot; from the workspace?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove all of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export metrics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run has no adapter yet (%1/adapter_config.json); it is written when the run finishes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered the adapter of %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::RunProcess</name>
    <message>
        <source>A run is already being followed; stop it or wait for it to end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trainer %1 is missing or not executable; check the installation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the run folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no run_config.json: it is not a run folder that can be resumed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trainer process ended without finishing (killed?). Resume continues from the last checkpoint.</source>
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
        <translation>
            <numerusform>%1, %2, %n thread</numerusform>
            <numerusform>%1, %2, %n threads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>medlora::ui::TaggingDialog</name>
    <message>
        <source>Save categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Categories saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records would get a category; %2 would stay untagged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> The first %1 are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagged %1 records; the categories are saved in the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag categories by keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keywords (comma-separated; word* = prefix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum share %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default departments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the table with 内科, 外科, 儿科, 妇产科, 急诊, 慢病 and their keywords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the table in the workspace without tagging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-tag records that already have a category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would become</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::TermsDialog</name>
    <message>
        <source>Import a term dictionary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1: %2 added, %3 updated, %4 unchanged, %5 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>... and %1 more problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dictionary was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dictionary saved (%1 terms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 replacements in %2 records. Every change is listed under &quot;Before / after&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standardised %1 terms in %2 records; the dictionary is saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standardise terms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synonym (as written)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A UTF-8 CSV whose header names the columns &quot;synonym&quot; and &quot;standard&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save dictionary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synonym</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replacements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before / after</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::TokenHistogram</name>
    <message>
        <source>Token counting failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token counting stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a model folder with tokenizer.model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No tokenizer chosen: pick a model folder that holds tokenizer.model (the token lengths depend on the model&apos;s tokenizer, so none is assumed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds no tokenizer.model: pick a model folder that has one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a dataset first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting tokens...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No records to count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 records: median %2 tokens, 95th percentile %3, longest %4. %5 records (%6 %) are longer than max_length %7 and would be cut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tokens per record (red: max_length)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tokenizer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A model folder (or tokenizer.model file) whose tokenizer training will use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prompt &amp;template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;max_length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The training max_length: longer records are cut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved records only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Count tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>medlora::ui::TrainingPanel</name>
    <message>
        <source>Launch run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the current step; a checkpoint is written so the run can be resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue this run from its last checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plot…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v / %m steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 (re-attached)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following the running run %1 again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a workspace first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run is going; stop it or wait for it before launching another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the run folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not export the dataset: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the current step (a checkpoint is written)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run is going; stop it or wait for it before resuming another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run %1 in this workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 (resumed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resuming %1 from its last checkpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Epoch %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ETA %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 tokens/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Training: %1 steps, %2 examples, %3 on %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Early stopping at step %1: the eval loss stopped improving.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of memory: the micro-batch was reduced to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The run stopped at a checkpoint; Resume continues it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The trainer ended without finishing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A run is going</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A training run is still going. Keep it running in the background (reopen the workspace to follow it again), or stop it at the next checkpoint?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
