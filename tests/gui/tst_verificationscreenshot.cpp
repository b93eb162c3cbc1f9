// A real verification run drawn on a real X server: the test starts Prometheus and a
// Pushgateway, pushes a checkout success ratio and a latency that change every second, runs
// the stage's verification with the AnalysisRunner, then shows the run in the verification
// panel (tests/gui/verificationview.cpp) under Xvfb with the first metric's last hour, takes a
// screenshot, hovers a failed measurement and takes another with its tooltip. At each reported
// point the screen must show the colour of the measurement's phase. The screenshots stay under
// the build folder (tests/gui/artifacts) for people to look at.

#include "engine/analysisrunner.h"
#include "engine/manifestloader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "tests/support/testprometheus.h"

using namespace Qt::StringLiterals;
using namespace Stevedore;
using namespace Stevedore::Testing;

namespace {

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

/// Pixels near @p centre (a square of radius @p radius) whose colour is close to @p color.
int near(const QImage &image, QPoint centre, const QColor &color, int radius = 6)
{
    int count = 0;
    for (int dx = -radius; dx <= radius; ++dx) {
        for (int dy = -radius; dy <= radius; ++dy) {
            const QPoint p = centre + QPoint(dx, dy);
            if (!image.valid(p))
                continue;
            const QColor pixel = image.pixelColor(p);
            if (std::abs(pixel.red() - color.red()) < 40 &&
                std::abs(pixel.green() - color.green()) < 40 &&
                std::abs(pixel.blue() - color.blue()) < 40)
                ++count;
        }
    }
    return count;
}

const QHash<QString, QColor> phaseColors{{u"Successful"_s, QColor(0x2e, 0x7d, 0x32)},
                                         {u"Failed"_s, QColor(0xc6, 0x28, 0x28)},
                                         {u"Inconclusive"_s, QColor(0xef, 0x9a, 0x00)},
                                         {u"Error"_s, QColor(0x61, 0x61, 0x61)}};

const QString pipeline =
    u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: shop\n"
    u"  namespace: shop\nspec:\n  subscriptions:\n  - image:\n"
    u"      repoURL: ghcr.io/example/shop\n---\n"
    u"apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: prod\n"
    u"  namespace: shop\nspec:\n  requestedFreight:\n  - origin:\n      kind: Warehouse\n"
    u"      name: shop\n    sources:\n      direct: true\n  verification:\n"
    u"    analysisTemplates:\n    - name: checkout-health\n    args:\n"
    u"    - name: service\n      value: checkout\n---\n"
    u"apiVersion: argoproj.io/v1alpha1\nkind: AnalysisTemplate\nmetadata:\n"
    u"  name: checkout-health\n  namespace: shop\nspec:\n  args:\n  - name: service\n"
    u"  metrics:\n"
    u"  - name: success-rate\n    interval: 1s\n    count: 10\n    failureLimit: 4\n"
    u"    successCondition: result[0] >= 0.95\n    provider:\n      prometheus:\n"
    u"        address: %1\n"
    u"        query: 'checkout_success_ratio{job=\"shop\",service=\"{{args.service}}\"}'\n"
    u"  - name: p99-latency\n    interval: 1s\n    count: 10\n    failureLimit: 4\n"
    u"    failureCondition: result[0] > 0.3\n    provider:\n      prometheus:\n"
    u"        address: %1\n"
    u"        query: 'checkout_latency_p99_seconds{job=\"shop\",service=\"{{args.service}}\"}'\n"_s;

} // namespace

