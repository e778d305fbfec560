#pragma once
// Shared by the store tests: a temporary folder per test and synthetic records.
#include <gtest/gtest.h>

#include <QTemporaryDir>

#include <string>
#include <vector>

#include "core/data/dataset_record.h"

namespace medlora::store::testing {

class TempWorkspaceTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(dir_.isValid()) << "cannot create a temporary folder"; }
  std::string file(const std::string& name = "workspace.mlw") const {
    return dir_.filePath(QString::fromStdString(name)).toStdString();
  }

 private:
  QTemporaryDir dir_;
};

// `count` records alternating English and Chinese text, categories cycling through 内科, 儿科, 外科.
inline std::vector<data::RecordText> synthetic_records(int count) {
  static const char* kCategories[] = {"内科", "儿科", "外科"};
  std::vector<data::RecordText> records;
  records.reserve(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) {
    data::RecordText record;
    if (i % 2 == 0) {
      record.instruction = "Answer the patient's question.";
      record.input = "What helps with fever number " + std::to_string(i) + "?";
      record.output = "Rest, fluids and paracetamol; see a doctor if it lasts more than three days.";
    } else {
      record.instruction = "回答患者的问题。";
      record.input = "小儿发烧怎么办？编号" + std::to_string(i);
      record.output = "多喝水，注意休息，体温超过38.5度可以服用退烧药。";
    }
    record.category = kCategories[i % 3];
    record.metadata["source"] = "synthetic";
    record.metadata["index"] = std::to_string(i);
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace medlora::store::testing
