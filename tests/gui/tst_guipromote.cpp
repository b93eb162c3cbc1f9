// The demo pipeline end to end on a real X server (Xvfb), driven as a user drives it: the real
// `stevedore` starts on its embedded demo (local git repositories, no servers), discovers the
// demo application's release, and xdotool drags that freight from the Freight dock onto `dev`
// (a real XDND drag). The review shows the dry run's diff; a click on Promote; the commit
// lands in the local GitOps repository as the test's git identity. Then the freight is dragged
// on from dev's node to staging, whose review opens. Screenshots are kept under the build
// folder for people to look at.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

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

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TestGuiPromote : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { stop(m_server); }
    void dragFreightOntoDevAndPromote();

private:
    bool tool(const QStringList &arguments);
    void screenshot(const QString &name);
    QString git(const QStringList &arguments) const;

    QTemporaryDir m_scratch;
    QString m_display;
    QProcessEnvironment m_env;
    QProcess m_server;
};

bool TestGuiPromote::tool(const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(m_env);
    process.start(u"xdotool"_s, arguments);
    return process.waitForFinished(10000) && process.exitCode() == 0;
}

void TestGuiPromote::screenshot(const QString &name)
{
    QProcess import;
    import.setProcessEnvironment(m_env);
    import.start(u"import"_s, {u"-display"_s, m_display, u"-window"_s, u"root"_s,
                               QStringLiteral(STEVEDORE_ARTIFACTS_DIR "/") + name});
    QVERIFY(import.waitForFinished(20000));
    QCOMPARE(import.exitCode(), 0);
}