class TestVerificationScreenshot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_xvfb = QStandardPaths::findExecutable(u"Xvfb"_s);
        m_import = QStandardPaths::findExecutable(u"import"_s);
        m_xdotool = QStandardPaths::findExecutable(u"xdotool"_s);
        QVERIFY2(!m_xvfb.isEmpty() && !m_import.isEmpty() && !m_xdotool.isEmpty(),
                 "Xvfb, ImageMagick's import and xdotool are needed: run "
                 "installer/install-deps.sh --test");
        QVERIFY(m_scratch.isValid());
        QVERIFY(QDir().mkpath(u"" STEVEDORE_ARTIFACTS_DIR ""_s));
        for (int n = 120; n < 400; ++n) {
            if (!QFileInfo::exists(u"/tmp/.X11-unix/X%1"_s.arg(n)) &&
                !QFileInfo::exists(u"/tmp/.X%1-lock"_s.arg(n))) {
                m_display = u":%1"_s.arg(n);
                m_socket = u"/tmp/.X11-unix/X%1"_s.arg(n);
                break;
            }
        }
        QVERIFY(!m_display.isEmpty());
        m_server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_server.setStandardOutputFile(QProcess::nullDevice());
        m_server.start(
            m_xvfb, {m_display, u"-screen"_s, u"0"_s, u"1280x1100x24"_s, u"-nolisten"_s, u"tcp"_s});
        QVERIFY(m_server.waitForStarted(5000));
        QVERIFY2(m_prometheus.start(), qPrintable(m_prometheus.log()));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(m_socket), 10000);
    }

    void cleanupTestCase()
    {
        m_prometheus.stop();
        stop(m_server);
    }

    void realRunOnScreen()
    {
        // What the service reports, second by second: mostly healthy, with a few bad moments.
        const QList<double> ratios{0.97, 0.985, 0.96, 0.93, 0.99,  0.975,
                                   0.92, 0.98,  0.99, 0.97, 0.985, 0.975};
        const QList<double> latencies{0.12, 0.15, 0.11, 0.34, 0.14, 0.13,
                                      0.18, 0.12, 0.16, 0.14, 0.13, 0.12};
        int step = 0;
        const auto push = [&] {
            const int i = std::min<int>(step++, int(ratios.size()) - 1);
            return m_prometheus.push(
                u"shop"_s,
                u"checkout_success_ratio{service=\"checkout\"} %1\n"
                u"checkout_latency_p99_seconds{service=\"checkout\"} %2\n"_s.arg(ratios.at(i))
                    .arg(latencies.at(i)));
        };
        QVERIFY(push());
        QVERIFY(m_prometheus.waitForValue(u"checkout_success_ratio{job=\"shop\"}"_s, u"0.97"_s));
        QTimer pusher;
        connect(&pusher, &QTimer::timeout, this, [&] { push(); });
        pusher.start(1000);

        const QString dir = m_scratch.filePath(u"shop"_s);
        QVERIFY(QDir().mkpath(dir));
        QFile file(dir + u"/pipeline.yaml"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(pipeline.arg(m_prometheus.url()).toUtf8());
        file.close();
        const Pipeline loaded = ManifestLoader::load(dir);
        QVERIFY(!loaded.hasErrors());
        AnalysisRunner::Options options;
        options.planner.useKeychain = false;
        AnalysisRunner runner(loaded, u"prod"_s, {}, options);
        QSignalSpy finished(&runner, &AnalysisRunner::finished);
        runner.start();
        QVERIFY(finished.wait(40000));
        pusher.stop();
        const VerificationRun &run = runner.run();
        QVERIFY(isCompleted(run.phase));
        QCOMPARE(run.metrics.size(), 2);
        QCOMPARE(run.metrics.at(0).measurements.size(), 10);
        QVERIFY(run.metrics.at(0).successful >= 5);
        qInfo("verdict: %s %s", qPrintable(toString(run.phase)), qPrintable(run.message));

        const QString runFile = m_scratch.filePath(u"run.json"_s);
        QFile json(runFile);
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(QJsonDocument(run.toJson()).toJson());
        json.close();

        const QString home = m_scratch.filePath(u"home"_s);
        QVERIFY(QDir().mkpath(home + u"/runtime"_s));
        QFile::setPermissions(home + u"/runtime"_s, QFileDevice::ReadOwner |
                                                        QFileDevice::WriteOwner |
                                                        QFileDevice::ExeOwner);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(u"QT_QPA_PLATFORM"_s); // ctest sets offscreen for widget tests
        env.insert(u"DISPLAY"_s, m_display);
        env.insert(u"XDG_RUNTIME_DIR"_s, home + u"/runtime"_s);
        env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
        const QString report = m_scratch.filePath(u"report.json"_s);
        QProcess view;
        view.setProcessEnvironment(env);
        view.setProcessChannelMode(QProcess::ForwardedChannels);
        view.start(u"" STEVEDORE_VERIFICATION_VIEW_PATH ""_s,
                   {runFile, report, m_prometheus.url()});
        QVERIFY(view.waitForStarted(5000));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(report), 20000);

        const QString shot = u"" STEVEDORE_ARTIFACTS_DIR "/verification.png"_s;
        QVERIFY(screenshot(env, shot));
        QFile reportFile(report);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        const QJsonArray charts =
            QJsonDocument::fromJson(reportFile.readAll()).object().value(u"charts"_s).toArray();
        QCOMPARE(charts.size(), 2);
        // The last hour, from the range query.
        QVERIFY(charts.at(0).toObject().value(u"rangeSeries"_s).toInt() >= 1);

        // At every point on screen, the colour of its measurement's phase.
        const QImage image(shot);
        QVERIFY(!image.isNull());
        QPoint failedPoint;
        int checked = 0;
        for (const QJsonValue &chart : charts) {
            for (const QJsonValue &value : chart.toObject().value(u"points"_s).toArray()) {
                const QJsonObject point = value.toObject();
                const QPoint at(point.value(u"x"_s).toInt(), point.value(u"y"_s).toInt());
                const QString phase = point.value(u"phase"_s).toString();
                if (!point.value(u"visible"_s).toBool())
                    continue;
                QVERIFY2(near(image, at, phaseColors.value(phase)) >= 8,
                         qPrintable(u"%1 point at (%2, %3) is not drawn in its colour"_s.arg(phase)
                                        .arg(at.x())
                                        .arg(at.y())));
                ++checked;
                if (phase == u"Failed" && failedPoint.isNull())
                    failedPoint = at;
            }
        }
        // Both charts fit on this screen: every point is checked.
        QCOMPARE(checked, 20);

        // Hovering a failed measurement shows its exact value and time.
        if (!failedPoint.isNull()) {
            QProcess move;
            move.setProcessEnvironment(env);
            move.start(m_xdotool, {u"mousemove"_s, QString::number(failedPoint.x()),
                                   QString::number(failedPoint.y())});
            QVERIFY(move.waitForFinished(5000));
            QTest::qWait(1500);
            const QString hover = u"" STEVEDORE_ARTIFACTS_DIR "/verification-tooltip.png"_s;
            QVERIFY(screenshot(env, hover));
            // The tooltip covers part of the screen that was chart before.
            QVERIFY(QImage(hover) != image);
        }
        stop(view);
    }

private:
    bool screenshot(const QProcessEnvironment &env, const QString &file)
    {
        QProcess import;
        import.setProcessEnvironment(env);
        import.start(m_import, {u"-display"_s, m_display, u"-window"_s, u"root"_s, file});
        return import.waitForFinished(20000) && import.exitCode() == 0;
    }

    QTemporaryDir m_scratch;
    TestPrometheus m_prometheus;
    QString m_xvfb;
    QString m_import;
    QString m_xdotool;
    QString m_display;
    QString m_socket;
    QProcess m_server;
};

QTEST_GUILESS_MAIN(TestVerificationScreenshot)
#include "tst_verificationscreenshot.moc"
