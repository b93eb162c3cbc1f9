#pragma once

#include <QMimeData>
#include <QString>

namespace Stevedore::FreightMime {

/// Freight being dragged: its id, as UTF-8.
inline constexpr char type[] = "application/x-stevedore-freight";

inline QMimeData *create(const QString &freightId)
{
    auto *data = new QMimeData;
    data->setData(QString::fromLatin1(type), freightId.toUtf8());
    data->setText(freightId);
    return data;
}

inline QString freightId(const QMimeData *data)
{
    return QString::fromUtf8(data->data(QString::fromLatin1(type)));
}

} // namespace Stevedore::FreightMime
