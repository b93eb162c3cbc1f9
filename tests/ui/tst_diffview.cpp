// The promotion review's diff: side-by-side rows from real `git diff --binary` output against
// golden files (tests/ui/data/diff; STEVEDORE_UPDATE_GOLDEN=1 rewrites them), and the view's
// file tree, modes and aligned columns, offscreen.

#include "ui/diffview.h"
#include "ui/sidebysidediff.h"

#include <QDir>
#include <QFile>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTest>
#include <QTextBlock>
#include <QTreeWidget>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

const QString dataDir = QStringLiteral(STEVEDORE_TEST_DATA_DIR "/diff/");

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

RepositoryChange promotionChange()
{
    RepositoryChange change;
    change.path = u"./out"_s;
    change.repoURL = u"https://example.com/gitops.git"_s;
    change.branch = u"stage/dev"_s;
    change.diff = read(dataDir + u"promotion.diff"_s);
    change.files = {{u"added.yaml"_s, FileChange::Kind::Added, 2, 0, false},
                    {u"gone.yaml"_s, FileChange::Kind::Deleted, 0, 1, false},
                    {u"logo.png"_s, FileChange::Kind::Modified, 0, 0, true},
                    {u"tail.txt"_s, FileChange::Kind::Modified, 2, 1, false},
                    {u"values.yaml"_s, FileChange::Kind::Modified, 5, 3, false}};
    return change;
}

} // namespace

class TestDiffView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sideBySideMatchesGolden_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList diffs = QDir(dataDir).entryList({u"*.diff"_s}, QDir::Files);
        QVERIFY(!diffs.isEmpty());
        for (const QString &diff : diffs)
            QTest::newRow(qPrintable(diff)) << diff.chopped(5);
    }

    void sideBySideMatchesGolden()
    {
        QFETCH(QString, name);
        const QString text =
            sideBySideText(sideBySide(QString::fromUtf8(read(dataDir + name + u".diff"_s))));
        const QString golden = dataDir + name + u".sidebyside"_s;
        if (qEnvironmentVariableIsSet("STEVEDORE_UPDATE_GOLDEN")) {
            QFile out(golden);
            QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
            out.write(text.toUtf8());
        }
        QCOMPARE(text, QString::fromUtf8(read(golden)));
    }

    void pairsRemovedWithAddedLines()
    {
        const QList<SideBySideRow> rows = sideBySide(u"diff --git a/f b/f\n"
                                                     u"--- a/f\n+++ b/f\n"
                                                     u"@@ -3,4 +3,3 @@ head\n"
                                                     u" keep\n-one\n-two\n-three\n+uno\n"_s);
        QCOMPARE(rows.size(), 6);
        QCOMPARE(rows.at(0).kind, SideBySideRow::Kind::File);
        QCOMPARE(rows.at(0).text, u"f"_s);
        QCOMPARE(rows.at(1).kind, SideBySideRow::Kind::Hunk);
        QCOMPARE(rows.at(2).oldLine, 3);
        QCOMPARE(rows.at(2).newLine, 3);
        QCOMPARE(rows.at(3).kind, SideBySideRow::Kind::Changed);
        QCOMPARE(rows.at(3).left, u"one"_s);
        QCOMPARE(rows.at(3).right, u"uno"_s);
        QCOMPARE(rows.at(4).kind, SideBySideRow::Kind::Removed);
        QCOMPARE(rows.at(4).newLine, 0);
        QCOMPARE(rows.at(5).oldLine, 6);
    }

    void viewShowsATreeAndBothModes()
    {
        DiffView view;
        view.resize(1000, 500);
        view.setChanges({promotionChange()});
        QCOMPARE(view.files(),
                 (QStringList{u"A  added.yaml   +2 \u22120"_s, u"D  gone.yaml   +0 \u22121"_s,
                              u"M  logo.png   binary"_s, u"M  tail.txt   +2 \u22121"_s,
                              u"M  values.yaml   +5 \u22123"_s}));
        auto *tree = view.findChild<QTreeWidget *>(u"changedFiles"_s);
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->text(0), u"./out"_s);
        QCOMPARE(tree->topLevelItem(0)->childCount(), 5);

        // The two columns line up: one line each per row.
        auto *left = view.findChild<QPlainTextEdit *>(u"diffLeft"_s);
        auto *right = view.findChild<QPlainTextEdit *>(u"diffRight"_s);
        QCOMPARE(left->blockCount(), right->blockCount());
        QVERIFY(view.sideText(true).contains(u"   3   tag: v1.2.0"_s));
        QVERIFY(view.sideText(false).contains(u"   3   tag: v1.3.0"_s));
        // The numbers are in the gutter: the YAML highlighter sees the file's own lines.
        QVERIFY(left->toPlainText().contains(u"\n  tag: v1.2.0\n"_s));
        QVERIFY(
            view.sideBySideText().startsWith(u"    \\ ./out: https://example.com/gitops.git"_s));

        QCOMPARE(view.mode(), DiffView::Mode::Unified);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QDir().mkpath(QStringLiteral(STEVEDORE_BINARY_DIR "/test-artifacts"));
        view.grab().save(QStringLiteral(STEVEDORE_BINARY_DIR "/test-artifacts/") +
                         u"diff-unified.png"_s);
        view.setMode(DiffView::Mode::SideBySide);
        QCOMPARE(view.mode(), DiffView::Mode::SideBySide);
        QVERIFY(right->isVisible());
        view.grab().save(QStringLiteral(STEVEDORE_BINARY_DIR "/test-artifacts/") +
                         u"diff-side-by-side.png"_s);

        // Choosing the last file scrolls both columns to it, together.
        view.showFile(4);
        QTRY_VERIFY(right->verticalScrollBar()->value() > 0);
        QCOMPARE(left->verticalScrollBar()->value(), right->verticalScrollBar()->value());
        QVERIFY(right->textCursor().block().text().contains(u"values.yaml"_s));
    }
};

QTEST_MAIN(TestDiffView)
#include "tst_diffview.moc"
