#include "ui/mainwindow.h"

#include "engine/engine.h"
#include "engine/enginehost.h"
#include "engine/verificationservice.h"
#include "engine/versions.h"
#include "ui/assemblefreightdialog.h"
#include "ui/desktopnotifier.h"
#include "ui/detailspanel.h"
#include "ui/freightcomparisondialog.h"
#include "ui/freightpanel.h"
#include "ui/graphnodeitem.h"
#include "ui/pipelinescene.h"
#include "ui/pipelineview.h"
#include "ui/problemsview.h"
#include "ui/promotioncontroller.h"
#include "ui/settingsdialog.h"
#include "ui/shortcutsdialog.h"
#include "ui/sourceview.h"
#include "ui/stagenodeitem.h"
#include "ui/verificationpanel.h"
#include "ui/warehousenodeitem.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsItem>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <time.h>
#include <unistd.h>

namespace Stevedore {

namespace {

/// Clock ticks since boot at which this process started (/proc/self/stat, field 22), in ms.
double processStartSinceBootMs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // The command name may hold spaces: fields are counted after its closing parenthesis.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    return fields.at(19).toDouble() * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

const QString recentKey = QStringLiteral("recentPipelines");
const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString stateKey = QStringLiteral("mainWindow/state");

} // namespace

MainWindow::MainWindow(EngineHost *engine, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_scene(new PipelineScene(this))
    , m_view(new PipelineView(m_scene, this))
    , m_details(new DetailsPanel(this))
    , m_problems(new ProblemsView(this))
    , m_source(new SourceView(this))
    , m_verification(new VerificationPanel(this))
    , m_statusPath(new QLabel(this))
    , m_statusCounts(new QLabel(this))
    , m_statusPolling(new QLabel(this))
{
    setWindowTitle(tr("Stevedore"));
    m_statusTimer = new QTimer(this);
    setWindowIcon(QIcon(QStringLiteral(":/icons/stevedore.svg")));
    // The graph, under a banner that says when the app works offline.
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_offlineBanner = new QWidget(central);
    m_offlineBanner->setObjectName(QStringLiteral("offlineBanner"));
    m_offlineBanner->setAutoFillBackground(true);
    m_offlineText = new QLabel(m_offlineBanner);
    m_offlineText->setObjectName(QStringLiteral("offlineText"));
    m_offlineText->setWordWrap(true);
    auto *bannerButton = new QToolButton(m_offlineBanner);
    m_goOnlineAction = new QAction(this);
    connect(m_goOnlineAction, &QAction::triggered, this, [this] {
        if (!m_discoveryEnabled)
            setDiscoveryEnabled(true);
        else
            m_engine->refreshAll();
    });
    bannerButton->setDefaultAction(m_goOnlineAction);
    auto *bannerLayout = new QHBoxLayout(m_offlineBanner);
    bannerLayout->setContentsMargins(10, 6, 10, 6);
    bannerLayout->addWidget(m_offlineText, 1);
    bannerLayout->addWidget(bannerButton);
    m_offlineBanner->hide();
    centralLayout->addWidget(m_offlineBanner);
    centralLayout->addWidget(m_view, 1);
    setCentralWidget(central);
    m_verification->setService(engine->engine()->verification());
    createDocks();
    m_promotions = new PromotionController(this, m_scene);
    connect(m_promotions, &PromotionController::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    // Kargo's flow: a stage that got new freight verifies it.
    connect(m_promotions, &PromotionController::promotionSucceeded, this,
            [this](const QString &stage) {
                const Stage *promoted = m_pipeline.stage(stage);
                if (promoted && !promoted->verification.isEmpty())
                    m_verification->verifyStage(stage);
            });
    // Promotions and verifications that end while the window is in the background.
    auto *notifier = new DesktopNotifier(this, this);
    connect(m_promotions, &PromotionController::promotionFinished, notifier,
            &DesktopNotifier::promotionFinished);
    connect(engine->engine()->verification(), &VerificationService::runUpdated, notifier,
            &DesktopNotifier::verificationUpdated);
    createActions();
    statusBar()->addWidget(m_statusPath, 1);
    statusBar()->addPermanentWidget(m_statusPolling);
    statusBar()->addPermanentWidget(m_statusCounts);

    connect(engine->engine(), &Engine::pipelineOpened, this, &MainWindow::onPipelineOpened);
    connect(engine->engine(), &Engine::pipelineFailed, this, &MainWindow::onPipelineFailed);
    connect(engine->engine(), &Engine::storeUnavailable, this, [this](const QString &message) {
        statusBar()->showMessage(tr("Local store unavailable: %1").arg(message));
    });
    connect(engine->engine(), &Engine::freightListed, this, [this](const QList<Freight> &list) {
        m_freight = list;
        m_scene->setFreight(m_freight);
        m_promotions->setFreight(m_freight);
        showSelectedDetails();
    });
    connect(engine->engine(), &Engine::freightAdded, this, [this](const Freight &freight) {
        m_freight.prepend(freight);
        m_scene->addFreight(freight);
        m_promotions->addFreight(freight);
        showSelectedDetails();
        m_newFreight.append(freight);
        if (!m_statusTimer->isActive())
            m_statusTimer->start();
    });
    connect(engine->engine(), &Engine::warehouseStatusChanged, this,
            [this](const WarehouseStatus &status) {
                m_warehouseStatuses.insert(status.warehouse, status);
                m_scene->setWarehouseStatus(status);
                if (m_details->shownName() == status.warehouse)
                    showSelectedDetails();
                updateActions();
            });
    connect(engine->engine(), &Engine::offlineChanged, this,
            [this](bool offline, const QDateTime &since) {
                m_offlineSince = offline ? since : QDateTime();
                updateOffline();
            });
    // A hundred warehouses polled at once change these many times a second; each change
    // lays the window out again, so the status bar says it at most four times a second.
    m_statusTimer->setSingleShot(true);
    m_statusTimer->setInterval(250);
    connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    connect(engine->engine(), &Engine::pollsInFlightChanged, this, [this](int count) {
        m_pollsInFlight = count;
        if (!m_statusTimer->isActive())
            m_statusTimer->start();
    });
    connect(m_scene, &PipelineScene::stageSelected, this, [this] {
        showSelectedDetails();
        updateActions();
    });
    connect(m_scene, &PipelineScene::warehouseSelected, this, [this] {
        showSelectedDetails();
        updateActions();
    });
    connect(m_scene, &PipelineScene::selectionCleared, this, [this] {
        m_details->showNothing();
        m_verification->showNothing();
        updateActions();
    });
    connect(m_details, &DetailsPanel::refreshRequested, this,
            [this](const QString &name) { m_engine->refreshWarehouse(name); });
    connect(m_details, &DetailsPanel::locationActivated, this, &MainWindow::showLocation);
    connect(m_problems, &ProblemsView::problemActivated, this, &MainWindow::showLocation);
    connect(m_problems, &ProblemsView::countsChanged, this, [this](int errors, int warnings) {
        m_problemsDock->setWindowTitle(
            errors + warnings > 0 ? tr("Problems (%1)").arg(errors + warnings) : tr("Problems"));
        m_statusCounts->setText(tr("%n error(s)", nullptr, errors) + QStringLiteral(", ") +
                                tr("%n warning(s)", nullptr, warnings));
    });

    connect(m_promotions->freightPanel(), &FreightPanel::compareRequested, this,
            [this](const QString &from, const QString &to) {
                auto *dialog = new FreightComparisonDialog(m_pipeline.rootPath, from, to, this);
                dialog->setAttribute(Qt::WA_DeleteOnClose);
                dialog->show();
            });
    // The view, not its viewport, answers context menu events (QAbstractScrollArea forwards
    // them); the position is still the viewport's.
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &MainWindow::showWarehouseMenu);

    const QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey).toByteArray()))
        resize(1200, 760);
    restoreState(settings.value(stateKey).toByteArray());
    connect(m_view, &PipelineView::painted, this, &MainWindow::onGraphPainted);
    connect(m_view, &PipelineView::nodeActivated, this, [this] {
        m_detailsDock->show();
        m_detailsDock->raise();
    });
    connect(engine->engine()->verification(), &VerificationService::runUpdated, m_scene,
            &PipelineScene::setVerificationRun);
    updateRecentMenu();
    updateActions();
}

