// Light and dark palettes: the window is built under each (QApplication::setPalette, as a
// desktop's colour scheme would set it) with the demo pipeline, and the text colours actually
// used — node labels on their cards, the manifest highlighter, the diff highlighter, the
// status colours of the panels — must keep a WCAG contrast of at least 4.5:1 with what they
// are drawn on. Screenshots of both go to <build>/test-artifacts/palette-*.png.

#include "engine/enginehost.h"
#include "engine/statepaths.h"
#include "ui/diffhighlighter.h"
#include "ui/graphnodeitem.h"
#include "ui/mainwindow.h"
#include "ui/metricchart.h"
#include "ui/palettecolors.h"
#include "ui/pipelinescene.h"
#include "ui/pipelineview.h"
#include "ui/sourceview.h"
#include "ui/syntaxhighlighting.h"

#include <QApplication>
#include <QDir>
#include <QPlainTextEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QSyntaxHighlighter>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace Qt::StringLiterals;
using namespace Stevedore;

namespace {

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x3d, 0x6e, 0xa8));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::ToolTipBase, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
    return p;
}

/// The colour a highlighted range is drawn on: its own background (alpha-blended over Base)
/// or Base.
QColor backgroundOf(const QTextCharFormat &format, const QColor &base)
{
    if (!format.hasProperty(QTextFormat::BackgroundBrush))
        return base;
    const QColor tint = format.background().color();
    const qreal a = tint.alphaF();
    return QColor::fromRgbF(tint.redF() * a + base.redF() * (1 - a),
                            tint.greenF() * a + base.greenF() * (1 - a),
                            tint.blueF() * a + base.blueF() * (1 - a));
}

/// Every foreground colour the highlighter set in @p document, with its contrast; fails on
/// the first below 4.5. Returns how many ranges were checked.
int checkDocument(const QTextDocument *document, const QColor &base, QString *failure)
{
    int checked = 0;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
        for (const QTextLayout::FormatRange &range : ranges) {
            if (!range.format.hasProperty(QTextFormat::ForegroundBrush))
                continue;
            const QColor fore = range.format.foreground().color();
            const QColor back = backgroundOf(range.format, base);
            const double ratio = PaletteColors::contrast(fore, back);
            ++checked;
            if (ratio < PaletteColors::readableContrast && failure->isEmpty())
                *failure = u"\"%1\": %2 on %3 is %4:1"_s.arg(
                    block.text().mid(range.start, range.length), fore.name(), back.name(),
                    QString::number(ratio, 'f', 2));
        }
    }
    return checked;
}

} // namespace

