// Dataset curation at scale: import (JSONL parse + insert into a workspace) + cleaning +
// exact and near-duplicate detection of N records synthesised from the MedQuAD subset, with
// planted near-duplicates whose recall and false merges are measured. Run at 10,000 and
// 100,000 records (--records N, one size a process) to show that time per record stays flat.
//
// Synthesis: every base record takes a real MedQuAD question and an answer assembled from
// real MedQuAD sentences drawn with a per-record seed (so records are distinct but read like
// MedQuAD, ~1,000 characters); 5 % of the records then get a perturbed copy (typos on ~2 % of
// the letters, two neighbouring words swapped, doubled spaces, and for every third copy an
// appended sentence).
#include <QJsonDocument>
#include <QTemporaryDir>

#include <algorithm>
#include <fstream>
#include <random>

#include "bench/bench_support.h"
#include "core/data/dataset_importer.h"
#include "core/data/near_duplicates.h"
#include "core/data/text_cleaning.h"
#include "core/io/json_lite.h"
#include "core/store/dataset_repository.h"
#include "core/store/workspace.h"

using namespace medlora;

namespace {

std::vector<std::string> split_sentences(const std::string& text) {
  std::vector<std::string> sentences;
  size_t start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '.' && (i + 1 == text.size() || text[i + 1] == ' ')) {
      if (i + 1 - start > 30) sentences.push_back(text.substr(start, i + 1 - start));
      start = i + 2;
    }
  }
  return sentences;
}

std::string perturb(const std::string& text, std::mt19937_64& rng, bool append, const std::string& extra) {
  std::string out = text;
  std::uniform_real_distribution<double> unit(0, 1);
  for (char& c : out)
    if (std::isalpha(static_cast<unsigned char>(c)) && unit(rng) < 0.02) c = static_cast<char>('a' + rng() % 26);
  // Swap two neighbouring words somewhere in the middle.
  const size_t a = out.find(' ', out.size() / 2);
  const size_t b = a == std::string::npos ? a : out.find(' ', a + 1);
  const size_t c = b == std::string::npos ? b : out.find(' ', b + 1);
  if (c != std::string::npos) {
    const std::string first = out.substr(a + 1, b - a - 1), second = out.substr(b + 1, c - b - 1);
    out.replace(a + 1, c - a - 1, second + " " + first);
  }
  const size_t space = out.find(' ', out.size() / 3);
  if (space != std::string::npos) out.insert(space, " ");
  if (append) out += " " + extra;
  return out;
}

struct Synthesised {
  std::vector<data::RecordText> records;
  std::vector<int64_t> source;  // index of the record a planted copy was made from; -1 for originals
};

Synthesised synthesise(const std::vector<data::RecordText>& base, size_t total, uint64_t seed) {
  std::vector<std::string> pool;
  for (const auto& r : base)
    for (auto& s : split_sentences(r.output)) pool.push_back(std::move(s));
  if (pool.empty()) throw std::runtime_error("no MedQuAD sentences to synthesise from");
  std::mt19937_64 rng(seed);
  const size_t planted = total / 20;
  const size_t originals = total - planted;
  Synthesised out;
  out.records.reserve(total);
  for (size_t i = 0; i < originals; ++i) {
    data::RecordText r;
    r.input = base[rng() % base.size()].input + " (case " + std::to_string(i) + ")";
    while (r.output.size() < 900) r.output += (r.output.empty() ? "" : " ") + pool[rng() % pool.size()];
    out.records.push_back(std::move(r));
    out.source.push_back(-1);
  }
  for (size_t j = 0; j < planted; ++j) {
    const size_t from = rng() % originals;
    data::RecordText copy = out.records[from];
    copy.output = perturb(copy.output, rng, j % 3 == 0, pool[rng() % pool.size()]);
    out.records.push_back(std::move(copy));
    out.source.push_back(static_cast<int64_t>(from));
  }
  return out;
}

