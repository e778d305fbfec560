#include "core/store/term_repository.h"

#include <QFile>
#include <QSqlQuery>
#include <QStringDecoder>
#include <QVariant>

#include "core/store/transaction.h"

namespace medlora::store {
namespace {

struct CsvRow {
  int64_t line = 0;  // where the row starts (1-based)
  std::vector<QString> fields;
  bool unterminated_quote = false;
};

// RFC 4180: fields separated by commas, quoted with "", quotes doubled inside quotes, quoted
// fields may span lines. Blank lines are dropped.
std::vector<CsvRow> parse_csv(const QString& text) {
  std::vector<CsvRow> rows;
  CsvRow row;
  QString field;
  bool in_quotes = false;
  bool row_has_content = false;
  int64_t line = 1;
  row.line = 1;
  auto end_field = [&] {
    row.fields.push_back(field);
    field.clear();
  };
  auto end_row = [&] {
    end_field();
    if (row_has_content || row.fields.size() > 1) rows.push_back(row);
    row = CsvRow{};
    row_has_content = false;
  };
  for (qsizetype i = 0; i < text.size(); ++i) {
    const QChar c = text[i];
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"') {
      in_quotes = true;
      row_has_content = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      end_row();
      row.line = ++line;
    } else {
      field += c;
      row_has_content = true;
    }
  }
  row.unterminated_quote = in_quotes;
  if (row_has_content || !row.fields.empty()) end_row();
  return rows;
}

void validate_pair(const Workspace& ws, const std::string& synonym, const std::string& standard) {
  if (synonym.empty() || standard.empty())
    throw StoreError("workspace " + ws.path() + ": a term needs both a synonym and a standard term");
  if (synonym == standard)
    throw StoreError("workspace " + ws.path() + ": term '" + synonym + "' maps to itself");
}

}  // namespace

std::vector<Term> TermRepository::list() const {
  QSqlQuery query = ws_.prepare("SELECT synonym, standard FROM terms ORDER BY synonym");
  ws_.exec(query);
  std::vector<Term> terms;
  while (query.next())
    terms.push_back({query.value(0).toString().toStdString(), query.value(1).toString().toStdString()});
  return terms;
}

int64_t TermRepository::count() const { return ws_.scalar("SELECT count(*) FROM terms").toLongLong(); }

std::optional<std::string> TermRepository::standard_for(const std::string& synonym) const {
  QSqlQuery query = ws_.prepare("SELECT standard FROM terms WHERE synonym = ?");
  query.addBindValue(QString::fromStdString(synonym));
  ws_.exec(query);
  if (!query.next()) return std::nullopt;
  return query.value(0).toString().toStdString();
}

void TermRepository::set(const std::string& synonym, const std::string& standard) {
  validate_pair(ws_, synonym, standard);
  QSqlQuery query = ws_.prepare(
      "INSERT INTO terms (synonym, standard) VALUES (?, ?) "
      "ON CONFLICT(synonym) DO UPDATE SET standard = excluded.standard");
  query.addBindValue(QString::fromStdString(synonym));
  query.addBindValue(QString::fromStdString(standard));
  ws_.exec(query);
}

bool TermRepository::remove(const std::string& synonym) {
  QSqlQuery query = ws_.prepare("DELETE FROM terms WHERE synonym = ?");
  query.addBindValue(QString::fromStdString(synonym));
  ws_.exec(query);
  return query.numRowsAffected() > 0;
}

TermImportResult TermRepository::import_csv(const std::string& path) {
  QFile file(QString::fromStdString(path));
  if (!file.open(QIODevice::ReadOnly))
    throw StoreError("cannot read term file " + path + ": " + file.errorString().toStdString());
  const QByteArray bytes = file.readAll();
  return import_csv_text(bytes.toStdString(), path);
}

TermImportResult TermRepository::import_csv_text(const std::string& csv_text, const std::string& source_name) {
  QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
  QString text = decoder.decode(QByteArray::fromStdString(csv_text));
  if (decoder.hasError())
    throw StoreError("term file " + source_name + " is not UTF-8 text; save it as UTF-8 CSV");
  if (text.startsWith(QChar(0xFEFF))) text.remove(0, 1);

  const std::vector<CsvRow> rows = parse_csv(text);
  if (rows.empty()) throw StoreError("term file " + source_name + " is empty; expected a header 'synonym,standard'");
  int synonym_column = -1;
  int standard_column = -1;
  for (size_t i = 0; i < rows[0].fields.size(); ++i) {
    const QString name = rows[0].fields[i].trimmed().toLower();
    if (name == "synonym") synonym_column = static_cast<int>(i);
    if (name == "standard") standard_column = static_cast<int>(i);
  }
  if (synonym_column < 0 || standard_column < 0)
    throw StoreError("term file " + source_name +
                     ":1: the header must name the columns 'synonym' and 'standard' (e.g. 'synonym,standard')");

  TermImportResult result;
  auto problem = [&](const CsvRow& row, const std::string& why) {
    result.problems.push_back({source_name + ":" + std::to_string(row.line), why});
    ++result.skipped;
  };
  Transaction transaction(ws_);
  for (size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    if (row.unterminated_quote) {
      problem(row, "a quoted field is never closed");
      continue;
    }
    const size_t needed = static_cast<size_t>(std::max(synonym_column, standard_column)) + 1;
    if (row.fields.size() < needed) {
      problem(row, "expected " + std::to_string(needed) + " columns, found " + std::to_string(row.fields.size()));
      continue;
    }
    const std::string synonym = row.fields[synonym_column].trimmed().toStdString();
    const std::string standard = row.fields[standard_column].trimmed().toStdString();
    if (synonym.empty() || standard.empty()) {
      problem(row, "empty synonym or standard term");
      continue;
    }
    if (synonym == standard) {
      problem(row, "'" + synonym + "' maps to itself");
      continue;
    }
    const std::optional<std::string> known = standard_for(synonym);
    if (known == standard) {
      ++result.unchanged;
      continue;
    }
    set(synonym, standard);
    ++(known ? result.updated : result.added);
  }
  transaction.commit();
  return result;
}

}  // namespace medlora::store
