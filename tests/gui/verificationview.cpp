// Helper for tst_verificationscreenshot (not a test itself): shows a stored verification run in
// the real VerificationPanel on the X display it is given, fetches the first metric's last hour
// from Prometheus for its range chart (on a worker thread, like the application), and once all
// is painted writes where things are on screen to a JSON report.
//
// usage: verificationview RUN.json REPORT.json [PROMETHEUS_URL]

#include "engine/prometheusclient.h"
#include "ui/metricchart.h"
#include "ui/verificationpanel.h"

#include <QApplication>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QScrollArea>
#include <QTimer>
#include <QtConcurrent>

#include <cstdio>

using namespace Stevedore;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() < 3) {
        std::fprintf(stderr, "usage: verificationview RUN.json REPORT.json [PROMETHEUS_URL]\n");
        return 2;
    }
    QFile input(arguments.at(1));
    if (!input.open(QIODevice::ReadOnly))
        return 1;
    const VerificationRun run =
        VerificationRun::fromJson(QJsonDocument::fromJson(input.readAll()).object());

    VerificationPanel panel;
    panel.setWindowTitle(QStringLiteral("Verification of %1").arg(run.stage));
    panel.resize(1180, 1080);
    panel.move(0, 0);
    panel.showRun(run);
    panel.show();

    int pending = 0;
    const auto writeReport = [&] {
        QJsonArray charts;
        for (const MetricChart *chart : panel.charts()) {
            QJsonArray points;
            for (int i = 0; i < chart->metric().measurements.size(); ++i) {
                const QPoint at = chart->pointOnScreen(i);
                // Scrolled out of the panel, a point is not on the screen to be looked at.
                bool visible = true;
                for (QWidget *w = chart->parentWidget(); w; w = w->parentWidget()) {
                    if (auto *scroll = qobject_cast<QScrollArea *>(w))
                        visible = scroll->viewport()->rect().contains(
                            scroll->viewport()->mapFromGlobal(at));
                }
                points.append(QJsonObject{
                    {QStringLiteral("x"), at.x()},
                    {QStringLiteral("y"), at.y()},
                    {QStringLiteral("visible"), visible},
                    {QStringLiteral("phase"), toString(chart->metric().measurements.at(i).phase)}});
            }
            charts.append(QJsonObject{{QStringLiteral("metric"), chart->metric().name},
                                      {QStringLiteral("points"), points},
                                      {QStringLiteral("rangeSeries"), chart->rangeSeriesCount()}});
        }
        QSaveFile report(arguments.at(2));
        if (report.open(QIODevice::WriteOnly)) {
            report.write(QJsonDocument(QJsonObject{{QStringLiteral("charts"), charts}}).toJson());
            report.commit();
        }
    };
    const auto reportWhenPainted = [&] {
        if (--pending <= 0)
            QTimer::singleShot(700, &panel, writeReport);
    };

    ++pending;
    if (arguments.size() > 3 && !panel.charts().isEmpty()) {
        // What "Last Hour of This Query" asks for, off the GUI thread.
        MetricChart *chart = panel.charts().first();
        ++pending;
        PrometheusQuery query;
        query.url = QUrl(arguments.at(3));
        query.query = chart->metric().query;
        query.range = true;
        query.end = QDateTime::currentDateTimeUtc();
        query.start = query.end.addSecs(-3600);
        query.stepSeconds = 1;
        query.useKeychain = false;
        auto *watcher = new QFutureWatcher<PrometheusResult>(&panel);
        QObject::connect(watcher, &QFutureWatcher<PrometheusResult>::finished, &panel,
                         [&, watcher, chart] {
                             const PrometheusResult result = watcher->result();
                             chart->setRange(result.series, result.ok() ? QString() : result.error);
                             reportWhenPainted();
                         });
        watcher->setFuture(QtConcurrent::run([query] { return PrometheusClient::run(query); }));
    }
    QTimer::singleShot(500, &panel, reportWhenPainted);
    return QApplication::exec();
}
