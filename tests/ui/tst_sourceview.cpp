#include "ui/sourceview.h"
#include "ui/yamlhighlighter.h"

#include <QPlainTextEdit>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

using namespace Stevedore;

namespace {

/// The text of the block's ranges that carry a format (what the highlighter marked).
QStringList highlighted(const QTextBlock &block)
{
    QStringList parts;
    const QList<QTextLayout::FormatRange> ranges = block.layout()->formats();
    for (const QTextLayout::FormatRange &range : ranges)
        parts.append(block.text().mid(range.start, range.length));
    return parts;
}

} // namespace

class TestSourceView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jumpsToLineAndColumn()
    {
        SourceView view;
        view.setSources({{QStringLiteral("a.yaml"), QStringLiteral("one: 1\ntwo: 2\nthree: 3\n")},
                         {QStringLiteral("b.yaml"), QStringLiteral("x: y\n")}});
        QVERIFY(view.showLocation({QStringLiteral("a.yaml"), 2, 6}));
        QCOMPARE(view.currentFile(), QStringLiteral("a.yaml"));
        QCOMPARE(view.currentLine(), 2);
        QCOMPARE(view.editor()->textCursor().positionInBlock(), 5);
        QVERIFY(!view.showLocation({QStringLiteral("unknown.yaml"), 1, 1}));
        QCOMPARE(view.currentFile(), QStringLiteral("a.yaml"));
        // Out-of-range positions are clamped, not a crash.
        QVERIFY(view.showLocation({QStringLiteral("b.yaml"), 99, 99}));
        QVERIFY(view.editor()->isReadOnly());
    }

    void highlightsYaml_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("parts");
        QTest::newRow("key and value") << "  name: dev" << QStringList{QStringLiteral("name")};
        QTest::newRow("comment") << "# a comment" << QStringList{QStringLiteral("# a comment")};
        QTest::newRow("trailing comment")
            << "key: value # note" << QStringList{QStringLiteral("key"), QStringLiteral("# note")};
        QTest::newRow("hash inside quotes")
            << "key: \"a # b\"" << QStringList{QStringLiteral("key"), QStringLiteral("\"a # b\"")};
        QTest::newRow("expression")
            << "path: ./env/${{ ctx.stage }}"
            << QStringList{QStringLiteral("path"), QStringLiteral("${{ ctx.stage }}")};
        QTest::newRow("boolean") << "direct: true"
                                 << QStringList{QStringLiteral("direct"), QStringLiteral("true")};
        QTest::newRow("list item key")
            << "- uses: git-clone" << QStringList{QStringLiteral("uses")};
        QTest::newRow("document marker") << "---" << QStringList{QStringLiteral("---")};
        QTest::newRow("anchor") << "base: &defaults"
                                << QStringList{QStringLiteral("base"), QStringLiteral("&defaults")};
    }

    void highlightsYaml()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, parts);
        QTextDocument document(line);
        YamlHighlighter highlighter(&document);
        highlighter.rehighlight();
        QCOMPARE(highlighted(document.firstBlock()), parts);
    }
};

QTEST_MAIN(TestSourceView)
#include "tst_sourceview.moc"
