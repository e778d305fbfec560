// Planted near-duplicates in real data: the detector's defaults must find >= 95 % of them and
// merge under 1 % of the distinct records.
#include <gtest/gtest.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "core/data/near_duplicates.h"
#include "core/data/text_cleaning.h"
#include "dedup_corpus.h"

namespace medlora::data {
namespace {

struct Planted {
  std::vector<RecordText> records;
  std::vector<size_t> source;  // original each record was made from (itself for originals)
  size_t originals = 0;
};

struct Score {
  double recall = 0;
  size_t false_merges = 0;
};

// A planted copy counts as found when it lands in its source's group. A merge is false when
// it joins records made from different originals that ask different questions (MedQuAD itself
// repeats a few question/answer pairs word for word; merging those is right).
Score score(const Planted& p, const DedupResult& result) {
  std::vector<long> group_of(p.records.size(), -1);
  long g = 0;
  for (const auto* groups : {&result.exact, &result.near}) {
    for (const auto& group : *groups) {
      group_of[group.keep] = g;
      for (const size_t d : group.duplicates) group_of[d] = g;
      ++g;
    }
  }
  Score s;
  size_t found = 0;
  for (size_t i = p.originals; i < p.records.size(); ++i)
    found += group_of[i] >= 0 && group_of[i] == group_of[p.source[i]];
  s.recall = static_cast<double>(found) / static_cast<double>(p.records.size() - p.originals);
  for (const auto* groups : {&result.exact, &result.near})
    for (const auto& group : *groups)
      for (const size_t d : group.duplicates)
        if (p.source[d] != p.source[group.keep] &&
            normalise_for_hash(p.records[p.source[d]].instruction) != normalise_for_hash(p.records[p.source[group.keep]].instruction))
          ++s.false_merges;
  return s;
}

TEST(DedupAccuracyTest, FindsPlantedMedQuadCopiesWithoutMergingDistinctRecords) {
  const auto all = testing::load_medquad_records(9000);
  if (all.size() < 9000) GTEST_SKIP() << "MedQuAD not found under " << testing::shared_datasets_dir();
  Planted p;
  for (size_t i = 0; i < all.size(); i += 3) p.records.push_back(all[i]), p.source.push_back(p.records.size() - 1);
  p.originals = p.records.size();
  std::mt19937_64 rng(2024);
  for (int c = 0; c < 600; ++c) {
    const size_t s = rng() % p.originals;
    RecordText copy = p.records[s];
    if (rng() % 2) copy.instruction = testing::perturb(copy.instruction, rng, 0.02, 0, false);
    copy.output = testing::perturb(copy.output, rng, 0.03, 3, rng() % 2 == 0);
    p.records.push_back(std::move(copy));
    p.source.push_back(s);
  }
  const DedupResult result = find_duplicates(p.records, NearDupOptions{});
  const Score s = score(p, result);
  std::printf("MedQuAD: %zu originals, %zu planted: recall %.3f, false merges %zu\n", p.originals,
              p.records.size() - p.originals, s.recall, s.false_merges);
  EXPECT_GE(s.recall, 0.95);
  EXPECT_LT(static_cast<double>(s.false_merges), 0.01 * static_cast<double>(p.originals));
}

TEST(DedupAccuracyTest, FindsPlantedChineseCopies) {
  QFile file(QString::fromStdString((testing::shared_datasets_dir() / "zh" / "huatuogpt-med-dialog-100.json").string()));
  if (!file.open(QIODevice::ReadOnly)) GTEST_SKIP() << "Chinese dialog data not found under " << testing::shared_datasets_dir();
  const QJsonArray array = QJsonDocument::fromJson(file.readAll()).array();
  Planted p;
  for (const auto& value : array) {
    RecordText r;
    r.instruction = value.toObject().value("medical_case").toString().toStdString();
    r.output = value.toObject().value("doctor_diagnosis").toString().toStdString();
    p.records.push_back(r);
    p.source.push_back(p.records.size() - 1);
  }
  ASSERT_GE(p.records.size(), 50u);
  p.originals = p.records.size();
  std::mt19937_64 rng(7);
  for (int c = 0; c < 40; ++c) {
    const size_t s = rng() % p.originals;
    RecordText copy = p.records[s];
    if (rng() % 2) copy.instruction = testing::perturb_chinese(copy.instruction, rng, 0.01, false);
    copy.output = testing::perturb_chinese(copy.output, rng, 0.02, rng() % 2 == 0);
    p.records.push_back(std::move(copy));
    p.source.push_back(s);
  }
  const Score s = score(p, find_duplicates(p.records, NearDupOptions{}));
  std::printf("Chinese: %zu originals, %zu planted: recall %.3f, false merges %zu\n", p.originals,
              p.records.size() - p.originals, s.recall, s.false_merges);
  EXPECT_GE(s.recall, 0.95);
  EXPECT_EQ(s.false_merges, 0u);
}

}  // namespace
}  // namespace medlora::data
