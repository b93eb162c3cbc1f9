// Starts `stevedore` on a real X server (Xvfb), takes a screenshot of the whole screen and
// checks, at the centre of every stage node the application reports, that the stage's Kargo
// colour is what is on screen. Screenshots are kept under the build folder for people to look at.

#include "engine/manifestloader.h"
#include "engine/stagecolors.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Stevedore;

namespace {

/// The most frequent colour in a small square around @p centre: robust against the text and
/// anti-aliasing drawn over a node's fill.
QColor dominantColor(const QImage &image, QPoint centre, int radius = 4)
{
    QHash<QRgb, int> counts;
    for (int dx = -radius; dx <= radius; ++dx) {
        for (int dy = -radius; dy <= radius; ++dy) {
            const QPoint p = centre + QPoint(dx, dy);
            if (image.valid(p))
                ++counts[image.pixel(p) & 0xffffff];
        }
    }
    QRgb best = 0;
    int bestCount = -1;
    for (auto it = counts.begin(); it != counts.end(); ++it) {
        if (it.value() > bestCount) {
            best = it.key();
            bestCount = it.value();
        }
    }
    return QColor::fromRgb(best);
}

bool closeTo(const QColor &a, const QColor &b)
{
    return std::abs(a.red() - b.red()) <= 16 && std::abs(a.green() - b.green()) <= 16 &&
           std::abs(a.blue() - b.blue()) <= 16;
}

/// Stops a process we started, by its PID, and waits for it.
void stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

} // namespace

class TestGuiScreenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_xvfb = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
        m_import = QStandardPaths::findExecutable(QStringLiteral("import"));
        QVERIFY2(!m_xvfb.isEmpty(), "Xvfb is needed: run installer/install-deps.sh --test");
        QVERIFY2(!m_import.isEmpty(), "ImageMagick's import is needed: run "
                                      "installer/install-deps.sh --test");
        QVERIFY(m_scratch.isValid());
        QVERIFY(QDir().mkpath(QStringLiteral(STEVEDORE_ARTIFACTS_DIR)));

        // A display number nobody uses.
        for (int n = 90; n < 300; ++n) {
            if (!QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n)) &&
                !QFileInfo::exists(QStringLiteral("/tmp/.X%1-lock").arg(n))) {
                m_display = QStringLiteral(":%1").arg(n);
                m_socket = QStringLiteral("/tmp/.X11-unix/X%1").arg(n);
                break;
            }
        }
        QVERIFY(!m_display.isEmpty());
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.setStandardOutputFile(QProcess::nullDevice());
        m_server.start(m_xvfb, {m_display, QStringLiteral("-screen"), QStringLiteral("0"),
                                QStringLiteral("1280x800x24"), QStringLiteral("-nolisten"),
                                QStringLiteral("tcp")});
        QVERIFY(m_server.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(m_socket), 10000);
    }

    void cleanupTestCase() { stop(m_server); }

    void stageNodesShowTheirColours_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::newRow("kargo-simple") << "kargo-simple";
        QTest::newRow("demo-auto-rollback") << "demo-auto-rollback";
        QTest::newRow("active-active") << "active-active";
    }

    void stageNodesShowTheirColours()
    {
        QFETCH(QString, fixture);
        const QString path = QStringLiteral(STEVEDORE_FIXTURES_DIR "/") + fixture;
        const QString home = m_scratch.filePath(fixture);
        QVERIFY(QDir().mkpath(home + QStringLiteral("/runtime")));
        QFile::setPermissions(home + QStringLiteral("/runtime"), QFileDevice::ReadOwner |
                                                                     QFileDevice::WriteOwner |
                                                                     QFileDevice::ExeOwner);
        const QString report = home + QStringLiteral("/layout.json");

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // ctest sets offscreen for widget tests
        env.insert(QStringLiteral("DISPLAY"), m_display);
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home + QStringLiteral("/runtime"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        QProcess app;
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::ForwardedChannels);
        app.start(QStringLiteral(STEVEDORE_GUI_PATH),
                  {QStringLiteral("--state-dir"), home + QStringLiteral("/state"),
                   QStringLiteral("--layout-report"), report, QStringLiteral("--offline"), path});
        QVERIFY(app.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(report), 20000);

        const QString shot =
            QStringLiteral(STEVEDORE_ARTIFACTS_DIR "/") + fixture + QStringLiteral(".png");
        QProcess import;
        import.setProcessEnvironment(env);
        import.start(m_import, {QStringLiteral("-display"), m_display, QStringLiteral("-window"),
                                QStringLiteral("root"), shot});
        QVERIFY(import.waitForFinished(20000));
        QCOMPARE(import.exitCode(), 0);
        stop(app);

        QFile file(report);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject layout = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(layout.value(QStringLiteral("window")).toString().contains(u"Stevedore"));
        const QImage image(shot);
        QVERIFY(!image.isNull());

        const Pipeline pipeline = ManifestLoader::load(path);
        const QJsonArray nodes = layout.value(QStringLiteral("nodes")).toArray();
        int stagesSeen = 0;
        int stagesChecked = 0;
        for (const QJsonValue &value : nodes) {
            const QJsonObject node = value.toObject();
            if (node.value(QStringLiteral("kind")).toString() != u"Stage")
                continue;
            const QString name = node.value(QStringLiteral("name")).toString();
            const Stage *stage = pipeline.stage(name);
            QVERIFY2(stage, qPrintable(name));
            ++stagesSeen;
            // A long pipeline scrolls: nodes outside the viewport are not on screen to check.
            if (!node.value(QStringLiteral("visible")).toBool())
                continue;
            const QColor expected(StageColors::hex(stage->color));
            const QPoint centre(node.value(QStringLiteral("x")).toInt() +
                                    node.value(QStringLiteral("width")).toInt() / 2,
                                node.value(QStringLiteral("y")).toInt() +
                                    node.value(QStringLiteral("height")).toInt() / 2);
            const QColor seen = dominantColor(image, centre);
            QVERIFY2(closeTo(seen, expected),
                     qPrintable(QStringLiteral("stage %1 at (%2, %3): expected %4 (%5), screen "
                                               "shows %6")
                                    .arg(name)
                                    .arg(centre.x())
                                    .arg(centre.y())
                                    .arg(expected.name(), stage->color, seen.name())));
            ++stagesChecked;
        }
        QCOMPARE(stagesSeen, pipeline.stages.size());
        // Small pipelines fit whole; a long one shows at least its first ranks.
        QVERIFY2(stagesChecked >= std::min<int>(4, int(pipeline.stages.size())),
                 qPrintable(QStringLiteral("only %1 stages on screen").arg(stagesChecked)));
    }

private:
    QTemporaryDir m_scratch;
    QString m_xvfb;
    QString m_import;
    QString m_display;
    QString m_socket;
    QProcess m_server;
};

QTEST_GUILESS_MAIN(TestGuiScreenshot)
#include "tst_guiscreenshot.moc"
