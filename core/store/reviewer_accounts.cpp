#include "core/store/reviewer_accounts.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QPasswordDigestor>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QVariant>

#include <stdexcept>

#include "core/store/review_audit.h"
#include "core/store/store_error.h"
#include "core/store/transaction.h"
#include "core/store/workspace.h"

namespace medlora::store {
namespace {

constexpr int kSaltBytes = 16;
constexpr int kHashBytes = 32;
constexpr size_t kMaxNameLength = 80;

QString q(const std::string& text) { return QString::fromStdString(text); }

QByteArray random_salt() {
  QByteArray salt(kSaltBytes, Qt::Uninitialized);
  auto* generator = QRandomGenerator::system();
  for (int i = 0; i < kSaltBytes; i += 4) {
    const quint32 word = generator->generate();
    for (int b = 0; b < 4 && i + b < kSaltBytes; ++b) salt[i + b] = static_cast<char>((word >> (8 * b)) & 0xff);
  }
  return salt;
}

QByteArray derive(const std::string& password, const QByteArray& salt, int iterations) {
  return QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, QByteArray::fromStdString(password), salt,
                                            iterations, kHashBytes);
}

// Compares every byte whatever the first difference, so the time taken says nothing about how
// much of a guess was right.
bool constant_time_equal(const QByteArray& a, const QByteArray& b) {
  if (a.size() != b.size()) return false;
  unsigned char difference = 0;
  for (qsizetype i = 0; i < a.size(); ++i) difference |= static_cast<unsigned char>(a[i] ^ b[i]);
  return difference == 0;
}

void check_name(const std::string& name) {
  if (name.empty()) throw std::invalid_argument("an account needs a name");
  if (name.size() > kMaxNameLength)
    throw std::invalid_argument("an account name has at most " + std::to_string(kMaxNameLength) + " bytes");
  for (const unsigned char c : name)
    if (c < 0x20 || c == 0x7f) throw std::invalid_argument("an account name cannot contain control characters");
  if (name.front() == ' ' || name.back() == ' ')
    throw std::invalid_argument("an account name cannot begin or end with a space");
}

void check_role(const std::string& role) {
  if (role != "doctor" && role != "lead" && role != "engineer")
    throw std::invalid_argument("a role is doctor, lead or engineer, not '" + role + "'");
}

void check_password(const std::string& password) {
  if (password.size() < static_cast<size_t>(ReviewerAccounts::kMinimumPasswordLength))
    throw std::invalid_argument("a password needs at least " +
                                std::to_string(ReviewerAccounts::kMinimumPasswordLength) + " characters");
}

ReviewerInfo info_from(const QSqlQuery& query) {
  return {query.value(0).toLongLong(), query.value(1).toString().toStdString(), query.value(2).toString().toStdString(),
          query.value(3).toString().toStdString()};
}

}  // namespace

bool ReviewerAccounts::empty() const { return ws_.scalar("SELECT count(*) FROM reviewers").toLongLong() == 0; }

ReviewerInfo ReviewerAccounts::insert(const std::string& name, const std::string& role, const std::string& password) {
  check_name(name);
  check_role(role);
  check_password(password);
  if (iterations_ < 1) throw std::invalid_argument("PBKDF2 needs at least one iteration");
  if (find(name)) throw StoreError("an account named '" + name + "' already exists");
  const QByteArray salt = random_salt();
  auto query = ws_.prepare(
      "INSERT INTO reviewers (name, role, password_salt, password_hash, password_iterations, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  query.addBindValue(q(name));
  query.addBindValue(q(role));
  query.addBindValue(salt);
  query.addBindValue(derive(password, salt, iterations_));
  query.addBindValue(iterations_);
  const std::string now = Workspace::now_utc();
  query.addBindValue(q(now));
  ws_.exec(query);
  return {query.lastInsertId().toLongLong(), name, role, now};
}

ReviewerAccount ReviewerAccounts::create_first_lead(const std::string& name, const std::string& password) {
  Transaction transaction(ws_);
  if (!empty())
    throw StoreError("workspace " + ws_.path() + " has reviewer accounts already: a lead must create new ones");
  const ReviewerInfo info = insert(name, "lead", password);
  append_audit(ws_, info.id, name, "account-create", std::nullopt, "account " + name,
               QJsonObject{{"name", q(name)}, {"role", "lead"}, {"first_account", true}});
  transaction.commit();
  return ReviewerAccount(info.id, info.name, info.role);
}

ReviewerInfo ReviewerAccounts::create(const ReviewerAccount& acting, const std::string& name, const std::string& role,
                                      const std::string& password) {
  Transaction transaction(ws_);
  verify(acting, "lead");
  ReviewerInfo info = insert(name, role, password);
  append_audit(ws_, acting.id(), acting.name(), "account-create", std::nullopt, "account " + name,
               QJsonObject{{"name", q(name)}, {"role", q(role)}});
  transaction.commit();
  return info;
}

std::optional<ReviewerAccount> ReviewerAccounts::authenticate(const std::string& name, const std::string& password) {
  auto query = ws_.prepare(
      "SELECT id, role, password_salt, password_hash, password_iterations FROM reviewers WHERE name = ?");
  query.addBindValue(q(name));
  ws_.exec(query);
  if (query.next()) {
    const QByteArray expected = query.value(3).toByteArray();
    const QByteArray actual = derive(password, query.value(2).toByteArray(), query.value(4).toInt());
    if (constant_time_equal(actual, expected))
      return ReviewerAccount(query.value(0).toLongLong(), name, query.value(1).toString().toStdString());
  } else {
    // Spend the same time on an unknown name as on a wrong password.
    derive(password, QByteArray(kSaltBytes, '\0'), kPbkdf2Iterations);
  }
  Transaction transaction(ws_);
  append_audit(ws_, std::nullopt, name, "login-failure", std::nullopt, "account " + name);
  transaction.commit();
  return std::nullopt;
}

std::vector<ReviewerInfo> ReviewerAccounts::list() const {
  auto query = ws_.prepare("SELECT id, name, role, created_at FROM reviewers ORDER BY name");
  ws_.exec(query);
  std::vector<ReviewerInfo> result;
  while (query.next()) result.push_back(info_from(query));
  return result;
}

std::optional<ReviewerInfo> ReviewerAccounts::find(const std::string& name) const {
  auto query = ws_.prepare("SELECT id, name, role, created_at FROM reviewers WHERE name = ?");
  query.addBindValue(q(name));
  ws_.exec(query);
  if (!query.next()) return std::nullopt;
  return info_from(query);
}

void ReviewerAccounts::verify(const ReviewerAccount& acting, const std::string& required_role) const {
  auto query = ws_.prepare("SELECT name, role FROM reviewers WHERE id = ?");
  query.addBindValue(qint64(acting.id()));
  ws_.exec(query);
  if (!query.next() || query.value(0).toString().toStdString() != acting.name() ||
      query.value(1).toString().toStdString() != acting.role())
    throw StoreError("account '" + acting.name() + "' is not an account of workspace " + ws_.path());
  if (!required_role.empty() && acting.role() != required_role)
    throw StoreError("only a " + required_role + " may do this; '" + acting.name() + "' is a " + acting.role());
}

}  // namespace medlora::store
