// The freight timeline: its lane model (paging, filter, change marks, stage marks) under
// QAbstractItemModelTester, and the panel's lanes, counts and cards, painted offscreen.

#include "models/freightlanemodel.h"
#include "ui/freightcarddelegate.h"
#include "ui/freightpanel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

using namespace Stevedore;
using namespace Qt::StringLiterals;

namespace {

const QDateTime base = QDateTime(QDate(2026, 11, 1), QTime(12, 0), Qt::UTC);

/// Freight @p n of @p warehouse: the image moves every freight, the chart every third.
Freight makeFreight(const QString &warehouse, int n)
{
    Freight freight;
    freight.id = u"%1%2"_s.arg(warehouse).arg(n, 6, 10, QLatin1Char('0'));
    freight.alias = u"%1-alias-%2"_s.arg(warehouse).arg(n);
    freight.origin = {u"Warehouse"_s, warehouse};
    freight.discoveredAt = base.addSecs(60 * n);
    freight.images.append(FreightImage{u"ghcr.io/acme/api"_s,
                                       u"v1.%1.0"_s.arg(n),
                                       u"sha256:%1"_s.arg(n, 64, 16, QLatin1Char('0')),
                                       {}});
    freight.charts.append(
        FreightChart{u"oci://ghcr.io/acme/charts/api"_s, {}, u"2.%1.0"_s.arg(n / 3), {}});
    return freight;
}

QList<Freight> lane(const QString &warehouse, int count)
{
    QList<Freight> list;
    for (int n = 0; n < count; ++n)
        list.append(makeFreight(warehouse, n));
    return list;
}

} // namespace

class TestFreightTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void staysConsistentUnderTheModelTester()
    {
        // The tester fetches more on its own after each change, so rows are not counted here.
        FreightLaneModel model(u"api"_s);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Freight> freight = lane(u"api"_s, 400);
        const Freight newest = freight.takeLast();
        const Freight old = freight.takeFirst();
        model.setFreight(freight);
        model.fetchMore({});
        model.addFreight(newest);
        model.addFreight(old);
        QCOMPARE(model.rowOf(old.id), model.matchingCount() - 1);
        model.setFilter(u"v1.1"_s);
        model.setStagesHaving({{newest.id, {u"dev"_s}}});
        model.setMarks({{newest.id, {u"dev"_s}}}, {});
        model.setFilter({});
        model.setFreight({});
        QCOMPARE(model.rowCount(), 0);
    }

    void pagesThroughThousandsOfFreight()
    {
        FreightLaneModel model(u"api"_s);
        model.setFreight(lane(u"api"_s, 5000));
        QCOMPARE(model.totalCount(), 5000);
        QCOMPARE(model.rowCount(), FreightLaneModel::pageSize);
        QVERIFY(model.canFetchMore({}));
        // Newest first.
        QCOMPARE(model.index(0).data(FreightLaneModel::AliasRole).toString(), u"api-alias-4999"_s);
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * FreightLaneModel::pageSize);
        // Asking for a row far down loads the pages up to it, no more.
        const int row = model.rowOf(u"api000100"_s);
        QCOMPARE(row, 4899);
        QCOMPARE(model.rowCount(), 4900);
        QCOMPARE(model.index(row).data(FreightLaneModel::IdRole).toString(), u"api000100"_s);
        QCOMPARE(model.rowOf(u"unknown"_s), -1);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 5000);
    }

    void filtersByAliasVersionAndId()
    {
        FreightLaneModel model(u"api"_s);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFreight(lane(u"api"_s, 300));
        model.setFilter(u"v1.12"_s); // v1.12.0 and v1.120.0 … v1.129.0
        QCOMPARE(model.matchingCount(), 11);
        QCOMPARE(model.rowCount(), 11);
        QCOMPARE(model.index(0).data(FreightLaneModel::AliasRole).toString(), u"api-alias-129"_s);
        model.setFilter(u"ALIAS-7"_s);
        QCOMPARE(model.matchingCount(), 11); // 7 and 70 to 79
        model.setFilter(u"api000042"_s);
        QCOMPARE(model.matchingCount(), 1);
        model.setFilter(u"nothing like this"_s);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
        model.setFilter({});
        QCOMPARE(model.matchingCount(), 300);
    }

    void marksWhatChangedFromThePreviousFreight()
    {
        FreightLaneModel model(u"api"_s);
        model.setFreight(lane(u"api"_s, 4));
        // Freight 3 (row 0): the image moved, the chart (2.1.0 from 3/3) moved too.
        QCOMPARE(model.index(0).data(FreightLaneModel::ChangedRole).value<QList<bool>>(),
                 (QList<bool>{true, true}));
        // Freight 2 (row 1): the image moved, the chart stayed at 2.0.0.
        QCOMPARE(model.index(1).data(FreightLaneModel::ChangedRole).value<QList<bool>>(),
                 (QList<bool>{true, false}));
        // The oldest has nothing to compare with.
        QCOMPARE(model.index(3).data(FreightLaneModel::ChangedRole).value<QList<bool>>(),
                 (QList<bool>{false, false}));
        QCOMPARE(model.index(0).data(FreightLaneModel::ArtifactsRole).toStringList(),
                 (QStringList{u"api:v1.3.0"_s, u"api 2.1.0"_s}));
        QCOMPARE(model.previousOf(u"api000003"_s)->id, u"api000002"_s);
        QCOMPARE(model.previousOf(u"api000000"_s), nullptr);
    }

    void addsFreightInPlace()
    {
        FreightLaneModel model(u"api"_s);
        QList<Freight> freight = lane(u"api"_s, 120);
        const Freight newest = freight.takeLast();
        const Freight middle = freight.takeAt(10);
        const Freight old = freight.takeAt(0);
        model.setFreight(freight);
        QCOMPARE(model.rowCount(), 50);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.addFreight(newest);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.index(0).data(FreightLaneModel::IdRole).toString(), newest.id);
        QCOMPARE(model.rowCount(), 51);
        model.addFreight(newest); // known: nothing happens
        QCOMPARE(inserted.size(), 1);
        // Beyond the loaded rows: it arrives with its page.
        model.addFreight(old);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.matchingCount(), 119);
        model.addFreight(middle);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QCOMPARE(model.rowCount(), 120);
        QCOMPARE(model.index(119).data(FreightLaneModel::IdRole).toString(), old.id);
        QCOMPARE(model.index(119 - 10).data(FreightLaneModel::IdRole).toString(), middle.id);
    }

    void carriesStagesAndBadges()
    {
        FreightLaneModel model(u"api"_s);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFreight(lane(u"api"_s, 3));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setStageColors({{u"dev"_s, QColor(u"#ed204e"_s)}});
        model.setStagesHaving({{u"api000002"_s, {u"dev"_s, u"qa"_s}}});
        model.setMarks({{u"api000002"_s, {u"dev"_s}}}, {{u"api000001"_s, {u"prod"_s}}});
        QCOMPARE(changed.size(), 3);
        const QModelIndex newest = model.index(0);
        QCOMPARE(newest.data(FreightLaneModel::StagesRole).toStringList(),
                 (QStringList{u"dev"_s, u"qa"_s}));
        const auto colors = newest.data(FreightLaneModel::StageColorsRole).value<QList<QColor>>();
        QCOMPARE(colors.size(), 2);
        QCOMPARE(colors.at(0), QColor(u"#ed204e"_s));
        QCOMPARE(newest.data(FreightLaneModel::VerifiedRole).toStringList(), QStringList{u"dev"_s});
        QCOMPARE(model.index(1).data(FreightLaneModel::ApprovedRole).toStringList(),
                 QStringList{u"prod"_s});
        QVERIFY(model.index(2).data(FreightLaneModel::ApprovedRole).toStringList().isEmpty());
        QVERIFY(newest.data(Qt::ToolTipRole).toString().contains(u"ghcr.io/acme/api:v1.2.0@"_s));
        QVERIFY(model.flags(newest) & Qt::ItemIsDragEnabled);
    }

    void panelHasALanePerWarehouse()
    {
        Pipeline pipeline;
        pipeline.rootPath = u"/nowhere"_s;
        for (const QString &name : {u"api"_s, u"web"_s, u"empty"_s}) {
            Warehouse warehouse;
            warehouse.name = name;
            pipeline.warehouses.append(warehouse);
        }
        Stage dev;
        dev.name = u"dev"_s;
        dev.color = u"red"_s;
        pipeline.stages.append(dev);
        FreightPanel panel;
        panel.resize(1000, 420);
        panel.setPipeline(pipeline);
        panel.setFreight(lane(u"api"_s, 700) + lane(u"web"_s, 3));
        QCOMPARE(panel.warehouses(), (QStringList{u"api"_s, u"web"_s, u"empty"_s}));
        QCOMPARE(panel.laneModel(u"api"_s)->rowCount(), FreightLaneModel::pageSize);
        QCOMPARE(panel.laneModel(u"web"_s)->rowCount(), 3);
        QCOMPARE(panel.laneModel(u"empty"_s)->rowCount(), 0);
        QCOMPARE(panel.freight().size(), 703);
        QCOMPARE(panel.find(u"web000001"_s)->alias, u"web-alias-1"_s);

        // Freight from a warehouse the pipeline no longer has still gets a lane.
        panel.addFreight(makeFreight(u"gone"_s, 1));
        QCOMPARE(panel.warehouses().last(), u"gone"_s);

        // Scrolling a lane to its end loads the next page.
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QListView *api = panel.laneView(u"api"_s);
        QScrollBar *bar = api->horizontalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        bar->setValue(bar->maximum());
        QTRY_COMPARE(panel.laneModel(u"api"_s)->rowCount(), 2 * FreightLaneModel::pageSize);

        panel.setFilter(u"v1.2.0"_s);
        QCOMPARE(panel.laneModel(u"api"_s)->rowCount(), 1);
        QCOMPARE(panel.laneModel(u"web"_s)->rowCount(), 1);
        const QList<QLabel *> labels = panel.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel *label) {
            return label->text().contains(u"1 of 700"_s);
        }));
        panel.setFilter({});

        api->selectionModel()->select(api->model()->index(1, 0), QItemSelectionModel::Select);
        api->selectionModel()->select(api->model()->index(0, 0), QItemSelectionModel::Select);
        QCOMPARE(panel.selectedFreight(), (QStringList{u"api000699"_s, u"api000698"_s}));
    }

    void cardsShowChangesAndStagesInBothPalettes_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void cardsShowChangesAndStagesInBothPalettes()
    {
        QFETCH(bool, dark);
        const QPalette original = QApplication::palette();
        const auto restore = qScopeGuard([&] { QApplication::setPalette(original); });
        QPalette palette = original;
        if (dark) {
            // A dark palette as desktop themes set it (Breeze Dark's colours).
            palette = QPalette(QColor(0x31, 0x36, 0x3b), QColor(0x20, 0x23, 0x26));
            palette.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
            palette.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
            palette.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
            palette.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
            palette.setColor(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc));
            palette.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
            palette.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
            palette.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
        }
        QApplication::setPalette(palette);

        Pipeline pipeline;
        Warehouse warehouse;
        warehouse.name = u"api"_s;
        pipeline.warehouses.append(warehouse);
        FreightPanel panel;
        panel.resize(900, 200);
        panel.setPipeline(pipeline);
        panel.setFreight(lane(u"api"_s, 5));
        StageState dev;
        dev.stage = u"dev"_s;
        dev.freight = {makeFreight(u"api"_s, 4)};
        panel.setStageStates({dev});
        panel.setMarks({{{u"api000004"_s, {u"dev"_s}}}, {{u"api000003"_s, {u"prod"_s}}}});
        QListView *view = panel.laneView(u"api"_s);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));

        const QRect first = view->visualRect(view->model()->index(0, 0));
        const auto cardImage = [&] {
            return view->viewport()->grab(first).toImage().convertToFormat(QImage::Format_RGB32);
        };
        const QImage plain = cardImage();
        panel.setHighlightChanges(true);
        const QImage marked = cardImage();
        QVERIFY2(plain != marked, "highlighting changes repaints the changed artifacts");
        QDir().mkpath(QStringLiteral(STEVEDORE_BINARY_DIR "/test-artifacts"));
        panel.grab().save(QStringLiteral(STEVEDORE_BINARY_DIR "/test-artifacts/") +
                          u"freight-timeline-%1.png"_s.arg(dark ? u"dark"_s : u"light"_s));

        // The card's background is the palette's base colour, whatever the theme.
        const QColor background = marked.pixelColor(first.width() - 12, first.height() / 2);
        QCOMPARE(background, palette.color(QPalette::Base));
    }
};

QTEST_MAIN(TestFreightTimeline)
#include "tst_freighttimeline.moc"
