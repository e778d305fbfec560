#pragma once
// A fresh workspace file in a temporary folder with one dataset of the given records, for the
// Datasets panel tests; ids[i] is record i's id.
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <string>
#include <vector>

#include "core/data/dataset_record.h"
#include "core/store/dataset_repository.h"
#include "core/store/workspace.h"

namespace medlora::testing {

struct DatasetWorkspace {
  QTemporaryDir dir;
  QString file;
  std::unique_ptr<store::Workspace> workspace;
  std::unique_ptr<store::DatasetRepository> repository;
  int64_t dataset = 0;
  std::vector<int64_t> ids;

  DatasetWorkspace(const std::string& dataset_name, const std::vector<data::RecordText>& records)
      : file(dir.filePath("test.medlora")),
        workspace(std::make_unique<store::Workspace>(file.toStdString())),
        repository(std::make_unique<store::DatasetRepository>(*workspace)),
        dataset(repository->create_dataset(dataset_name, "test")),
        ids(repository->insert_records(dataset, records).ids) {}

  store::StoredRecord get(int index) const { return *repository->get_record(ids[static_cast<size_t>(index)]); }
};

}  // namespace medlora::testing
