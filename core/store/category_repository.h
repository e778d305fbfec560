#pragma once
// Department categories (内科, 外科, ...) with the keyword rules that tag records, whether the
// coverage report requires them, and their minimum share. A new workspace is seeded with
// default_categories(). Same thread rule as Workspace.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/data/category_tagger.h"
#include "core/store/workspace.h"

namespace medlora::store {

struct Category {
  int64_t id = 0;  // 0 until stored
  std::string name;
  std::vector<std::string> keywords;  // matched as substrings, Chinese and English
  bool required = false;              // the coverage report warns when under min_share
  double min_share = 0.0;             // 0..1
  int sort_order = 0;
};

// The six departments every new workspace starts with: 内科, 外科, 儿科, 妇产科, 急诊, 慢病.
std::vector<Category> default_categories();

class CategoryRepository {
 public:
  explicit CategoryRepository(Workspace& workspace) : ws_(workspace) {}

  std::vector<Category> list() const;  // by sort_order, then name
  std::optional<Category> find(const std::string& name) const;
  // Throws StoreError on an empty or taken name, or a min_share outside 0..1. Returns the id.
  int64_t add(const Category& category);
  // Updates the category with category.id (rename included). Throws StoreError when absent.
  void update(const Category& category);
  // Returns false when no such category exists. Records keep their category text.
  bool remove(const std::string& name);
  // Replaces every category with default_categories().
  void reset_to_defaults();

  // The categories as tagging rules, in list() order: what `medlora dataset tag`, the coverage
  // report and the Datasets panel's tagging dialog and chart all tag and count with.
  std::vector<data::CategoryRule> rules() const;
  // Makes the categories equal `rules`, in that order (added, updated, removed by name), in one
  // transaction. Throws StoreError as add() does.
  void save_rules(const std::vector<data::CategoryRule>& rules);

 private:
  Workspace& ws_;
};

}  // namespace medlora::store
