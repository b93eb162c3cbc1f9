#pragma once

#include "engine/freight.h"
#include "engine/pipeline.h"
#include "engine/warehousestatus.h"

#include <QMainWindow>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QTimer;

namespace Stevedore {

class DetailsPanel;
class EngineHost;
class PipelineScene;
class PipelineView;
class ProblemsView;
class PromotionController;
class SourceView;
class VerificationPanel;

/// The main window: the pipeline graph in the middle, details and manifest source on the
/// right, problems below. It asks the engine to open pipelines and draws what comes back;
/// it never reads files or talks to the network itself.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    static constexpr int maxRecentPipelines = 10;

    explicit MainWindow(EngineHost *engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    void openPipeline(const QString &path);
    /// Off: the engine polls nothing and everything shown comes from the local store.
    void setDiscoveryEnabled(bool enabled);
    void openDemoPipeline();
    /// Opens the most recent pipeline, or the demo when there is none (first start).
    void openInitialPipeline();

    /// After the first pipeline is drawn and painted, writes the on-screen geometry of every
    /// node to @p path as JSON, with whether it is inside the visible part of the graph (for
    /// automation and screenshot tests), and when that first paint happened (`firstPaint`).
    void setLayoutReportPath(const QString &path);

    PipelineScene *scene() const { return m_scene; }
    PipelineView *view() const { return m_view; }
    ProblemsView *problemsView() const { return m_problems; }
    SourceView *sourceView() const { return m_source; }
    DetailsPanel *detailsPanel() const { return m_details; }
    PromotionController *promotions() const { return m_promotions; }
    VerificationPanel *verificationPanel() const { return m_verification; }
    const Pipeline &pipeline() const { return m_pipeline; }
    const QList<Freight> &freight() const { return m_freight; }
    QStringList recentPipelines() const;
    /// Why the actions that need the network are disabled now; empty when they are not.
    QString networkUnavailableReason() const;
    QWidget *offlineBanner() const { return m_offlineBanner; }

Q_SIGNALS:
    /// A pipeline was loaded and drawn.
    void pipelineShown();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createDocks();
    void onPipelineOpened(const Pipeline &pipeline);
    void onPipelineFailed(const QString &path, const QString &message);
    void showLocation(const SourceLocation &location);
    void showSelectedDetails();
    QString selectedWarehouse() const;
    void setLoading(const QString &what);
    void addRecent(const QString &path);
    void updateRecentMenu();
    void updateActions();
    void writeLayoutReport();
    /// The banner over the graph and the actions that need the network, after discovery was
    /// turned off or every remote stopped (or started again) answering.
    void updateOffline();
    /// The polling count and the new freight, at most a few times a second.
    void updateStatus();
    void onGraphPainted();
    void chooseFolder();
    void chooseFile();
    void showAbout();
    void showShortcuts();
    void showSettings();
    /// Opens the Assemble Freight dialog for the selected (Manual) warehouse.
    void assembleFreight();
    void showWarehouseMenu(const QPoint &position);

    EngineHost *m_engine;
    Pipeline m_pipeline;
    bool m_loaded = false;
    PipelineScene *m_scene;
    PipelineView *m_view;
    DetailsPanel *m_details;
    ProblemsView *m_problems;
    SourceView *m_source;
    PromotionController *m_promotions = nullptr;
    QDockWidget *m_detailsDock = nullptr;
    QDockWidget *m_sourceDock = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    VerificationPanel *m_verification;
    QDockWidget *m_verificationDock = nullptr;
    QLabel *m_statusPath;
    QLabel *m_statusCounts;
    QLabel *m_statusPolling;
    QList<Freight> m_freight;
    QHash<QString, WarehouseStatus> m_warehouseStatuses;
    bool m_discoveryEnabled = true;
    QDateTime m_offlineSince; ///< valid while no remote answers
    QTimer *m_statusTimer = nullptr;
    int m_pollsInFlight = 0;
    QList<Freight> m_newFreight; ///< found since the status bar last said so
    QWidget *m_offlineBanner = nullptr;
    QLabel *m_offlineText = nullptr;
    QAction *m_goOnlineAction = nullptr;
    QAction *m_refreshWarehouseAction = nullptr;
    QAction *m_refreshAllAction = nullptr;
    QAction *m_assembleAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    QAction *m_reloadAction = nullptr;
    QList<QAction *> m_viewActions;
    QString m_layoutReportPath;
    bool m_layoutReportPending = false;
    /// When the graph of the first pipeline finished painting, for the layout report: on
    /// CLOCK_MONOTONIC (comparable with a timestamp another process took before starting this
    /// one) and since this process started (from /proc, 10 ms resolution).
    struct FirstPaint
    {
        double monotonicMs = -1;
        double sinceProcessStartMs = -1;
        static FirstPaint now();
    };
    FirstPaint m_firstPaint;
};

} // namespace Stevedore
