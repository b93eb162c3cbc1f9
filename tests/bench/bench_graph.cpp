// The pipeline graph at scale: a generated pipeline of 300 stages, 20 warehouses and 5,000
// freight (see largepipeline.h), opened by the real `stevedore` binary on an Xvfb server the
// benchmark starts and stops by its PID.
//  - process start to first paint of the graph: a CLOCK_MONOTONIC timestamp taken before the
//    process is started, against the one the application writes in its layout report when the
//    graph's first paint finished; the same for an empty Qt window (bench_emptywindow);
//    medians of 5 runs;
//  - memory: VmRSS and VmHWM of the application once the pipeline is open and its stages'
//    states and freight have arrived (3 s after the first paint);
//  - panning and zooming: the main window in this process (`--view`, under the same Xvfb),
//    a scripted sequence of scrolls and wheel zooms, each timed from the change to the end of
//    the repaint it causes; median and 95th percentile.
// Prints figures; asserts nothing.
//
//   ./tests/bench/bench_graph [--keep DIR] [--screenshot FILE.png]

#include "engine/enginehost.h"
#include "engine/statepaths.h"
#include "ui/mainwindow.h"
#include "ui/pipelinescene.h"
#include "ui/pipelineview.h"
#include "ui/stagenodeitem.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QWheelEvent>

#include <algorithm>
#include <functional>
#include <time.h>

#include "tests/bench/largepipeline.h"
#include "tests/bench/xvfbserver.h"

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

constexpr int runs = 5;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

/// The machine's load averages: figures taken on a shared machine need them beside them.
QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

double monotonicMs()
{
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype index =
        std::min(values.size() - 1, qsizetype(std::ceil(p * double(values.size())) - 1));
    return values.at(std::max<qsizetype>(0, index));
}

double median(const QList<double> &values)
{
    return percentile(values, 0.5);
}

/// `VmRSS` and `VmHWM` of @p pid, in MiB.
std::pair<double, double> memoryOf(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    double rss = 0;
    double hwm = 0;
    if (!status.open(QIODevice::ReadOnly))
        return {rss, hwm};
    for (const QByteArray &line : status.readAll().split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() >= 2 && parts.first() == "VmRSS:")
            rss = parts.at(1).toDouble() / 1024;
        else if (parts.size() >= 2 && parts.first() == "VmHWM:")
            hwm = parts.at(1).toDouble() / 1024;
    }
    return {rss, hwm};
}

void stop(QProcess &process)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate(); // SIGTERM to the PID we started
    if (!process.waitForFinished(5000)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

QProcessEnvironment guiEnvironment(const QString &display, const QString &home)
{
    QDir().mkpath(home + u"/runtime"_s);
    QFile::setPermissions(home + u"/runtime"_s,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"QT_QPA_PLATFORM"_s);
    env.insert(u"DISPLAY"_s, display);
    env.insert(u"XDG_RUNTIME_DIR"_s, home + u"/runtime"_s);
    env.insert(u"XDG_CONFIG_HOME"_s, home + u"/config"_s);
    env.insert(u"XDG_DATA_HOME"_s, home + u"/data"_s);
    return env;
}

struct AppRun
{
    double firstPaintMs = -1; ///< from the bench's timestamp before starting it
    double sinceStartMs = -1; ///< as the application measured it from /proc
    double rssMiB = 0;
    double hwmMiB = 0;
};

AppRun runApplication(const QString &display, const QString &home, const QString &pipeline,
                      const QString &state, const QString &screenshot)
{
    AppRun result;
    const QString report = home + u"/layout.json"_s;
    QFile::remove(report);
    QProcess app;
    app.setProcessEnvironment(guiEnvironment(display, home));
    app.setStandardOutputFile(QProcess::nullDevice());
    app.setStandardErrorFile(home + u"/stderr.txt"_s);
    const double started = monotonicMs();
    app.start(QStringLiteral(STEVEDORE_GUI_PATH),
              {u"--state-dir"_s, state, u"--offline"_s, u"--layout-report"_s, report, pipeline});
    if (!app.waitForStarted(10000))
        qFatal("stevedore does not start");
    const qint64 appPid = app.processId();
    Bench::stopOnFatal(appPid);
    const QDeadlineTimer deadline(120000);
    while (!QFile::exists(report)) {
        if (deadline.hasExpired() || app.state() != QProcess::Running)
            qFatal("stevedore wrote no layout report");
        QThread::msleep(5);
    }
    QThread::msleep(20);
    QFile file(report);
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonObject paint =
            QJsonDocument::fromJson(file.readAll()).object().value(u"firstPaint"_s).toObject();
        result.firstPaintMs = paint.value(u"monotonicMs"_s).toDouble() - started;
        result.sinceStartMs = paint.value(u"sinceProcessStartMs"_s).toDouble();
    }
    // Stage states, freight and the dock fill in after the first paint.
    QThread::msleep(3000);
    std::tie(result.rssMiB, result.hwmMiB) = memoryOf(app.processId());
    if (!screenshot.isEmpty()) {
        QProcess import;
        import.setProcessEnvironment(guiEnvironment(display, home));
        import.start(u"import"_s, {u"-display"_s, display, u"-window"_s, u"root"_s, screenshot});
        import.waitForFinished(30000);
    }
    Bench::forgetOnFatal(appPid);
    stop(app);
    return result;
}