MainWindow::~MainWindow() = default;

MainWindow::FirstPaint MainWindow::FirstPaint::now()
{
    timespec monotonic{};
    timespec boot{};
    clock_gettime(CLOCK_MONOTONIC, &monotonic);
    clock_gettime(CLOCK_BOOTTIME, &boot);
    FirstPaint paint;
    paint.monotonicMs = double(monotonic.tv_sec) * 1e3 + double(monotonic.tv_nsec) / 1e6;
    const double started = processStartSinceBootMs();
    if (started >= 0)
        paint.sinceProcessStartMs =
            double(boot.tv_sec) * 1e3 + double(boot.tv_nsec) / 1e6 - started;
    return paint;
}

void MainWindow::createDocks()
{
    m_detailsDock = new QDockWidget(tr("Details"), this);
    m_detailsDock->setObjectName(QStringLiteral("detailsDock"));
    m_detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, m_detailsDock);

    m_sourceDock = new QDockWidget(tr("Manifest"), this);
    m_sourceDock->setObjectName(QStringLiteral("sourceDock"));
    m_sourceDock->setWidget(m_source);
    addDockWidget(Qt::RightDockWidgetArea, m_sourceDock);
    tabifyDockWidget(m_detailsDock, m_sourceDock);
    m_verificationDock = new QDockWidget(tr("Verification"), this);
    m_verificationDock->setObjectName(QStringLiteral("verificationDock"));
    m_verificationDock->setWidget(m_verification);
    addDockWidget(Qt::RightDockWidgetArea, m_verificationDock);
    tabifyDockWidget(m_detailsDock, m_verificationDock);
    m_detailsDock->raise();

    m_problemsDock = new QDockWidget(tr("Problems"), this);
    m_problemsDock->setObjectName(QStringLiteral("problemsDock"));
    m_problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    resizeDocks({m_detailsDock}, {360}, Qt::Horizontal);
    resizeDocks({m_problemsDock}, {160}, Qt::Vertical);
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *openFolder =
        file->addAction(tr("&Open Pipeline Folder\u2026"), this, &MainWindow::chooseFolder);
    openFolder->setShortcut(QKeySequence::Open);
    QAction *openFile =
        file->addAction(tr("Open Manifest &File\u2026"), this, &MainWindow::chooseFile);
    openFile->setShortcut(QKeySequence(tr("Ctrl+Shift+O")));
    file->addAction(tr("Open &Demo Pipeline"), this, &MainWindow::openDemoPipeline)
        ->setShortcut(QKeySequence(tr("Ctrl+Shift+D")));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    m_reloadAction = file->addAction(tr("Re&load"), this, [this] {
        setLoading(m_pipeline.displayPath);
        m_engine->reload();
    });
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    file->addSeparator();
    QAction *settings = file->addAction(tr("&Settings\u2026"), this, &MainWindow::showSettings);
    settings->setShortcut(QKeySequence(tr("Ctrl+,")));
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    // Spelled out: QKeySequence::Quit is empty on some platforms.
    quit->setShortcut(QKeySequence(tr("Ctrl+Q")));
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *zoomIn = view->addAction(tr("Zoom &In"), m_view, &PipelineView::zoomIn);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(tr("Ctrl+="))});
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), m_view, &PipelineView::zoomOut);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *actualSize = view->addAction(tr("&Actual Size"), m_view, &PipelineView::resetZoom);
    actualSize->setShortcut(QKeySequence(tr("Ctrl+0")));
    QAction *fit = view->addAction(tr("&Fit to Window"), m_view, &PipelineView::fitToView);
    fit->setShortcut(QKeySequence(tr("Ctrl+9")));
    view->addAction(m_view->findAction());
    m_viewActions = {zoomIn, zoomOut, actualSize, fit, m_view->findAction()};
    view->addSeparator();
    const QList<QDockWidget *> docks{m_promotions->freightDock(),
                                     m_promotions->historyDock(),
                                     m_detailsDock,
                                     m_sourceDock,
                                     m_verificationDock,
                                     m_problemsDock};
    for (qsizetype i = 0; i < docks.size(); ++i) {
        QAction *toggle = docks.at(i)->toggleViewAction();
        toggle->setShortcut(QKeySequence(tr("Alt+%1").arg(i + 1)));
        view->addAction(toggle);
    }

    QMenu *pipeline = menuBar()->addMenu(tr("&Pipeline"));
    m_refreshWarehouseAction = pipeline->addAction(tr("&Refresh Warehouse"), this, [this] {
        const QString name = selectedWarehouse();
        if (!name.isEmpty())
            m_engine->refreshWarehouse(name);
    });
    m_refreshWarehouseAction->setShortcut(QKeySequence(tr("Ctrl+R")));
    m_refreshAllAction = pipeline->addAction(tr("Refresh &All Warehouses"), this,
                                             [this] { m_engine->refreshAll(); });
    m_refreshAllAction->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    m_assembleAction =
        pipeline->addAction(tr("Assemble &Freight\u2026"), this, &MainWindow::assembleFreight);
    m_assembleAction->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    pipeline->addSeparator();
    m_verification->verifyAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+V")));
    m_verification->abortAction()->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    pipeline->addAction(m_verification->verifyAction());
    pipeline->addAction(m_verification->abortAction());
    connect(m_verification->verifyAction(), &QAction::triggered, this, [this] {
        m_verificationDock->show();
        m_verificationDock->raise();
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts =
        help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setShortcut(QKeySequence::HelpContents);
    QAction *about = help->addAction(tr("&About Stevedore"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);
    about->setShortcut(QKeySequence(tr("Ctrl+F1")));
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt)
        ->setMenuRole(QAction::AboutQtRole);
}

QString MainWindow::selectedWarehouse() const
{
    const QList<QGraphicsItem *> selected = m_scene->selectedItems();
    if (selected.size() == 1 && selected.first()->type() == WarehouseNodeItem::Type)
        return static_cast<WarehouseNodeItem *>(selected.first())->name();
    return {};
}

void MainWindow::showSelectedDetails()
{
    const QList<QGraphicsItem *> selected = m_scene->selectedItems();
    if (selected.size() != 1) {
        m_details->showNothing();
        m_verification->showNothing();
        return;
    }
    const auto *item = static_cast<GraphNodeItem *>(selected.first());
    if (item->type() == WarehouseNodeItem::Type) {
        m_details->showWarehouse(m_pipeline, item->name(), m_warehouseStatuses.value(item->name()),
                                 m_freight);
        m_verification->showNothing();
    } else {
        m_details->showStage(m_pipeline, item->name());
        m_verification->showStage(m_pipeline, item->name());
    }
}

void MainWindow::setDiscoveryEnabled(bool enabled)
{
    m_discoveryEnabled = enabled;
    m_engine->setDiscoveryEnabled(enabled);
    m_statusPolling->setText(enabled ? QString() : tr("Offline: nothing is polled"));
    updateActions();
    updateOffline();
}

void MainWindow::updateStatus()
{
    if (m_discoveryEnabled)
        m_statusPolling->setText(m_pollsInFlight > 0
                                     ? tr("Polling %n warehouse(s)\u2026", nullptr, m_pollsInFlight)
                                     : QString());
    if (!m_newFreight.isEmpty()) {
        const Freight &last = m_newFreight.last();
        statusBar()->showMessage(
            m_newFreight.size() == 1
                ? tr("New freight %1 from %2").arg(last.alias, last.origin.name)
                : tr("%n new freight, the last %1 from %2", nullptr, int(m_newFreight.size()))
                      .arg(last.alias, last.origin.name),
            10000);
    }
    m_newFreight.clear();
}

QString MainWindow::networkUnavailableReason() const
{
    if (!m_discoveryEnabled)
        return tr("Working offline");
    if (m_offlineSince.isValid())
        return tr("Offline since %1")
            .arg(QLocale().toString(m_offlineSince.toLocalTime(), QLocale::ShortFormat));
    return {};
}

void MainWindow::updateOffline()
{
    const QString reason = networkUnavailableReason();
    m_promotions->setNetworkUnavailable(reason);
    m_verification->setNetworkUnavailable(reason);
    if (reason.isEmpty()) {
        m_offlineBanner->hide();
        return;
    }
    const QString shown =
        tr("Everything shown comes from the local store; reviews use the cached clones. "
           "Promoting and verifying need the network.");
    if (!m_discoveryEnabled) {
        m_offlineText->setText(tr("<b>Working offline:</b> nothing is polled. %1").arg(shown));
        m_goOnlineAction->setText(tr("&Go Online"));
        m_goOnlineAction->setToolTip(tr("Poll the warehouses again"));
    } else {
        m_offlineText->setText(tr("<b>%1:</b> no remote has answered. %2 Polling resumes by "
                                  "itself when the network is back.")
                                   .arg(reason.toHtmlEscaped(), shown));
        m_goOnlineAction->setText(tr("&Retry Now"));
        m_goOnlineAction->setToolTip(tr("Poll every warehouse now"));
    }
    // A warning tint that reads in light and dark palettes alike.
    QPalette palette = this->palette();
    const QColor window = palette.color(QPalette::Window);
    const QColor warning(0xf6, 0x74, 0x00);
    const qreal mix = 0.25;
    palette.setColor(QPalette::Window,
                     QColor::fromRgbF(window.redF() * (1 - mix) + warning.redF() * mix,
                                      window.greenF() * (1 - mix) + warning.greenF() * mix,
                                      window.blueF() * (1 - mix) + warning.blueF() * mix));
    m_offlineBanner->setPalette(palette);
    m_offlineBanner->show();
}

void MainWindow::updateActions()
{
    const bool polling =
        m_warehouseStatuses.value(selectedWarehouse()).state == WarehouseStatus::State::Polling;
    m_refreshWarehouseAction->setEnabled(m_discoveryEnabled && !selectedWarehouse().isEmpty() &&
                                         !polling);
    m_refreshAllAction->setEnabled(m_discoveryEnabled && m_loaded &&
                                   !m_pipeline.warehouses.isEmpty());
    const QString why =
        m_discoveryEnabled ? QString() : tr("Discovery is off (started with --offline)");
    m_refreshWarehouseAction->setStatusTip(why);
    m_refreshAllAction->setStatusTip(why);
    m_reloadAction->setEnabled(m_loaded);
    const Warehouse *warehouse = m_pipeline.warehouse(selectedWarehouse());
    m_assembleAction->setEnabled(warehouse &&
                                 warehouse->freightCreationPolicy == FreightCreationPolicy::Manual);
    m_assembleAction->setStatusTip(
        warehouse && !m_assembleAction->isEnabled()
            ? tr("%1 makes its freight automatically (freightCreationPolicy: Automatic)")
                  .arg(warehouse->name)
            : QString());
    for (QAction *action : std::as_const(m_viewActions))
        action->setEnabled(m_loaded && !m_scene->isEmpty());
}

void MainWindow::setLoading(const QString &what)
{
    m_statusPath->setText(tr("Loading %1\u2026").arg(what));
}

void MainWindow::openPipeline(const QString &path)
{
    setLoading(path);
    m_engine->openPipeline(path);
}

void MainWindow::openDemoPipeline()
{
    setLoading(tr("the demo pipeline"));
    m_engine->openDemoPipeline();
}

void MainWindow::openInitialPipeline()
{
    const QStringList recent = recentPipelines();
    if (recent.isEmpty())
        openDemoPipeline();
    else
        openPipeline(recent.first());
}

void MainWindow::chooseFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Open Pipeline Folder"),
        m_pipeline.rootPath.isEmpty() ? QString() : QFileInfo(m_pipeline.rootPath).path());
    if (!dir.isEmpty())
        openPipeline(dir);
}

