#include "ui/desktopnotifier.h"

#include "engine/promotion.h"
#include "engine/verification.h"
#include "ui/promotiontext.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace Stevedore {

DesktopNotifier::DesktopNotifier(QWidget *window, QObject *parent)
    : QObject(parent)
    , m_window(window)
{}

QString DesktopNotifier::applicationName()
{
    return u"Stevedore"_s;
}

bool DesktopNotifier::notify(const QString &summary, const QString &body)
{
    if (m_window && m_window->isActiveWindow())
        return false;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(
        u"org.freedesktop.Notifications"_s, u"/org/freedesktop/Notifications"_s,
        u"org.freedesktop.Notifications"_s, u"Notify"_s);
    // app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout (-1: the
    // server's default).
    call << applicationName() << 0u << u"stevedore"_s << summary << body << QStringList()
         << QVariantMap{{u"desktop-entry"_s, u"stevedore"_s}} << -1;
    // No reply wanted: a missing service only produces an error reply nobody waits for.
    call.setAutoStartService(true);
    return bus.send(call);
}

void DesktopNotifier::promotionFinished(const PromotionRecord &record, const QString &freightAlias)
{
    const bool succeeded = record.phase == PromotionPhase::Succeeded;
    const QString summary =
        succeeded ? tr("Promotion to %1 succeeded").arg(record.stage)
                  : tr("Promotion to %1 %2").arg(record.stage, PromotionText::phase(record.phase));
    QString body =
        tr("Freight %1").arg(freightAlias.isEmpty() ? record.freightId.left(12) : freightAlias);
    if (!record.message.isEmpty())
        body += u'\n' + record.message;
    notify(summary, body);
}

void DesktopNotifier::verificationUpdated(const VerificationRun &run)
{
    if (!isCompleted(run.phase) || m_announcedRuns.contains(run.id))
        return;
    m_announcedRuns.insert(run.id);
    const QString summary = tr("Verification of %1: %2").arg(run.stage, toString(run.phase));
    QString body = run.message;
    if (body.isEmpty())
        body = run.templates.join(u", "_s);
    notify(summary, body);
}

} // namespace Stevedore
