#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace Stevedore {

/// Where a warehouse's discovery stands, as the UI and the CLI show it.
struct WarehouseStatus
{
    enum class State
    {
        Idle,
        Polling,
        Ok,
        Error,
        BackingOff
    };

    QString warehouse;
    State state = State::Idle;
    QString message;      ///< the error (Error, BackingOff) or a summary (Ok)
    QDateTime lastPoll;   ///< when the last poll finished
    QDateTime nextPoll;   ///< when the next one is due (BackingOff: when the backoff ends)
    int failures = 0;     ///< consecutive failed polls
    int freightCount = 0; ///< freight stored for this warehouse

    static QString stateName(State state);
};

} // namespace Stevedore

Q_DECLARE_METATYPE(Stevedore::WarehouseStatus)
