#include "report/report_text.h"

#include <cmath>
#include <map>
#include <stdexcept>

namespace medlora::report {
namespace {

struct Wording {
  const char* en;
  const char* zh;  // UTF-8
};

// One row per id. Sentences that take values use %1, %2 ... (QString::arg).
const std::map<std::string_view, Wording>& wording() {
  static const std::map<std::string_view, Wording> table = {
      {"report_title", {"Evaluation report", "评估报告"}},
      {"study", {"Study", "研究"}},
      {"generated_at", {"Report generated", "报告生成时间"}},
      // Study design
      {"section_design", {"Study design", "研究设计"}},
      {"created_at", {"Created", "创建时间"}},
      {"closed_at", {"Closed", "结束时间"}},
      {"not_closed", {"not closed", "尚未结束"}},
      {"systems", {"Systems under test", "受测系统"}},
      {"system_code", {"Code", "代号"}},
      {"system_name", {"System", "系统"}},
      {"system_name_hidden", {"hidden until the study is closed", "研究结束前不公开"}},
      {"reviewers", {"Reviewers", "评审人"}},
      {"reviewers_per_answer", {"Reviewers per answer", "每个回答的评审人数"}},
      {"questions", {"Questions", "问题数"}},
      {"answers", {"Answers", "回答数"}},
      {"assignments", {"Assignments (reviewer × answer)", "评审任务（评审人 × 回答）"}},
      {"submitted", {"Submitted", "已提交"}},
      {"submitted_value", {"%1 of %2 (%3 %)", "%1 / %2（%3 %）"}},
      {"order_seed", {"Answer-order seed", "回答顺序随机种子"}},
      {"analysis_settings", {"Analysis", "统计分析"}},
      {"analysis_settings_value",
       {"%1 bootstrap resamples of questions, %2 permutations, seed %3",
        "按问题重抽样的 bootstrap %1 次，置换检验 %2 次，随机种子 %3"}},
      {"blinding", {"Blinding", "盲法"}},
      {"blinding_text",
       {"Reviewers saw every answer under a system code only, never the system's name or how the answer "
        "was generated. Each reviewer received the answers in their own random order (from the stored "
        "seed) and saw neither another reviewer's scores nor whether others had scored. The systems' "
        "identities are revealed only in the lead's analysis, after the study is closed.",
        "评审人只看到系统代号，看不到系统名称或回答的生成方式。每位评审人的回答顺序由保存的随机种子"
        "单独打乱；评审人看不到其他评审人的评分，也不知道他人是否已评分。研究结束后，系统身份只在"
        "负责人的分析中公开。"}},
      {"exclusions", {"Exclusions", "排除项"}},
      {"exclusions_none", {"No answer was skipped or excluded.", "没有被跳过或排除的回答。"}},
      {"exclusions_count", {"%1 answer(s) skipped or excluded:", "共 %1 项被跳过或排除："}},
      {"exclusions_more", {"… and %1 more.", "……另有 %1 项。"}},
      {"reason", {"Reason", "原因"}},
      {"question", {"Question", "问题"}},
      {"reviewer", {"Reviewer", "评审人"}},
      // Scores per system and axis
      {"section_summary", {"Scores per system and axis", "各系统各维度评分"}},
      {"summary_intro",
       {"Scores from 1 (worst) to 5 (best). The 95 % confidence interval of the mean is a percentile "
        "bootstrap that resamples questions (all of a question's ratings together).",
        "评分范围 1（最差）至 5（最好）。均值的 95 % 置信区间为按问题重抽样（同一问题的全部评分一起抽取）"
        "的百分位 bootstrap 区间。"}},
      {"axis", {"Axis", "维度"}},
      {"mean", {"Mean", "均值"}},
      {"median", {"Median", "中位数"}},
      {"ci95", {"95 % CI", "95 % 置信区间"}},
      {"n_ratings", {"Ratings", "评分数"}},
      {"n_questions", {"Questions", "问题数"}},
      {"exclusion_unscored", {"not submitted before the study was closed", "研究结束前未提交"}},
      {"exclusion_skipped", {"skipped: %1", "跳过：%1"}},
      // Charts
      {"section_charts", {"Charts", "图表"}},
      {"chart_means", {"Mean score per axis with 95 % bootstrap CI", "各维度平均分及 95 % bootstrap 置信区间"}},
      {"chart_distribution", {"Score distribution per axis", "各维度评分分布"}},
      {"chart_axis_mean", {"Mean score", "平均分"}},
      {"chart_axis_score", {"Score", "评分"}},
      {"chart_axis_count", {"Ratings", "评分数"}},
      // Agreement
      {"section_agreement", {"Agreement between reviewers", "评审人间信度"}},
      {"alpha_ordinal", {"α ordinal", "α 有序"}},
      {"alpha_interval", {"α interval", "α 等距"}},
      {"icc2_1", {"ICC(2,1)", "ICC(2,1)"}},
      {"icc2_k", {"ICC(2,k)", "ICC(2,k)"}},
      {"units", {"Answers", "回答数"}},
      {"raters", {"Reviewers", "评审人数"}},
      {"icc_units", {"Answers in ICC", "ICC 所用回答数"}},
      {"agreement_intro",
       {"α is Krippendorff's alpha (ordinal and interval metrics; answers with missing ratings count). ICC is "
        "the two-way random, absolute-agreement intraclass correlation of one reviewer (2,1) and of the "
        "reviewers' mean (2,k), over the answers every reviewer scored.",
        "α 为 Krippendorff alpha（有序与等距度量，含有缺失评分的回答）。ICC 为双向随机、绝对一致的组内相关"
        "系数：(2,1) 为单个评审人，(2,k) 为评审人平均，只用所有评审人都评过的回答。"}},
      {"agreement_guide",
       {"How to read: 1 = perfect agreement, 0 = no better than chance; α ≥ 0.800 reliable, ≥ 0.667 "
        "tentative (Krippendorff); ICC < 0.50 poor, 0.50–0.75 moderate, 0.75–0.90 good, > 0.90 excellent "
        "(Koo & Li, 2016).",
        "解读：1 = 完全一致，0 = 不高于随机；α ≥ 0.800 可靠，≥ 0.667 可作初步结论（Krippendorff）；"
        "ICC < 0.50 差，0.50–0.75 中等，0.75–0.90 良好，> 0.90 优秀（Koo 与 Li，2016）。"}},
      {"harmful_agreement", {"Harmful-answer flag", "有害回答标记"}},
      {"fleiss_kappa", {"Fleiss κ", "Fleiss κ"}},
      {"harmful_agreement_value",
       {"Fleiss κ = %1 over %2 answers with %3 decisions each; %4 of %5 answers flagged by at least one "
        "reviewer (%6 flags in all).",
        "Fleiss κ = %1（%2 个回答，每个回答 %3 个判断）；%5 个回答中有 %4 个被至少一位评审人标记为有害"
        "（共 %6 次标记）。"}},
      // Paired comparisons
      {"section_comparisons", {"Paired comparisons", "配对比较"}},
      {"comparisons_intro",
       {"Each question's mean over its reviewers, system A against system B (n questions scored for both). "
        "A win is a question where A scored higher. p-values: Wilcoxon signed-rank test and paired sign-flip permutation test, "
        "two-sided, not corrected for multiple comparisons.",
        "以每个问题的评审人平均分比较系统 A 与系统 B；“胜”指 A 得分更高的问题。p 值为 Wilcoxon 符号秩检验"
        "与配对符号翻转置换检验（双侧），未做多重比较校正。"}},
      {"comparisons_none", {"Only one system: nothing to compare.", "只有一个系统，无可比较。"}},
      {"system_a", {"System A", "系统 A"}},
      {"system_b", {"System B", "系统 B"}},
      {"n_pairs", {"n", "n"}},
      {"wins", {"Wins", "胜"}},
      {"ties", {"Ties", "平"}},
      {"losses", {"Losses", "负"}},
      {"mean_difference", {"Mean diff. (A − B)", "平均差（A − B）"}},
      {"wilcoxon_p", {"Wilcoxon p", "Wilcoxon p"}},
      {"permutation_p", {"Perm. p", "置换 p"}},
      // Flagged answers
      {"section_flagged", {"Answers flagged as harmful", "被标记为有害的回答"}},
      {"flagged_none", {"No reviewer flagged an answer as harmful.", "没有评审人将回答标记为有害。"}},
      {"flagged_intro",
       {"Every answer at least one reviewer flagged, with every reviewer's scores and comments.",
        "至少一位评审人标记的每个回答，附所有评审人的评分与评语。"}},
      {"answer", {"Answer", "回答"}},
      {"harmful", {"Harmful", "有害"}},
      {"severity", {"Severity", "严重程度"}},
      {"comment", {"Comment", "评语"}},
      {"yes", {"yes", "是"}},
      {"no", {"no", "否"}},
      {"severity_none", {"none", "无"}},
      {"severity_minor", {"minor", "轻微"}},
      {"severity_moderate", {"moderate", "中等"}},
      {"severity_severe", {"severe", "严重"}},
      // Axes
      {"axis_accuracy", {"Accuracy", "医学事实正确性"}},
      {"axis_safety", {"Safety", "无危险建议"}},
      {"axis_completeness", {"Completeness", "回答是否全面"}},
      {"axis_readability", {"Readability", "患者能否看懂"}},
      // Notes
      {"undefined_note",
       {"— : not defined (no variation between ratings, or too few ratings).",
        "—：无法计算（评分没有差异或评分过少）。"}},
  };
  return table;
}

bool finite(double value) { return std::isfinite(value); }

}  // namespace

Language parse_language(std::string_view code) {
  if (code == "en" || code == "en_US" || code == "en-US" || code == "en_GB") return Language::English;
  if (code == "zh" || code == "zh_CN" || code == "zh-CN" || code == "zh_Hans") return Language::Chinese;
  throw std::invalid_argument("unknown report language '" + std::string(code) + "' (use en or zh)");
}

std::string language_code(Language language) { return language == Language::Chinese ? "zh" : "en"; }

QString text(Language language, std::string_view id) {
  const auto& table = wording();
  const auto it = table.find(id);
  if (it == table.end()) throw std::out_of_range("report text has no string '" + std::string(id) + "'");
  return QString::fromUtf8(language == Language::Chinese ? it->second.zh : it->second.en);
}

QString axis_label(Language language, const std::string& axis) {
  const std::string id = "axis_" + axis;
  if (!wording().count(id)) return QString::fromStdString(axis);
  return text(language, id);
}

QString severity_label(Language language, int severity) {
  switch (severity) {
    case 0: return text(language, "severity_none");
    case 1: return text(language, "severity_minor");
    case 2: return text(language, "severity_moderate");
    case 3: return text(language, "severity_severe");
    default: return QString::number(severity);
  }
}

QString undefined_value() { return QStringLiteral("—"); }

QString format_number(double value, int decimals) {
  if (!finite(value)) return undefined_value();
  // "C" locale: a report never switches to a decimal comma, whatever the desktop's locale.
  QString out = QString::number(value, 'f', decimals);
  // -0.00 reads like a result; it is zero at this precision.
  if (out.startsWith('-') && out.mid(1).remove('0').remove('.').isEmpty()) out.remove(0, 1);
  return out;
}

QString format_signed(double value, int decimals) {
  const QString out = format_number(value, decimals);
  if (out == undefined_value() || out.startsWith('-')) return out;
  QString digits = out;
  digits.remove('0').remove('.');
  return digits.isEmpty() ? out : "+" + out;
}

QString format_p_value(double p) {
  if (!finite(p)) return undefined_value();
  if (p < 0.001) return QStringLiteral("< 0.001");
  return format_number(p, 3);
}

QString format_interval(double low, double high, int decimals) {
  if (!finite(low) || !finite(high)) return undefined_value();
  return "[" + format_number(low, decimals) + ", " + format_number(high, decimals) + "]";
}

}  // namespace medlora::report