QString TestGuiPromote::git(const QStringList &arguments) const
{
    QProcess process;
    process.start(u"git"_s,
                  QStringList{u"--git-dir"_s, m_scratch.filePath(u"state/demo/gitops.git"_s)} +
                      arguments);
    process.waitForFinished(10000);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

void TestGuiPromote::initTestCase()
{
    for (const char *tool : {"Xvfb", "import", "xdotool"})
        QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty(),
                 "run installer/install-deps.sh --test");
    QVERIFY(m_scratch.isValid());
    QVERIFY(QDir().mkpath(QStringLiteral(STEVEDORE_ARTIFACTS_DIR)));
    for (int n = 300; n < 500; ++n) {
        if (!QFileInfo::exists(u"/tmp/.X11-unix/X%1"_s.arg(n)) &&
            !QFileInfo::exists(u"/tmp/.X%1-lock"_s.arg(n))) {
            m_display = u":%1"_s.arg(n);
            break;
        }
    }
    QVERIFY(!m_display.isEmpty());
    m_server.setStandardOutputFile(QProcess::nullDevice());
    m_server.setStandardErrorFile(QProcess::nullDevice());
    m_server.start(u"Xvfb"_s,
                   {m_display, u"-screen"_s, u"0"_s, u"1400x900x24"_s, u"-nolisten"_s, u"tcp"_s});
    QVERIFY(m_server.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(u"/tmp/.X11-unix/X"_s + m_display.mid(1)), 10000);

    const QString home = m_scratch.filePath(u"home"_s);
    QVERIFY(QDir().mkpath(home + u"/runtime"_s));
    QFile::setPermissions(home + u"/runtime"_s,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QFile config(home + u"/.gitconfig"_s);
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("[user]\n\tname = Demo Tester\n\temail = tester@example.test\n");
    config.close();
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.remove(u"QT_QPA_PLATFORM"_s); // ctest sets offscreen for widget tests
    m_env.insert(u"DISPLAY"_s, m_display);
    m_env.insert(u"HOME"_s, home);
    m_env.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    m_env.insert(u"XDG_RUNTIME_DIR"_s, home + u"/runtime"_s);
    m_env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    m_env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
}

void TestGuiPromote::dragFreightOntoDevAndPromote()
{
    const QString report = m_scratch.filePath(u"layout.json"_s);
    QProcess app;
    app.setProcessEnvironment(m_env);
    app.setProcessChannelMode(QProcess::ForwardedChannels);
    // No pipeline given and no recent one: the embedded demo, with discovery on.
    app.start(QStringLiteral(STEVEDORE_GUI_PATH),
              {u"--state-dir"_s, m_scratch.filePath(u"state"_s), u"--layout-report"_s, report});
    QVERIFY(app.waitForStarted(5000));
    const auto stopApp = qScopeGuard([&app] { stop(app); });
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(report), 20000);
    const QJsonObject layout = readJson(report);
    const QJsonObject list = layout.value(u"freightList"_s).toObject();
    const auto centre = [](const QJsonObject &rect) {
        return QPoint(rect.value(u"x"_s).toInt() + rect.value(u"width"_s).toInt() / 2,
                      rect.value(u"y"_s).toInt() + rect.value(u"height"_s).toInt() / 2);
    };
    QPoint dev;
    QPoint devFreight;
    QPoint staging;
    for (const QJsonValue &value : layout.value(u"nodes"_s).toArray()) {
        const QJsonObject node = value.toObject();
        if (node.value(u"name"_s).toString() == u"dev") {
            dev = centre(node);
            devFreight = centre(node.value(u"freightLine"_s).toObject());
        } else if (node.value(u"name"_s).toString() == u"staging") {
            staging = centre(node);
        }
    }
    QVERIFY(!dev.isNull() && !devFreight.isNull() && !staging.isNull());
    const QString before = git({u"rev-parse"_s, u"main"_s});
    QVERIFY(!before.isEmpty());

    // Discovery of the demo's local application repository makes the freight.
    const QPoint item(list.value(u"x"_s).toInt() + 40, list.value(u"y"_s).toInt() + 14);
    const auto freightStored = [this] {
        QProcess cli;
        cli.setProcessEnvironment(m_env);
        cli.start(QStringLiteral(STEVEDORECTL_PATH),
                  {u"--state-dir"_s, m_scratch.filePath(u"state"_s), u"freight"_s,
                   m_scratch.filePath(u"state/demo/pipeline"_s), u"--json"_s});
        cli.waitForFinished(10000);
        return !QJsonDocument::fromJson(cli.readAllStandardOutput()).array().isEmpty();
    };
    QTRY_VERIFY_WITH_TIMEOUT(freightStored(), 30000);
    QTest::qWait(1000);
    screenshot(u"promote-1-freight.png"_s);

    // A real drag: press on the freight, move over the graph in steps, release on dev.
    const QString review = report + u".review.json"_s;
    QVERIFY(tool({u"mousemove"_s, QString::number(item.x()), QString::number(item.y()),
                  u"mousedown"_s, u"1"_s}));
    for (int i = 1; i <= 12; ++i) {
        const QPoint at = item + (dev - item) * i / 12;
        QVERIFY(tool({u"mousemove"_s, QString::number(at.x()), QString::number(at.y())}));
        QTest::qWait(80);
    }
    QTest::qWait(600);
    screenshot(u"promote-2-dragging.png"_s);
    QVERIFY(tool({u"mouseup"_s, u"1"_s}));

    // The review, filled by the dry run.
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(review), 20000);
    const QJsonObject shown = readJson(review);
    QCOMPARE(shown.value(u"stage"_s).toString(), u"dev"_s);
    const QString diff = shown.value(u"diff"_s).toString();
    QVERIFY2(diff.contains(u"diff --git a/env/dev/values.yaml b/env/dev/values.yaml\n"_s),
             qPrintable(diff));
    QVERIFY2(diff.contains(u"\n-  version: v1.0.0  # the release running here\n"
                           u"-  commit: "_s),
             qPrintable(diff));
    QVERIFY2(diff.contains(u"\n+  version: v1.2.0  # the release running here\n"
                           u"+  commit: "_s),
             qPrintable(diff));
    QCOMPARE(shown.value(u"identity"_s).toString(), u"Demo Tester <tester@example.test>"_s);
    QVERIFY(shown.value(u"promoteEnabled"_s).toBool());
    QTest::qWait(500);
    screenshot(u"promote-3-review.png"_s);

    const QJsonObject button = shown.value(u"promoteButton"_s).toObject();
    QVERIFY(
        tool({u"mousemove"_s,
              QString::number(button.value(u"x"_s).toInt() + button.value(u"width"_s).toInt() / 2),
              QString::number(button.value(u"y"_s).toInt() + button.value(u"height"_s).toInt() / 2),
              u"click"_s, u"1"_s}));
    QTRY_VERIFY_WITH_TIMEOUT(git({u"rev-parse"_s, u"main"_s}) != before, 20000);
    QCOMPARE(git({u"log"_s, u"-1"_s, u"--format=%an <%ae>|%s"_s, u"main"_s}),
             u"Demo Tester <tester@example.test>|Promote demo app v1.2.0 to dev"_s);
    QCOMPARE(git({u"rev-parse"_s, u"main~1"_s}), before);
    QVERIFY(git({u"show"_s, u"main:env/dev/values.yaml"_s}).contains(u"version: v1.2.0"_s));
    QTest::qWait(1500);
    screenshot(u"promote-4-done.png"_s);

    // Onwards from dev's node: close the review, drag the freight line onto staging.
    const QJsonObject close = shown.value(u"closeButton"_s).toObject();
    QVERIFY(tool({u"mousemove"_s, QString::number(centre(close).x()),
                  QString::number(centre(close).y()), u"click"_s, u"1"_s}));
    QTest::qWait(500);
    QFile::remove(review);
    QVERIFY(tool({u"mousemove"_s, QString::number(devFreight.x()), QString::number(devFreight.y()),
                  u"mousedown"_s, u"1"_s}));
    for (int i = 1; i <= 12; ++i) {
        const QPoint at = devFreight + (staging - devFreight) * i / 12;
        QVERIFY(tool({u"mousemove"_s, QString::number(at.x()), QString::number(at.y())}));
        QTest::qWait(80);
    }
    QTest::qWait(600);
    screenshot(u"promote-5-onwards.png"_s);
    QVERIFY(tool({u"mouseup"_s, u"1"_s}));
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(review), 20000);
    const QJsonObject onwards = readJson(review);
    QCOMPARE(onwards.value(u"stage"_s).toString(), u"staging"_s);
    QCOMPARE(onwards.value(u"freight"_s).toString(), shown.value(u"freight"_s).toString());
    QVERIFY2(onwards.value(u"diff"_s).toString().contains(
                 u"diff --git a/env/staging/values.yaml b/env/staging/values.yaml\n"_s),
             qPrintable(onwards.value(u"diff"_s).toString()));
    QTest::qWait(500);
    screenshot(u"promote-6-staging-review.png"_s);
}

QTEST_GUILESS_MAIN(TestGuiPromote)
#include "tst_guipromote.moc"