double runEmptyWindow(const QString &display, const QString &home)
{
    QProcess app;
    app.setProcessEnvironment(guiEnvironment(display, home));
    const double started = monotonicMs();
    app.start(QStringLiteral(STEVEDORE_EMPTY_WINDOW_PATH), {});
    if (!app.waitForFinished(30000))
        qFatal("bench_emptywindow does not finish");
    return app.readAllStandardOutput().trimmed().toDouble() - started;
}

/// `--view PIPELINE STATE`: the main window in this process, scripted.
int viewMain(int argc, char *argv[])
{
    const QString pipeline = QString::fromLocal8Bit(argv[2]);
    StatePaths::setOverride(QString::fromLocal8Bit(argv[3]));
    QApplication app(argc, argv);
    EngineHost engine;
    MainWindow window(&engine);
    window.setDiscoveryEnabled(false);
    window.resize(1280, 800);
    window.show();
    bool shown = false;
    QObject::connect(&window, &MainWindow::pipelineShown, &window, [&shown] { shown = true; });
    window.openPipeline(pipeline);
    // Waiting sleeps in the event loop: a spinning loop would take a core from the engine.
    QTimer tick;
    tick.start(20);
    const QDeadlineTimer deadline(60000);
    while (!shown && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    // Let stage states and freight arrive and the fit happen.
    const QDeadlineTimer settle(3000);
    while (!settle.hasExpired())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    tick.stop();

    PipelineView *view = window.view();
    int paints = 0;
    QObject::connect(view, &PipelineView::painted, view, [&paints] { ++paints; });
    auto step = [&](QList<double> &times, const std::function<void()> &change) {
        const int before = paints;
        QElapsedTimer timer;
        timer.start();
        change();
        QCoreApplication::processEvents();
        if (paints > before)
            times.append(double(timer.nsecsElapsed()) / 1e6);
    };
    auto pan = [&](QList<double> &times, int steps, int dx, int dy) {
        for (int i = 0; i < steps; ++i) {
            step(times, [&] {
                view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value() + dx);
                view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + dy);
            });
        }
    };
    auto wheel = [&](QList<double> &times, int steps, int delta) {
        const QPointF at(view->viewport()->width() / 2.0, view->viewport()->height() / 2.0);
        for (int i = 0; i < steps; ++i) {
            step(times, [&] {
                QWheelEvent event(at, view->viewport()->mapToGlobal(at), QPoint(), QPoint(0, delta),
                                  Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
                QCoreApplication::sendEvent(view->viewport(), &event);
            });
        }
    };

    QList<double> panNear;
    QList<double> zoom;
    QList<double> panFar;
    view->setZoom(1.0);
    view->centerOn(view->sceneRect().topLeft() + QPointF(600, 400));
    QCoreApplication::processEvents();
    pan(panNear, 40, 60, 0);
    pan(panNear, 30, 0, 60);
    pan(panNear, 40, -60, -30);
    view->centerOn(view->sceneRect().center());
    QCoreApplication::processEvents();
    wheel(zoom, 12, -120); // out, to the whole pipeline
    wheel(zoom, 12, 120);  // and back in
    wheel(zoom, 12, -120);
    pan(panFar, 40, 40, 0);
    pan(panFar, 40, 0, 40);

    QList<double> all = panNear + zoom + panFar;
    auto line = [](const QString &what, const QList<double> &times) {
        out() << u"  %1: median %2 ms, p95 %3 ms, max %4 ms (%5 repaints)\n"_s.arg(what)
                     .arg(median(times), 0, 'f', 2)
                     .arg(percentile(times, 0.95), 0, 'f', 2)
                     .arg(percentile(times, 1.0), 0, 'f', 2)
                     .arg(times.size());
    };
    line(u"pan at 100%"_s, panNear);
    line(u"wheel zoom 100% <-> 20%"_s, zoom);
    line(u"pan zoomed out (whole pipeline)"_s, panFar);
    line(u"all"_s, all);
    out() << u"REPAINT %1 %2\n"_s.arg(median(all), 0, 'f', 2).arg(percentile(all, 0.95), 0, 'f', 2);
    out().flush();
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc >= 4 && qstrcmp(argv[1], "--view") == 0)
        return viewMain(argc, argv);

    QCoreApplication app(argc, argv);
    QString keep;
    QString screenshot;
    const QStringList arguments = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < arguments.size(); ++i) {
        if (arguments.at(i) == u"--keep")
            keep = arguments.at(i + 1);
        else if (arguments.at(i) == u"--screenshot")
            screenshot = arguments.at(i + 1);
    }
    QTemporaryDir scratch;
    const QString root = keep.isEmpty() ? scratch.path() : keep;
    const QString state = root + u"/state"_s;

    QString pipeline = root + u"/pipeline"_s;
    if (!QFile::exists(pipeline + u"/pipeline.yaml"_s)) {
        QElapsedTimer timer;
        timer.start();
        QString error;
        pipeline = Bench::writeLargePipeline(root, state, {}, &error);
        if (pipeline.isEmpty())
            qFatal("cannot generate the pipeline: %s", qPrintable(error));
        out() << u"generated 300 stages, 20 warehouses, 5000 freight in %1 s under %2\n"_s
                     .arg(double(timer.elapsed()) / 1000, 0, 'f', 1)
                     .arg(root);
        out().flush();
    }

    Bench::XvfbServer xvfb;
    if (!xvfb.start())
        qFatal("Xvfb does not start");
    out() << u"load average at the start: %1\n"_s.arg(loadAverage());

    QList<double> appPaint;
    QList<double> appSinceStart;
    QList<double> rss;
    QList<double> hwm;
    for (int i = 0; i < runs; ++i) {
        const AppRun run = runApplication(xvfb.display(), root + u"/home-%1"_s.arg(i), pipeline,
                                          state, i == 0 ? screenshot : QString());
        appPaint.append(run.firstPaintMs);
        appSinceStart.append(run.sinceStartMs);
        rss.append(run.rssMiB);
        hwm.append(run.hwmMiB);
        out() << u"  run %1: first paint %2 ms (the app's own count from /proc: %3 ms), "
                 u"VmRSS %4 MiB, VmHWM %5 MiB\n"_s.arg(i + 1)
                     .arg(run.firstPaintMs, 0, 'f', 1)
                     .arg(run.sinceStartMs, 0, 'f', 0)
                     .arg(run.rssMiB, 0, 'f', 1)
                     .arg(run.hwmMiB, 0, 'f', 1);
        out().flush();
    }
    QList<double> emptyPaint;
    for (int i = 0; i < runs; ++i)
        emptyPaint.append(runEmptyWindow(xvfb.display(), root + u"/empty"_s));

    out() << u"start to first paint: stevedore %1 ms (goal <= 500 ms: %2), empty Qt window "
             u"%3 ms; medians of %4\n"_s.arg(median(appPaint), 0, 'f', 1)
                 .arg(median(appPaint) <= 500 ? u"met"_s : u"missed"_s)
                 .arg(median(emptyPaint), 0, 'f', 1)
                 .arg(runs);
    out() << u"memory with the pipeline open: VmRSS %1 MiB, VmHWM %2 MiB (goal <= 300 MB: %3)\n"_s
                 .arg(median(rss), 0, 'f', 1)
                 .arg(median(hwm), 0, 'f', 1)
                 .arg(median(hwm) * 1.048576 <= 300 ? u"met"_s : u"missed"_s);
    out().flush();

    QProcess view;
    view.setProcessEnvironment(guiEnvironment(xvfb.display(), root + u"/home-view"_s));
    view.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    view.start(QCoreApplication::applicationFilePath(), {u"--view"_s, pipeline, state});
    const qint64 viewPid = view.waitForStarted(10000) ? view.processId() : 0;
    Bench::stopOnFatal(viewPid);
    if (!view.waitForFinished(300000))
        qFatal("the repaint run does not finish");
    Bench::forgetOnFatal(viewPid);
    const QString figures = QString::fromUtf8(view.readAllStandardOutput());
    double repaintMedian = -1;
    for (const QString &figure : figures.split(u'\n')) {
        if (figure.startsWith(u"REPAINT ")) {
            repaintMedian = figure.section(u' ', 1, 1).toDouble();
            continue;
        }
        if (!figure.isEmpty())
            out() << figure << u'\n';
    }
    out() << u"load average at the end: %1\n"_s.arg(loadAverage());
    out() << u"pan/zoom repaint median %1 ms (goal <= 16 ms: %2)\n"_s.arg(repaintMedian, 0, 'f', 2)
                 .arg(repaintMedian >= 0 && repaintMedian <= 16 ? u"met"_s : u"missed"_s);
    out().flush();
    return 0;
}