void MainWindow::chooseFile()
{
    const QString file =
        QFileDialog::getOpenFileName(this, tr("Open Manifest File"), QString(),
                                     tr("Kargo manifests (*.yaml *.yml);;All files (*)"));
    if (!file.isEmpty())
        openPipeline(file);
}

void MainWindow::onPipelineOpened(const Pipeline &pipeline)
{
    const QString selected = m_details->shownName();
    m_pipeline = pipeline;
    m_loaded = true;
    m_scene->setPipeline(pipeline);
    m_scene->setFreight(m_freight);
    m_promotions->setPipeline(pipeline);
    m_problems->setProblems(pipeline.problems);
    m_source->setSources(pipeline.sources);
    if (m_pipeline.stage(selected))
        m_scene->selectStage(selected);
    else if (GraphNodeItem *warehouse = m_scene->warehouseItem(selected))
        warehouse->setSelected(true);
    else
        m_details->showNothing();

    const QString name = pipeline.projectName.isEmpty() ? QFileInfo(pipeline.rootPath).fileName()
                                                        : pipeline.projectName;
    setWindowTitle(tr("%1 \u2014 Stevedore").arg(name));
    m_statusPath->setText(pipeline.rootPath);
    addRecent(pipeline.rootPath);
    updateActions();
    if (!m_layoutReportPath.isEmpty())
        m_layoutReportPending = true;
    if (m_view->isVisible()) {
        // The window is up: fit and draw the graph now, before the freight list and the stage
        // states that follow a pipeline are handled (thousands of freight take a while).
        m_view->fitToView();
        m_view->viewport()->repaint();
    } else {
        // Fit once the new scene has been laid out in the viewport.
        QTimer::singleShot(0, m_view, &PipelineView::fitToView);
    }
    Q_EMIT pipelineShown();
}