void write_jsonl(const std::vector<data::RecordText>& records, const std::string& path) {
  std::ofstream file(path, std::ios::binary);
  for (const auto& r : records)
    file << "{\"instruction\":" << io::json::quote(r.instruction) << ",\"input\":" << io::json::quote(r.input)
         << ",\"output\":" << io::json::quote(r.output) << "}\n";
  if (!file) throw std::runtime_error("cannot write " + path);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    bench::Args args(argc, argv);
    const auto records_wanted = static_cast<size_t>(args.get_int("records", 100000));
    const std::string medquad = args.get("medquad", MEDLORA_SOURCE_DIR_FOR_BENCH "/../shared/datasets/medquad");
    args.check_all_used();

    const auto base = data::import_medquad_folder(medquad).records;
    if (base.empty()) throw std::runtime_error("no MedQuAD records under " + medquad);
    const auto synthesised = synthesise(base, records_wanted, 7);
    QTemporaryDir dir;
    const std::string jsonl = dir.filePath("records.jsonl").toStdString();
    write_jsonl(synthesised.records, jsonl);

    const double cpu0 = bench::cpu_seconds();
    double t = bench::now_seconds();
    auto imported = data::import_paths({jsonl}, {});
    const double parse_s = bench::now_seconds() - t;

    t = bench::now_seconds();
    {
      store::Workspace workspace(dir.filePath("bench.mlw").toStdString());
      store::DatasetRepository repository(workspace);
      const auto id = repository.create_dataset("bench", "synthesised");
      repository.insert_records(id, imported.records);
    }
    const double insert_s = bench::now_seconds() - t;

    t = bench::now_seconds();
    const auto plan = data::plan_cleaning(imported.records, {});
    auto cleaned = data::apply_cleaning(imported.records, plan);
    const double clean_s = bench::now_seconds() - t;

    t = bench::now_seconds();
    const auto dedup = data::find_duplicates(cleaned, {});
    const double dedup_s = bench::now_seconds() - t;
    const double cpu_s = bench::cpu_seconds() - cpu0;

    // Cleaning drops nothing from these records, so indices still match the synthesis.
    if (cleaned.size() != synthesised.records.size()) throw std::runtime_error("cleaning dropped records");
    std::vector<int64_t> group_of(cleaned.size(), -1);
    int64_t group_id = 0;
    for (const auto* groups : {&dedup.exact, &dedup.near})
      for (const auto& g : *groups) {
        group_of[g.keep] = group_id;
        for (size_t d : g.duplicates) group_of[d] = group_id;
        ++group_id;
      }
    auto family = [&](size_t i) {
      return synthesised.source[i] < 0 ? static_cast<int64_t>(i) : synthesised.source[i];
    };
    int64_t planted = 0, found = 0, false_merges = 0;
    for (size_t i = 0; i < cleaned.size(); ++i) {
      if (synthesised.source[i] >= 0) {
        ++planted;
        const auto s = static_cast<size_t>(synthesised.source[i]);
        if (group_of[i] >= 0 && group_of[i] == group_of[s]) ++found;
      }
    }
    for (const auto* groups : {&dedup.exact, &dedup.near})
      for (const auto& g : *groups)
        for (size_t d : g.duplicates)
          if (family(d) != family(g.keep)) ++false_merges;

    const double n = static_cast<double>(cleaned.size());
    const double total_s = parse_s + insert_s + clean_s + dedup_s;
    bench::print_json({{"benchmark", "dataset_curation"},
                       {"records", static_cast<qint64>(cleaned.size())},
                       {"parse_seconds", parse_s},
                       {"insert_seconds", insert_s},
                       {"clean_seconds", clean_s},
                       {"dedup_seconds", dedup_s},
                       {"total_seconds", total_s},
                       {"cpu_seconds", cpu_s},
                       {"microseconds_per_record", total_s / n * 1e6},
                       {"planted_near_duplicates", static_cast<qint64>(planted)},
                       {"found", static_cast<qint64>(found)},
                       {"recall", planted ? static_cast<double>(found) / planted : 1.0},
                       {"false_merges", static_cast<qint64>(false_merges)},
                       {"false_merge_rate", false_merges / n},
                       {"peak_rss_bytes", bench::peak_rss_bytes()}});
    return 0;
  } catch (const std::exception& e) {
    bench::print_json({{"error", e.what()}});
    return 1;
  }
}
