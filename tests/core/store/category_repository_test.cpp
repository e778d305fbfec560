#include "core/store/category_repository.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "store_test_support.h"

namespace medlora::store {
namespace {

using CategoryRepositoryTest = testing::TempWorkspaceTest;

bool has_keyword(const Category& category, const std::string& keyword) {
  return std::find(category.keywords.begin(), category.keywords.end(), keyword) != category.keywords.end();
}

TEST_F(CategoryRepositoryTest, ANewWorkspaceStartsWithTheSixDepartments) {
  Workspace ws(file());
  const auto categories = CategoryRepository(ws).list();
  std::vector<std::string> names;
  for (const Category& c : categories) names.push_back(c.name);
  EXPECT_EQ(names, (std::vector<std::string>{"内科", "外科", "儿科", "妇产科", "急诊", "慢病"}));
  const Category pediatrics = *CategoryRepository(ws).find("儿科");
  for (const char* keyword : {"儿童", "小儿", "婴儿", "新生儿", "child", "infant", "pediatric"})
    EXPECT_TRUE(has_keyword(pediatrics, keyword)) << keyword;
  for (const Category& c : categories) EXPECT_GE(c.keywords.size(), 6u) << c.name;
  EXPECT_EQ(categories.size(), default_categories().size());
}

TEST_F(CategoryRepositoryTest, EditsPersistAndSeedsAreNotReadded) {
  const std::string path = file();
  {
    Workspace ws(path);
    CategoryRepository categories(ws);
    EXPECT_TRUE(categories.remove("急诊"));
    EXPECT_FALSE(categories.remove("急诊"));
    Category oncology{0, "肿瘤科", {"肿瘤", "癌", "cancer", "tumor"}, true, 0.05, 7};
    const int64_t id = categories.add(oncology);
    EXPECT_GT(id, 0);
    Category renamed = *categories.find("肿瘤科");
    EXPECT_EQ(renamed.id, id);
    EXPECT_TRUE(renamed.required);
    EXPECT_DOUBLE_EQ(renamed.min_share, 0.05);
    renamed.name = "肿瘤";
    renamed.keywords.push_back("oncology");
    categories.update(renamed);
  }
  Workspace ws(path);
  CategoryRepository categories(ws);
  EXPECT_FALSE(categories.find("急诊"));
  EXPECT_FALSE(categories.find("肿瘤科"));
  ASSERT_TRUE(categories.find("肿瘤"));
  EXPECT_TRUE(has_keyword(*categories.find("肿瘤"), "oncology"));
  EXPECT_EQ(categories.list().size(), 6u);
  EXPECT_EQ(categories.list().back().name, "肿瘤");

  categories.reset_to_defaults();
  EXPECT_EQ(categories.list().size(), 6u);
  EXPECT_TRUE(categories.find("急诊"));
  EXPECT_FALSE(categories.find("肿瘤"));
}

TEST_F(CategoryRepositoryTest, RefusesBadCategories) {
  Workspace ws(file());
  CategoryRepository categories(ws);
  EXPECT_THROW(categories.add({0, "内科", {}, false, 0.0, 9}), StoreError);
  EXPECT_THROW(categories.add({0, "", {}, false, 0.0, 9}), StoreError);
  EXPECT_THROW(categories.add({0, "眼科", {}, true, 1.5, 9}), StoreError);
  Category surgery = *categories.find("外科");
  surgery.name = "内科";  // taken by another category
  EXPECT_THROW(categories.update(surgery), StoreError);
  Category ghost{424242, "不存在", {}, false, 0.0, 0};
  EXPECT_THROW(categories.update(ghost), StoreError);
  EXPECT_EQ(categories.list().size(), 6u);
}

}  // namespace
}  // namespace medlora::store
