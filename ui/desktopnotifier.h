#pragma once

#include <QObject>
#include <QPointer>
#include <QSet>

class QWidget;

namespace Stevedore {

struct PromotionRecord;
struct VerificationRun;

/// Tells the desktop (`org.freedesktop.Notifications` on the session bus) when a promotion or
/// a verification finished while Stevedore's window was in the background. Does nothing, and
/// says nothing, when there is no session bus or no notification service. Calls are
/// asynchronous: the GUI thread never waits for the bus.
class DesktopNotifier : public QObject
{
    Q_OBJECT

public:
    /// Notifies only while @p window is not the active window.
    explicit DesktopNotifier(QWidget *window, QObject *parent = nullptr);

    /// `Stevedore`, the application name the notifications carry.
    static QString applicationName();

    /// Sends @p summary and @p body unless the window is active; true when it was sent to
    /// the bus (not necessarily shown).
    bool notify(const QString &summary, const QString &body);

public Q_SLOTS:
    void promotionFinished(const Stevedore::PromotionRecord &record, const QString &freightAlias);
    /// Ignores runs still going; each finished run is announced once.
    void verificationUpdated(const Stevedore::VerificationRun &run);

private:
    QPointer<QWidget> m_window;
    QSet<QString> m_announcedRuns;
};

} // namespace Stevedore