void MainWindow::onPipelineFailed(const QString &path, const QString &message)
{
    m_statusPath->setText(tr("Could not open %1").arg(path));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Could not open the pipeline"), message,
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    // Keep the recent list honest: a pipeline that cannot be opened is dropped from it.
    {
        QSettings settings;
        QStringList recent = settings.value(recentKey).toStringList();
        recent.removeAll(path);
        settings.setValue(recentKey, recent);
        updateRecentMenu();
    }
}

void MainWindow::showLocation(const SourceLocation &location)
{
    if (m_source->showLocation(location)) {
        m_sourceDock->show();
        m_sourceDock->raise();
    }
}

QStringList MainWindow::recentPipelines() const
{
    return QSettings().value(recentKey).toStringList();
}

void MainWindow::addRecent(const QString &path)
{
    if (path.isEmpty())
        return;
    QSettings settings;
    QStringList recent = settings.value(recentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > maxRecentPipelines)
        recent.removeLast();
    settings.setValue(recentKey, recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentPipelines();
    for (const QString &path : recent) {
        QAction *action = m_recentMenu->addAction(path, this, [this, path] { openPipeline(path); });
        action->setToolTip(path);
    }
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [this] {
            QSettings().remove(recentKey);
            updateRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::assembleFreight()
{
    const Warehouse *warehouse = m_pipeline.warehouse(selectedWarehouse());
    if (!warehouse || warehouse->freightCreationPolicy != FreightCreationPolicy::Manual)
        return;
    auto *dialog = new AssembleFreightDialog(m_engine, *warehouse, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::showWarehouseMenu(const QPoint &position)
{
    QGraphicsItem *item = m_view->itemAt(position);
    while (item && item->type() != WarehouseNodeItem::Type)
        item = item->parentItem();
    if (!item)
        return;
    m_scene->clearSelection();
    item->setSelected(true);
    QMenu menu(this);
    menu.addAction(m_refreshWarehouseAction);
    menu.addAction(m_assembleAction);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Stevedore"),
                       tr("<h3>Stevedore %1</h3>"
                          "<p>Continuous promotion for Kargo pipelines, on your workstation.</p>"
                          "<p>Qt %2<br>libgit2 %3<br>yaml-cpp %4<br>Graphviz %5</p>")
                           .arg(Versions::stevedore(), Versions::qt(), Versions::libgit2(),
                                Versions::yamlCpp(), Versions::graphviz()));
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(menuBar(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The engine reads the settings again on its own thread: no restart needed.
    connect(dialog, &SettingsDialog::settingsChanged, m_engine, &EngineHost::reloadSettings);
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    event->accept();
}

void MainWindow::setLayoutReportPath(const QString &path)
{
    m_promotions->setReviewReportPath(path.isEmpty() ? QString()
                                                     : path + QStringLiteral(".review.json"));
    m_layoutReportPath = path;
}

void MainWindow::onGraphPainted()
{
    if (!m_layoutReportPending)
        return;
    m_layoutReportPending = false;
    m_firstPaint = FirstPaint::now();
    // Queued, so the report is written after this paint has reached the screen.
    QTimer::singleShot(50, this, &MainWindow::writeLayoutReport);
}

void MainWindow::writeLayoutReport()
{
    QJsonArray nodes;
    const QList<GraphNodeItem *> items = m_scene->nodeItems();
    for (GraphNodeItem *item : items) {
        const QRect onScreen = m_view->mapFromScene(item->sceneBoundingRect()).boundingRect();
        const QPoint topLeft = m_view->viewport()->mapToGlobal(onScreen.topLeft());
        const bool visible = m_view->viewport()->rect().contains(onScreen);
        QJsonObject node{{QStringLiteral("name"), item->name()},
                         {QStringLiteral("kind"), item->type() == StageNodeItem::Type
                                                      ? QStringLiteral("Stage")
                                                      : QStringLiteral("Warehouse")},
                         {QStringLiteral("x"), topLeft.x()},
                         {QStringLiteral("y"), topLeft.y()},
                         {QStringLiteral("width"), onScreen.width()},
                         {QStringLiteral("height"), onScreen.height()},
                         {QStringLiteral("visible"), visible}};
        if (item->type() == StageNodeItem::Type) {
            node.insert(QStringLiteral("color"),
                        static_cast<StageNodeItem *>(item)->color().name());
            // Where its freight is dragged from.
            const QRect line =
                m_view->mapFromScene(item->mapRectToScene(StageNodeItem::freightLineRect()))
                    .boundingRect();
            const QPoint lineTopLeft = m_view->viewport()->mapToGlobal(line.topLeft());
            node.insert(QStringLiteral("freightLine"),
                        QJsonObject{{QStringLiteral("x"), lineTopLeft.x()},
                                    {QStringLiteral("y"), lineTopLeft.y()},
                                    {QStringLiteral("width"), line.width()},
                                    {QStringLiteral("height"), line.height()}});
        }
        nodes.append(node);
    }
    const QWidget *freightList = m_promotions->freightPanel()->firstLaneView();
    if (!freightList)
        freightList = m_promotions->freightPanel();
    const QPoint freightTopLeft = freightList->mapToGlobal(QPoint(0, 0));
    const QJsonObject freight{{QStringLiteral("x"), freightTopLeft.x()},
                              {QStringLiteral("y"), freightTopLeft.y()},
                              {QStringLiteral("width"), freightList->width()},
                              {QStringLiteral("height"), freightList->height()},
                              {QStringLiteral("visible"), freightList->isVisible()}};
    const QJsonObject firstPaint{
        {QStringLiteral("monotonicMs"), m_firstPaint.monotonicMs},
        {QStringLiteral("sinceProcessStartMs"), m_firstPaint.sinceProcessStartMs}};
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("window"), windowTitle()},
                                                      {QStringLiteral("freightList"), freight},
                                                      {QStringLiteral("zoom"), m_view->zoom()},
                                                      {QStringLiteral("firstPaint"), firstPaint},
                                                      {QStringLiteral("nodes"), nodes}})
                                .toJson();
    // Off the GUI thread, like every other write.
    (void)QtConcurrent::run([path = m_layoutReportPath, json] {
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(json) == json.size())
            file.commit();
    });
}

} // namespace Stevedore
