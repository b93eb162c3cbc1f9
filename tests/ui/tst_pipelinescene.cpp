#include "engine/manifestloader.h"
#include "engine/promotionservice.h"
#include "engine/stagecolors.h"
#include "ui/edgeitem.h"
#include "ui/graphnodeitem.h"
#include "ui/pipelinescene.h"
#include "ui/pipelineview.h"
#include "ui/stagenodeitem.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace Stevedore;

namespace {

Pipeline fixture(const char *name)
{
    return ManifestLoader::load(QStringLiteral(STEVEDORE_FIXTURES_DIR "/") +
                                QString::fromLatin1(name));
}

QList<EdgeItem *> edges(const PipelineScene &scene)
{
    QList<EdgeItem *> result;
    const QList<QGraphicsItem *> items = scene.items();
    for (QGraphicsItem *item : items) {
        if (item->type() == EdgeItem::Type)
            result.append(static_cast<EdgeItem *>(item));
    }
    return result;
}

} // namespace

class TestPipelineScene : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsEveryResource_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<int>("nodes");
        QTest::addColumn<int>("edgeCount");
        QTest::newRow("kargo-simple") << "kargo-simple" << 4 << 3;
        QTest::newRow("demo-auto-rollback") << "demo-auto-rollback" << 5 << 4;
        QTest::newRow("active-active") << "active-active" << 8 << 8;
    }

    void drawsEveryResource()
    {
        QFETCH(QString, folder);
        QFETCH(int, nodes);
        QFETCH(int, edgeCount);
        PipelineScene scene;
        scene.setPipeline(fixture(folder.toLatin1().constData()));
        QCOMPARE(scene.nodeItems().size(), nodes);
        QCOMPARE(edges(scene).size(), edgeCount);

        // No two nodes overlap.
        const QList<GraphNodeItem *> items = scene.nodeItems();
        for (qsizetype i = 0; i < items.size(); ++i) {
            for (qsizetype j = i + 1; j < items.size(); ++j) {
                const QRectF a = items.at(i)->sceneBoundingRect().adjusted(3, 3, -3, -3);
                const QRectF b = items.at(j)->sceneBoundingRect().adjusted(3, 3, -3, -3);
                QVERIFY2(!a.intersects(b),
                         qPrintable(items.at(i)->name() + QStringLiteral(" overlaps ") +
                                    items.at(j)->name()));
            }
        }
        // Freight flows left to right.
        for (EdgeItem *edge : edges(scene))
            QVERIFY(edge->source()->x() < edge->target()->x());
    }

    void stagesUseTheirKargoColour()
    {
        PipelineScene scene;
        scene.setPipeline(fixture("kargo-simple"));
        QCOMPARE(scene.stageItem(QStringLiteral("dev"))->color().name(),
                 StageColors::hex(QStringLiteral("red")));
        QCOMPARE(scene.stageItem(QStringLiteral("staging"))->color().name(),
                 StageColors::hex(QStringLiteral("amber")));
        QCOMPARE(scene.stageItem(QStringLiteral("prod"))->color().name(),
                 StageColors::hex(QStringLiteral("violet")));
        QVERIFY(scene.warehouseItem(QStringLiteral("guestbook")));
    }

    void selectionIsReported()
    {
        PipelineScene scene;
        scene.setPipeline(fixture("kargo-simple"));
        QSignalSpy stage(&scene, &PipelineScene::stageSelected);
        QSignalSpy warehouse(&scene, &PipelineScene::warehouseSelected);
        QSignalSpy cleared(&scene, &PipelineScene::selectionCleared);
        scene.selectStage(QStringLiteral("staging"));
        QCOMPARE(stage.size(), 1);
        QCOMPARE(stage.first().first().toString(), QStringLiteral("staging"));
        scene.clearSelection();
        QCOMPARE(cleared.size(), 1);
        scene.warehouseItem(QStringLiteral("guestbook"))->setSelected(true);
        QCOMPARE(warehouse.size(), 1);
    }

    void edgesFollowMovedNodes()
    {
        PipelineScene scene;
        scene.setPipeline(fixture("kargo-simple"));
        GraphNodeItem *dev = scene.stageItem(QStringLiteral("dev"));
        EdgeItem *incoming = nullptr;
        for (EdgeItem *edge : edges(scene)) {
            if (edge->target() == dev)
                incoming = edge;
        }
        QVERIFY(incoming);
        const QRectF before = incoming->boundingRect();
        dev->moveBy(0, 200);
        QVERIFY(incoming->boundingRect().bottom() > before.bottom() + 150);
    }

    void zoomIsClamped()
    {
        PipelineScene scene;
        scene.setPipeline(fixture("kargo-simple"));
        PipelineView view(&scene);
        view.resize(800, 500);
        QSignalSpy zoomed(&view, &PipelineView::zoomChanged);
        view.setZoom(100);
        QCOMPARE(view.zoom(), PipelineView::maximumZoom);
        view.setZoom(0.001);
        QCOMPARE(view.zoom(), PipelineView::minimumZoom);
        QCOMPARE(zoomed.size(), 2);
        view.resetZoom();
        view.zoomIn();
        QVERIFY(view.zoom() > 1.0);
        view.fitToView();
        QVERIFY(view.zoom() <= 1.0);
        QVERIFY(view.zoom() >= PipelineView::minimumReadableZoom);
    }

    void filterFindsStages()
    {
        PipelineScene scene;
        scene.setPipeline(fixture("active-active"));
        PipelineView view(&scene);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        QVERIFY(!view.isFilterShown());

        QTest::keyClick(&view, Qt::Key_F, Qt::ControlModifier);
        QVERIFY(view.isFilterShown());
        QTRY_VERIFY(view.filterBox()->hasFocus());
        QTest::keyClicks(view.filterBox(), QStringLiteral("DEV"));
        const QList<StageNodeItem *> matches = scene.filterMatches();
        QCOMPARE(matches.size(), 2);
        for (GraphNodeItem *item : scene.nodeItems()) {
            const bool match = item->name().startsWith(u"dev-");
            QCOMPARE(item->emphasis(),
                     match ? GraphNodeItem::Emphasis::Match : GraphNodeItem::Emphasis::Dimmed);
            QVERIFY(match ? item->opacity() == 1.0 : item->opacity() < 0.5);
        }
        for (EdgeItem *edge : edges(scene))
            QVERIFY(edge->opacity() < 0.5);

        // Enter walks the matches in reading order and wraps around.
        QTest::keyClick(view.filterBox(), Qt::Key_Return);
        QCOMPARE(scene.selectedNode(), matches.at(0));
        QTest::keyClick(view.filterBox(), Qt::Key_Return);
        QCOMPARE(scene.selectedNode(), matches.at(1));
        QTest::keyClick(view.filterBox(), Qt::Key_Return);
        QCOMPARE(scene.selectedNode(), matches.at(0));

        // A filter that finds nothing dims everything; Esc clears it.
        QTest::keyClicks(view.filterBox(), QStringLiteral("zzz"));
        QVERIFY(scene.filterMatches().isEmpty());
        QTest::keyClick(view.filterBox(), Qt::Key_Escape);
        QVERIFY(!view.isFilterShown());
        QVERIFY(scene.filter().isEmpty());
        for (GraphNodeItem *item : scene.nodeItems()) {
            QCOMPARE(item->emphasis(), GraphNodeItem::Emphasis::Normal);
            QCOMPARE(item->opacity(), 1.0);
        }
        for (EdgeItem *edge : edges(scene))
            QCOMPARE(edge->opacity(), 1.0);
    }

    void arrowKeysMoveBetweenNodes()
    {
        PipelineScene scene;
        scene.setPipeline(fixture("kargo-simple"));
        PipelineView view(&scene);
        view.resize(900, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowActive(&view));
        view.setFocus();

        // With nothing selected, an arrow starts at the first node: the warehouse.
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(scene.selectedNode(), scene.warehouseItem(QStringLiteral("guestbook")));
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(scene.selectedNode(), scene.stageItem(QStringLiteral("dev")));
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(scene.selectedNode(), scene.stageItem(QStringLiteral("staging")));
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(scene.selectedNode(), scene.stageItem(QStringLiteral("prod")));
        // Nothing further right: the selection stays.
        QTest::keyClick(&view, Qt::Key_Right);
        QCOMPARE(scene.selectedNode(), scene.stageItem(QStringLiteral("prod")));
        QTest::keyClick(&view, Qt::Key_Left);
        QCOMPARE(scene.selectedNode(), scene.stageItem(QStringLiteral("staging")));

        // Enter asks for the selected node's details.
        QSignalSpy activated(&view, &PipelineView::nodeActivated);
        QTest::keyClick(&view, Qt::Key_Return);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toString(), QStringLiteral("staging"));
    }

    void arrowKeysMoveWithinARank()
    {
        PipelineScene scene;
        scene.setPipeline(fixture("active-active"));
        StageNodeItem *east = scene.stageItem(QStringLiteral("dev-east"));
        StageNodeItem *west = scene.stageItem(QStringLiteral("dev-west"));
        QVERIFY(east && west);
        QCOMPARE(east->x(), west->x());
        StageNodeItem *upper = east->y() < west->y() ? east : west;
        StageNodeItem *lower = upper == east ? west : east;
        QCOMPARE(scene.neighbour(upper, Qt::Key_Down), lower);
        QCOMPARE(scene.neighbour(lower, Qt::Key_Up), upper);
        // Left of a dev stage is where its freight comes from.
        QVERIFY(scene.neighbour(upper, Qt::Key_Left)->x() < upper->x());
        QVERIFY(scene.neighbour(upper, Qt::Key_Right)->x() > upper->x());
    }

    void stageNodesShowFreightPromotionAndVerification()
    {
        PipelineScene scene;
        scene.setPipeline(fixture("kargo-simple"));
        Freight freight;
        freight.id = QStringLiteral("f1");
        freight.alias = QStringLiteral("brave-otter");
        freight.images = {{QStringLiteral("ghcr.io/akuity/guestbook"),
                           QStringLiteral("v0.0.3"),
                           QStringLiteral("sha256:ab"),
                           {}}};
        StageState dev;
        dev.stage = QStringLiteral("dev");
        dev.freight = {freight};
        dev.freightSince = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600 - 60);
        VerificationRun run;
        run.stage = QStringLiteral("dev");
        run.phase = AnalysisPhase::Successful;
        MetricResult metric;
        for (double value : {0.97, 0.98, 0.99}) {
            Measurement measurement;
            measurement.values = {value};
            metric.measurements.append(measurement);
        }
        run.metrics = {metric};
        dev.lastVerification = run;
        StageState staging;
        staging.stage = QStringLiteral("staging");
        staging.freight = {freight};
        PromotionRecord failed;
        failed.phase = PromotionPhase::Failed;
        failed.currentStep = QStringLiteral("update-image");
        failed.message = QStringLiteral("no such file");
        staging.lastPromotion = failed;
        scene.setStageStates({dev, staging});

        StageNodeItem *devItem = scene.stageItem(QStringLiteral("dev"));
        QCOMPARE(devItem->details().value(0), QStringLiteral("brave-otter \u00b7 v0.0.3"));
        QCOMPARE(devItem->details().value(1), QStringLiteral("verified \u00b7 soaked 3 h"));
        QCOMPARE(devItem->health(), StageNodeItem::Health::Healthy);
        QCOMPARE(devItem->sparkline(), (QList<double>{0.97, 0.98, 0.99}));

        StageNodeItem *stagingItem = scene.stageItem(QStringLiteral("staging"));
        QVERIFY2(stagingItem->details().value(1).contains(u"update-image: no such file"),
                 qPrintable(stagingItem->details().join(u'|')));
        QCOMPARE(stagingItem->health(), StageNodeItem::Health::Unhealthy);
        QCOMPARE(scene.stageItem(QStringLiteral("prod"))->health(), StageNodeItem::Health::Unknown);

        // A promotion another process is running shows as running, not as failed.
        PromotionRecord elsewhere;
        elsewhere.phase = PromotionPhase::Running;
        elsewhere.currentStep = QStringLiteral("git-push");
        staging.lastPromotion = elsewhere;
        scene.setStageStates({dev, staging});
        QCOMPARE(stagingItem->details().value(1), QStringLiteral("promoting: git-push"));
        QCOMPARE(stagingItem->health(), StageNodeItem::Health::Progressing);

        // A verification in progress shows on its node as it runs.
        VerificationRun running;
        running.stage = QStringLiteral("prod");
        running.phase = AnalysisPhase::Running;
        scene.setVerificationRun(running);
        QCOMPARE(scene.stageItem(QStringLiteral("prod"))->health(),
                 StageNodeItem::Health::Progressing);
    }

    void pipelineWithErrorsIsStillDrawn()
    {
        const Pipeline pipeline = ManifestLoader::loadText(
            QStringLiteral("broken.yaml"),
            "apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: lonely\n"
            "spec:\n  requestedFreight:\n  - origin:\n      kind: Warehouse\n      name: missing\n"
            "    sources:\n      stages: [nowhere]\n");
        QVERIFY(pipeline.hasErrors());
        PipelineScene scene;
        scene.setPipeline(pipeline);
        QCOMPARE(scene.nodeItems().size(), 1);
        QVERIFY(scene.stageItem(QStringLiteral("lonely")));
    }

    void insecureSubscriptionIsMarked()
    {
        const Pipeline pipeline = ManifestLoader::loadText(
            QStringLiteral("warehouses.yaml"),
            "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: lax\n"
            "spec:\n  subscriptions:\n  - image:\n      repoURL: registry.example.com/app\n"
            "      insecureSkipTLSVerify: true\n---\n"
            "apiVersion: kargo.akuity.io/v1alpha1\nkind: Warehouse\nmetadata:\n  name: strict\n"
            "spec:\n  subscriptions:\n  - git:\n      repoURL: https://git.example.com/app.git\n");
        QVERIFY(!pipeline.hasErrors());
        PipelineScene scene;
        scene.setPipeline(pipeline);
        QVERIFY(scene.warehouseItem(QStringLiteral("lax"))
                    ->toolTip()
                    .contains(QStringLiteral(
                        "insecure: TLS certificate not verified for registry.example.com/app")));
        QVERIFY(!scene.warehouseItem(QStringLiteral("strict"))
                     ->toolTip()
                     .contains(QStringLiteral("insecure")));
    }
};

QTEST_MAIN(TestPipelineScene)
#include "tst_pipelinescene.moc"
