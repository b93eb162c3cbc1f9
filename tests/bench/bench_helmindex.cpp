// Reading one chart's versions from a 25 MB Helm repository index (300 charts x 50 versions, the
// fields Bitnami's index has): Stevedore's streaming reader against a whole-document parse with
// PyYAML's libyaml loader (Debian's python3-yaml) and with yaml-cpp. Each reader runs in a child
// process of its own, which reports its time and its peak resident memory (VmHWM); the goal for
// ours is at most 1.0 s and 64 MiB. Prints figures; asserts nothing.
//
//   ./tests/bench/bench_helmindex [--keep FILE]

#include "engine/chartselection.h"
#include "engine/helmindex.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <vector>
#include <yaml-cpp/yaml.h>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

constexpr int chartCount = 300;
constexpr int versionsPerChart = 50;
constexpr int runs = 3;
constexpr double goalSeconds = 1.0;
constexpr double goalMegabytes = 64.0;
const QString chart = u"chart-150"_s; // in the middle: charts before and after are skipped
const QString constraint = u"^3"_s;
const QUrl repositoryURL(u"https://charts.example.com/example"_s);

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

/// This process's peak resident set size in kB, from /proc/self/status.
qint64 peakRssKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines)
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

QByteArray hex(QRandomGenerator &random, int bytes)
{
    QByteArray data(bytes, Qt::Uninitialized);
    for (char &c : data)
        c = char(random.bounded(256));
    return data.toHex();
}

/// Block-style YAML as `helm repo index` writes it, charts and keys in sorted order.
void generateIndex(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    QRandomGenerator random(42);
    QByteArray text = "apiVersion: v1\nentries:\n";
    QStringList names;
    for (int c = 0; c < chartCount; ++c)
        names.append(u"chart-%1"_s.arg(c));
    names.sort();
    for (const QString &nameText : std::as_const(names)) {
        const QByteArray name = nameText.toUtf8();
        text += "  " + name + ":\n";
        for (int v = versionsPerChart - 1; v >= 0; --v) {
            const QByteArray version = QByteArray::number(v / 10) + '.' +
                                       QByteArray::number(v % 10) + '.' +
                                       QByteArray::number(random.bounded(20));
            const QByteArray appVersion =
                QByteArray::number(1 + v / 7) + '.' + QByteArray::number(random.bounded(30)) + ".0";
            const QByteArray created =
                QDateTime::fromSecsSinceEpoch(1600000000 + v * 86400 + random.bounded(86400),
                                              Qt::UTC)
                    .toString(Qt::ISODate)
                    .toUtf8()
                    .replace("Z",
                             QByteArray("." + QByteArray::number(random.bounded(999999999)) + "Z"));
            text += "  - annotations:\n"
                    "      artifacthub.io/changes: |\n"
                    "        - kind: changed\n"
                    "          description: Upgrade " +
                    name + " to appVersion " + appVersion + " (#" +
                    QByteArray::number(random.bounded(30000)) +
                    ")\n"
                    "        - kind: fixed\n"
                    "          description: 'Fix the service account name: use the release name'\n"
                    "      artifacthub.io/images: |\n"
                    "        - name: " +
                    name +
                    "\n"
                    "          image: docker.io/example/" +
                    name + ":" + appVersion + "-debian-12-r" +
                    QByteArray::number(random.bounded(40)) +
                    "\n"
                    "        - name: os-shell\n"
                    "          image: docker.io/example/os-shell:12-debian-12-r" +
                    QByteArray::number(random.bounded(40)) +
                    "\n"
                    "      artifacthub.io/license: Apache-2.0\n"
                    "      category: Infrastructure\n"
                    "      licenses: Apache-2.0\n"
                    "    apiVersion: v2\n"
                    "    appVersion: " +
                    appVersion +
                    "\n"
                    "    created: \"" +
                    created +
                    "\"\n"
                    "    dependencies:\n"
                    "    - name: common\n"
                    "      repository: oci://registry-1.docker.io/examplecharts\n"
                    "      tags:\n"
                    "      - example-common\n"
                    "      version: 2.x.x\n"
                    "    description: " +
                    name +
                    " is an open source, distributed, highly available service that does one "
                    "thing well and scales it out on Kubernetes clusters of any size. The Example "
                    "team maintains it.\n"
                    "    digest: " +
                    hex(random, 32) +
                    "\n"
                    "    kubeVersion: \">=1.23.0-0\"\n"
                    "    home: https://example.com/charts/" +
                    name +
                    "\n"
                    "    icon: https://example.com/assets/stacks/" +
                    name + "/img/" + name +
                    "-stack-220x234.png\n"
                    "    keywords:\n"
                    "    - " +
                    name +
                    "\n"
                    "    - database\n"
                    "    - cache\n"
                    "    - cluster\n"
                    "    - replication\n"
                    "    maintainers:\n"
                    "    - name: Example Inc.\n"
                    "      url: https://github.com/example/charts\n"
                    "    name: " +
                    name +
                    "\n"
                    "    type: application\n"
                    "    sources:\n"
                    "    - https://github.com/example/charts/tree/main/example/" +
                    name +
                    "\n"
                    "    - https://github.com/example/containers/tree/main/example/" +
                    name +
                    "\n"
                    "    urls:\n"
                    "    - https://charts.example.com/example/" +
                    name + "-" + version +
                    ".tgz\n"
                    "    version: " +
                    version + "\n";
        }
        file.write(text);
        text.clear();
    }
    file.write("generated: \"2024-05-01T12:00:00.123456789Z\"\n");
}

// ---- child modes: print "<seconds> <peak kB> <selected> <best>" ----------------------------

