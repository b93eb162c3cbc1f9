// Offline review. The demo pipeline's repositories are served by a real git daemon; the
// real stevedorectl discovers freight and dry-runs a promotion (which caches the GitOps
// clone). Then the daemon is stopped and the window opens the pipeline: it says it is offline,
// shows the stored freight, reviews a promotion from the cached clone with its diff, and holds
// back what needs the network, saying why. When the daemon is back, it is online again.

#include "engine/demopipeline.h"
#include "engine/enginehost.h"
#include "engine/statepaths.h"
#include "ui/diffview.h"
#include "ui/freightpanel.h"
#include "ui/mainwindow.h"
#include "ui/promotioncontroller.h"
#include "ui/promotionreviewdialog.h"
#include "ui/verificationpanel.h"

#include <QAction>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

#include "tests/support/testservers.h"

using namespace Stevedore;
using namespace Stevedore::Testing;
using namespace Qt::StringLiterals;

class TestOffline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reviewsOfflineAndComesBack();

private:
    QString stevedorectl(const QStringList &arguments, int *exitCode = nullptr);

    QTemporaryDir m_dir;
    GitDaemon m_daemon;
    QString m_pipeline;
    QProcessEnvironment m_env;
};

QString TestOffline::stevedorectl(const QStringList &arguments, int *exitCode)
{
    QProcess process;
    process.setProcessEnvironment(m_env);
    process.start(QStringLiteral(STEVEDORECTL_PATH), arguments);
    process.waitForFinished(60000);
    if (exitCode)
        *exitCode = process.exitCode();
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

void TestOffline::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    const QString home = m_dir.filePath(u"home"_s);
    const QString state = m_dir.filePath(u"state"_s);
    QDir().mkpath(home);
    m_env = isolatedEnvironment(home, state);
    // This process's engine sees the same user and state as stevedorectl.
    for (const QString &name : {u"HOME"_s, u"XDG_CONFIG_HOME"_s, u"XDG_DATA_HOME"_s,
                                u"XDG_CACHE_HOME"_s, u"STEVEDORE_STATE_DIR"_s})
        qputenv(name.toUtf8().constData(), m_env.value(name).toUtf8());
    qputenv("GIT_CONFIG_NOSYSTEM", "1");
    StatePaths::setOverride(state);
    QVERIFY(run(u"git"_s, {u"config"_s, u"--global"_s, u"user.name"_s, u"Rel Eng"_s}, nullptr, {},
                m_env));
    QVERIFY(run(u"git"_s, {u"config"_s, u"--global"_s, u"user.email"_s, u"rel@example.test"_s},
                nullptr, {}, m_env));

    // The demo, its repositories served over git:// instead of file://.
    const QString demo = m_dir.filePath(u"demo"_s);
    QString error;
    m_pipeline = DemoPipeline::ensure(demo, &error);
    QVERIFY2(!m_pipeline.isEmpty(), qPrintable(error));
    QVERIFY(m_daemon.start(demo));
    QDirIterator manifests(m_pipeline, {u"*.yaml"_s}, QDir::Files);
    while (manifests.hasNext()) {
        QFile file(manifests.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString text = QString::fromUtf8(file.readAll());
        file.close();
        for (const QString &repository : {u"app.git"_s, u"gitops.git"_s})
            text.replace(QUrl::fromLocalFile(demo + u'/' + repository).toString(),
                         m_daemon.url(repository));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text.toUtf8());
    }

    // Online: freight is found and a review caches the GitOps repository.
    int exitCode = -1;
    const QString discovered = stevedorectl({u"discover"_s, m_pipeline}, &exitCode);
    QVERIFY2(exitCode == 0, qPrintable(discovered));
}

void TestOffline::reviewsOfflineAndComesBack()
{
    int exitCode = -1;
    const QString listed = stevedorectl({u"freight"_s, m_pipeline, u"--json"_s}, &exitCode);
    const QJsonArray freight = QJsonDocument::fromJson(listed.toUtf8()).array();
    QVERIFY2(exitCode == 0 && !freight.isEmpty(), qPrintable(listed));
    const QString alias = freight.first().toObject().value(u"alias"_s).toString();
    const QString dryRun = stevedorectl(
        {u"promote"_s, m_pipeline, u"--stage"_s, u"dev"_s, u"--freight"_s, alias, u"--dry-run"_s},
        &exitCode);
    QVERIFY2(exitCode == 0, qPrintable(dryRun));

    // Every remote goes away.
    const int port = m_daemon.port();
    m_daemon.stop();

    EngineHost engine;
    MainWindow window(&engine);
    window.resize(1400, 900);
    window.openPipeline(m_pipeline);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // It says so, and still shows what the store holds.
    QTRY_VERIFY_WITH_TIMEOUT(window.offlineBanner()->isVisible(), 30000);
    const QString banner = window.offlineBanner()->findChild<QLabel *>(u"offlineText"_s)->text();
    QVERIFY2(banner.contains(u"Offline since"_s), qPrintable(banner));
    QVERIFY(window.networkUnavailableReason().startsWith(u"Offline since"_s));
    QTRY_COMPARE(window.promotions()->freightPanel()->freight().size(), freight.size());
    QDir().mkpath(QStringLiteral(STEVEDORE_BINARY_DIR "/test-artifacts"));
    window.grab().save(QStringLiteral(STEVEDORE_BINARY_DIR "/test-artifacts/offline-window.png"));

    // Verifying needs Prometheus: disabled, with the reason.
    window.verificationPanel()->showStage(window.pipeline(), u"staging"_s);
    QAction *verify = window.verificationPanel()->verifyAction();
    QVERIFY(!verify->isEnabled());
    QVERIFY2(verify->statusTip().contains(u"Offline since"_s), qPrintable(verify->statusTip()));

    // The review works from the cached clone; promoting (which pushes) is held back.
    window.promotions()->review(u"dev"_s, freight.first().toObject().value(u"id"_s).toString());
    PromotionReviewDialog *review = window.promotions()->reviewDialog();
    QVERIFY(review);
    QTRY_VERIFY_WITH_TIMEOUT(review->diffView()->text().contains(u"+++ b/env/dev/values.yaml"_s),
                             30000);
    QVERIFY(review->diffView()->text().contains(u"app:"_s));
    QVERIFY(!review->canPromote());
    const QString why = review->findChild<QPushButton *>(u"promoteButton"_s)->toolTip();
    QVERIFY2(why.contains(u"Offline since"_s) && why.contains(u"pushes"_s), qPrintable(why));
    review->grab().save(QStringLiteral(STEVEDORE_BINARY_DIR "/test-artifacts/offline-review.png"));

    // The network comes back; Retry Now polls at once and everything is enabled again.
    QVERIFY(m_daemon.start(QFileInfo(m_pipeline).path(), port));
    window.offlineBanner()->findChild<QToolButton *>()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!window.offlineBanner()->isVisible(), 30000);
    QVERIFY(window.networkUnavailableReason().isEmpty());
    QTRY_VERIFY(review->canPromote());
    QVERIFY(review->findChild<QPushButton *>(u"promoteButton"_s)->toolTip().isEmpty());
    review->close();
}

QTEST_MAIN(TestOffline)
#include "tst_offline.moc"