class TestPalette : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"stevedore-tests"_s);
        QCoreApplication::setApplicationName(u"tst_palette"_s);
        QVERIFY(m_state.isValid());
        StatePaths::setOverride(m_state.path());
        QSettings().clear();
        m_artifacts = QStringLiteral(STEVEDORE_BINARY_DIR) + u"/test-artifacts"_s;
        QVERIFY(QDir().mkpath(m_artifacts));
    }

    void cleanup() { QApplication::setPalette(QApplication::style()->standardPalette()); }

    void textStaysReadable_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << QApplication::style()->standardPalette() << false;
        QTest::newRow("dark") << darkPalette() << true;
    }

    void textStaysReadable()
    {
        QFETCH(QPalette, palette);
        QFETCH(bool, dark);
        QApplication::setPalette(palette);
        QCOMPARE(PaletteColors::isDark(QApplication::palette()), dark);

        EngineHost engine;
        MainWindow window(&engine);
        window.setDiscoveryEnabled(false);
        window.resize(1200, 760);
        window.show();
        QSignalSpy shown(&window, &MainWindow::pipelineShown);
        window.openDemoPipeline();
        QVERIFY(shown.wait(20000));
        QVERIFY(!window.scene()->nodeItems().isEmpty());
        window.scene()->selectStage(window.pipeline().stages.first().name);
        QTest::qWait(200);

        // Node labels on their cards, stage colours as the manifests give them.
        const QList<GraphNodeItem *> nodes = window.scene()->nodeItems();
        for (const GraphNodeItem *node : nodes) {
            const QColor fill = node->fillColor();
            const double ratio = PaletteColors::contrast(GraphNodeItem::inkOn(fill), fill);
            QVERIFY2(ratio >= PaletteColors::readableContrast,
                     qPrintable(u"%1: label on %2 is %3:1"_s.arg(node->name(), fill.name())
                                    .arg(ratio, 0, 'f', 2)));
        }

        // The graph's background follows the palette.
        const QImage view = window.view()->viewport()->grab().toImage();
        const QColor corner = view.pixelColor(2, 2);
        QVERIFY2(dark ? PaletteColors::luminance(corner) < 0.1
                      : PaletteColors::luminance(corner) > 0.8,
                 qPrintable(corner.name()));

        // The manifest as the Manifest panel highlights it.
        QVERIFY(window.sourceView()->showLocation(window.pipeline().stages.first().location));
        QPlainTextEdit *editor = window.sourceView()->editor();
        QVERIFY(!editor->document()->isEmpty());
        QString failure;
        const int yamlRanges =
            checkDocument(editor->document(), editor->palette().color(QPalette::Base), &failure);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY2(yamlRanges > 10, qPrintable(QString::number(yamlRanges)));

        // Every kind of YAML token, and a diff.
        QTextDocument yaml;
        yaml.setPlainText(u"# a comment\n---\nkind: Stage\nmetadata:\n  name: &anchor \"dev\"\n"
                          u"  count: 3\n  enabled: true\n  ref: *anchor\n"
                          u"  image: ${{ imageFrom(vars.repo).Tag }}\n  text: 'quoted'\n"_s);
        std::unique_ptr<QSyntaxHighlighter> yamlHighlighter(createYamlHighlighter(&yaml));
        yamlHighlighter->rehighlight();
        failure.clear();
        QVERIFY(checkDocument(&yaml, palette.color(QPalette::Base), &failure) >= 8);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        QTextDocument diff;
        diff.setPlainText(u"diff --git a/values.yaml b/values.yaml\nindex 1..2 100644\n"
                          u"--- a/values.yaml\n+++ b/values.yaml\n@@ -1,3 +1,3 @@\n"
                          u" image:\n-  tag: v1.0.0\n+  tag: v1.1.0\n"_s);
        DiffHighlighter diffHighlighter(&diff);
        diffHighlighter.rehighlight();
        failure.clear();
        QCOMPARE(checkDocument(&diff, palette.color(QPalette::Base), &failure), 3);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));

        // Status colours (errors in Details, the review, the verification panel).
        for (const PaletteColors::Role role :
             {PaletteColors::Role::Error, PaletteColors::Role::Warning,
              PaletteColors::Role::Success, PaletteColors::Role::Info,
              PaletteColors::Role::Muted}) {
            for (const QPalette::ColorRole background : {QPalette::Base, QPalette::Window}) {
                const QColor back = palette.color(background);
                const double ratio =
                    PaletteColors::contrast(PaletteColors::text(role, palette, back), back);
                QVERIFY2(ratio >= PaletteColors::readableContrast,
                         qPrintable(u"role %1 on %2: %3:1"_s.arg(int(role))
                                        .arg(back.name())
                                        .arg(ratio, 0, 'f', 2)));
            }
        }

        // A verification chart: drawn on the palette's Base, not Qt Charts' fixed white.
        MetricChart chart;
        MetricResult metric;
        metric.name = u"success-rate"_s;
        metric.query = u"checkout_success_ratio"_s;
        metric.successCondition = u"result[0] >= 0.95"_s;
        metric.phase = AnalysisPhase::Successful;
        const QDateTime start = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 5; ++i) {
            Measurement measurement;
            measurement.startedAt = start.addSecs(5 * i);
            measurement.finishedAt = measurement.startedAt.addMSecs(20);
            measurement.phase = i == 2 ? AnalysisPhase::Failed : AnalysisPhase::Successful;
            measurement.values = {i == 2 ? 0.91 : 0.97 + i * 0.005};
            metric.measurements.append(measurement);
        }
        chart.setMetric(metric);
        chart.resize(760, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        const QImage chartImage = chart.grab().toImage();
        // Inside the chart, above the plot's lines.
        const QColor plot = chartImage.pixelColor(chartImage.width() / 4, chartImage.height() / 8);
        QVERIFY2(dark ? PaletteColors::luminance(plot) < 0.2 : PaletteColors::luminance(plot) > 0.6,
                 qPrintable(plot.name()));
        QVERIFY(chartImage.save(m_artifacts +
                                u"/palette-chart-%1.png"_s.arg(dark ? u"dark"_s : u"light"_s)));

        const QString path = m_artifacts + u"/palette-%1.png"_s.arg(dark ? u"dark"_s : u"light"_s);
        QVERIFY(window.grab().save(path));
        qInfo("screenshot: %s", qPrintable(path));
    }

private:
    QTemporaryDir m_state;
    QString m_artifacts;
};

QTEST_MAIN(TestPalette)
#include "tst_palette.moc"