int childStevedore(const QString &path)
{
    QElapsedTimer clock;
    clock.start();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 1;
    QString error;
    const auto index = HelmIndexReader::read(file, {chart}, repositoryURL, &error);
    if (!index) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const auto selected = ChartSelection::select(index->versions(chart), {constraint, 20}, &error);
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    std::printf("%.3f %lld %lld %s\n", seconds, peakRssKiB(), qlonglong(selected->size()),
                qPrintable(selected->value(0).version));
    return 0;
}

int childYamlCpp(const QString &path)
{
    QElapsedTimer clock;
    clock.start();
    const YAML::Node root = YAML::LoadFile(path.toStdString());
    QStringList versions;
    for (const YAML::Node &entry : root["entries"][chart.toStdString()])
        versions.append(QString::fromStdString(entry["version"].as<std::string>()));
    const auto selected = ChartSelection::select(versions, {constraint, 20});
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    std::printf("%.3f %lld %lld %s\n", seconds, peakRssKiB(), qlonglong(selected->size()),
                qPrintable(selected->value(0)));
    return 0;
}

int childIdle()
{
    std::printf("0 %lld 0 -\n", peakRssKiB());
    return 0;
}

struct Figures
{
    double seconds = 0;
    double megabytes = 0;
    QString selection;
    bool ok = false;
};

Figures parseFigures(const QByteArray &output)
{
    const QList<QByteArray> fields = output.trimmed().split(' ');
    Figures figures;
    if (fields.size() < 4)
        return figures;
    figures.seconds = fields[0].toDouble();
    figures.megabytes = fields[1].toDouble() / 1024.0;
    if (fields[3] != "-")
        figures.selection = QString::fromUtf8(fields[2] + " selected, best " + fields[3]);
    else if (fields[2] != "0")
        figures.selection = QString::fromUtf8(fields[2] + " read (no selection)");
    figures.ok = true;
    return figures;
}

/// Median time and highest peak of @p count runs.
Figures measure(const QString &program, const QStringList &arguments, int count)
{
    std::vector<Figures> all;
    for (int i = 0; i < count; ++i) {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(600'000) || process.exitCode() != 0) {
            out() << "  " << program << " failed: " << process.readAllStandardError() << "\n";
            return {};
        }
        all.push_back(parseFigures(process.readAllStandardOutput()));
        if (!all.back().ok)
            return {};
    }
    std::sort(all.begin(), all.end(),
              [](const Figures &a, const Figures &b) { return a.seconds < b.seconds; });
    Figures median = all[all.size() / 2];
    for (const Figures &figures : all)
        median.megabytes = std::max(median.megabytes, figures.megabytes);
    return median;
}

void row(const QString &name, const Figures &figures, const QString &verdict = {})
{
    if (!figures.ok) {
        out() << qSetFieldWidth(34) << Qt::left << name << qSetFieldWidth(0) << "failed\n";
        return;
    }
    out() << qSetFieldWidth(34) << Qt::left << name << qSetFieldWidth(9) << Qt::right
          << u"%1 s"_s.arg(figures.seconds, 0, 'f', 3) << qSetFieldWidth(11)
          << u"%1 MiB"_s.arg(figures.megabytes, 0, 'f', 1) << qSetFieldWidth(0) << "   "
          << figures.selection;
    if (!verdict.isEmpty())
        out() << "   " << verdict;
    out() << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == u"--child") {
        if (args.value(2) == u"stevedore")
            return childStevedore(args.value(3));
        if (args.value(2) == u"yaml-cpp")
            return childYamlCpp(args.value(3));
        return childIdle();
    }

    QTemporaryDir dir;
    QString path = dir.filePath(u"index.yaml"_s);
    if (args.value(1) == u"--keep" && !args.value(2).isEmpty())
        path = args.value(2);
    QElapsedTimer clock;
    clock.start();
    const bool reused = QFileInfo::exists(path);
    if (!reused)
        generateIndex(path);
    out() << "index.yaml: " << u"%1"_s.arg(double(QFileInfo(path).size()) / 1e6, 0, 'f', 1)
          << " MB, " << chartCount << " charts x " << versionsPerChart << " versions ("
          << (reused ? u"reused"_s : u"made in %1 ms"_s.arg(clock.elapsed())) << "); reading "
          << chart << ", selecting " << constraint << " (limit 20); median of " << runs
          << " runs, highest peak RSS\n\n";

    const QString self = QCoreApplication::applicationFilePath();
    const Figures idle = measure(self, {u"--child"_s, u"idle"_s}, 1);
    const Figures ours = measure(self, {u"--child"_s, u"stevedore"_s, path}, runs);
    const bool met = ours.ok && ours.seconds <= goalSeconds && ours.megabytes <= goalMegabytes;
    row(u"Stevedore HelmIndexReader"_s, ours, met ? u"met"_s : u"missed"_s);
    row(u"  (same process, before reading)"_s, idle);
    row(u"yaml-cpp YAML::LoadFile + walk"_s, measure(self, {u"--child"_s, u"yaml-cpp"_s, path}, 1));
    const QString python =
        u"import resource, sys, time, yaml\n"
        u"t = time.perf_counter()\n"
        u"d = yaml.load(open(sys.argv[1]), Loader=yaml.CSafeLoader)\n"
        u"v = [e['version'] for e in d['entries'][sys.argv[2]]]\n"
        u"print('%.3f %d %d %s' % (time.perf_counter() - t,\n"
        u"      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(v), '-'))\n"_s;
    row(u"python3 yaml.load(CSafeLoader)"_s,
        measure(u"/usr/bin/python3"_s, {u"-c"_s, python, path, chart}, 1));
    out() << "\ngoal for Stevedore: <= " << goalSeconds << " s and <= " << goalMegabytes
          << " MiB peak RSS: " << (met ? "met" : "missed") << Qt::endl;
    return 0;
}
