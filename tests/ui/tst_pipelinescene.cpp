#include "engine/manifestloader.h"
#include "engine/stagecolors.h"
#include "ui/edgeitem.h"
#include "ui/graphnodeitem.h"
#include "ui/pipelinescene.h"
#include "ui/pipelineview.h"
#include "ui/stagenodeitem.h"

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
