#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <functional>

namespace Stevedore::StoreDetail {

/// Times are kept as UTC ISO 8601 with milliseconds; an invalid time as an empty string.
inline QString timestamp(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(Qt::ISODateWithMs) : QString();
}

inline QDateTime fromTimestamp(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

/// Runs @p work in one transaction: all of it lands, or none of it. @p work returns false
/// when a statement failed; that statement's error is reported.
inline bool inTransaction(QSqlDatabase db, QString *error,
                          const std::function<bool(QSqlQuery &)> &work)
{
    if (!db.transaction()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    QSqlQuery query(db);
    if (!work(query)) {
        const QString message = query.lastError().text();
        db.rollback();
        if (error)
            *error = message;
        return false;
    }
    if (!db.commit()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    return true;
}

/// Reports @p query's error; returns false, for `return failed(query, error);`.
inline bool failed(QSqlQuery &query, QString *error)
{
    if (error)
        *error = query.lastError().text();
    return false;
}

} // namespace Stevedore::StoreDetail
