#include "ui/assemblefreightdialog.h"

#include "engine/engine.h"
#include "engine/enginehost.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

/// Where a candidate's pick is kept on its row.
constexpr int PickRole = Qt::UserRole;

QString kindTitle(Subscription::Kind kind)
{
    switch (kind) {
    case Subscription::Kind::Git:
        return AssembleFreightDialog::tr("Git");
    case Subscription::Kind::Image:
        return AssembleFreightDialog::tr("Image");
    case Subscription::Kind::Chart:
        return AssembleFreightDialog::tr("Chart");
    }
    return {};
}

QString when(const QDateTime &dateTime)
{
    return dateTime.isValid() ? QLocale().toString(dateTime.toLocalTime(), QLocale::ShortFormat)
                              : QString();
}

QTreeWidget *candidateList(const SubscriptionCandidates &candidates, QWidget *parent)
{
    auto *list = new QTreeWidget(parent);
    list->setRootIsDecorated(false);
    list->setUniformRowHeights(true);
    list->setAlternatingRowColors(true);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    switch (candidates.kind) {
    case Subscription::Kind::Git:
        list->setHeaderLabels(
            {AssembleFreightDialog::tr("Commit"), AssembleFreightDialog::tr("Tag"),
             AssembleFreightDialog::tr("Subject"), AssembleFreightDialog::tr("Date")});
        for (const DiscoveredCommit &commit : candidates.commits) {
            auto *item = new QTreeWidgetItem(
                list, {commit.id.left(10), commit.tag, commit.subject, when(commit.committedAt)});
            item->setData(0, PickRole, commit.id);
            item->setFont(0, fixed);
            item->setToolTip(0, commit.id);
            item->setToolTip(2, commit.author);
        }
        break;
    case Subscription::Kind::Image:
        list->setHeaderLabels({AssembleFreightDialog::tr("Tag"),
                               AssembleFreightDialog::tr("Digest"),
                               AssembleFreightDialog::tr("Built")});
        for (const DiscoveredImage &image : candidates.images) {
            auto *item = new QTreeWidgetItem(
                list, {image.tag, image.digest.left(19), when(image.createdAt)});
            item->setData(0, PickRole, QString(image.tag + u'@' + image.digest));
            item->setFont(1, fixed);
            item->setToolTip(1, image.digest);
        }
        break;
    case Subscription::Kind::Chart:
        list->setHeaderLabels(
            {AssembleFreightDialog::tr("Version"), AssembleFreightDialog::tr("Chart")});
        for (const DiscoveredChart &chart : candidates.charts) {
            auto *item = new QTreeWidgetItem(list, {chart.version, chart.name});
            item->setData(0, PickRole, chart.version);
        }
        break;
    }
    list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    list->header()->setStretchLastSection(true);
    // The newest is the usual pick.
    if (list->topLevelItemCount() > 0)
        list->setCurrentItem(list->topLevelItem(0));
    return list;
}

} // namespace

AssembleFreightDialog::AssembleFreightDialog(EngineHost *engine, const Warehouse &warehouse,
                                             QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_warehouse(warehouse)
    , m_listLayout(new QVBoxLayout)
    , m_status(new QLabel(this))
{
    setObjectName(u"assembleFreight"_s);
    setWindowTitle(tr("Assemble Freight from %1").arg(warehouse.name));
    resize(760, 560);
    auto *intro =
        new QLabel(tr("Pick one discovered artifact for each subscription of <b>%1</b>. Only what "
                      "discovery has stored can be picked.")
                       .arg(warehouse.name.toHtmlEscaped()),
                   this);
    intro->setWordWrap(true);
    m_status->setObjectName(u"assembleStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setText(tr("Reading the stored candidates\u2026"));

    auto *lists = new QWidget(this);
    lists->setLayout(m_listLayout);
    m_listLayout->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(lists);

    auto *buttons = new QDialogButtonBox(this);
    m_assemble = buttons->addButton(tr("&Assemble"), QDialogButtonBox::AcceptRole);
    m_assemble->setObjectName(u"assembleButton"_s);
    m_assemble->setEnabled(false);
    buttons->addButton(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_assemble, &QPushButton::clicked, this, [this] {
        m_busy = true;
        updateButton();
        m_status->setText(tr("Assembling\u2026"));
        m_engine->assembleFreight(m_warehouse.name, picks());
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    // Answers for other dialogs (or other warehouses) are not ours.
    connect(engine->engine(), &Engine::candidatesListed, this,
            [this](const QString &name, const QList<SubscriptionCandidates> &candidates) {
                if (name == m_warehouse.name && m_lists.isEmpty())
                    showCandidates(candidates);
            });
    connect(engine->engine(), &Engine::freightAssembled, this,
            [this](const QString &name, const AssemblyResult &result) {
                if (name == m_warehouse.name && m_busy && !m_lists.isEmpty())
                    showResult(result);
            });
    m_engine->listCandidates(warehouse.name);
}

QString AssembleFreightDialog::status() const
{
    return m_status->text();
}

QList<AssemblyPick> AssembleFreightDialog::picks() const
{
    QList<AssemblyPick> result;
    for (int i = 0; i < m_lists.size() && i < m_candidates.size(); ++i) {
        const QTreeWidgetItem *item = m_lists.at(i)->currentItem();
        if (!item)
            continue;
        AssemblyPick pick;
        pick.kind = m_candidates.at(i).kind;
        pick.subscription = m_candidates.at(i).key;
        pick.value = item->data(0, PickRole).toString();
        result.append(pick);
    }
    return result;
}

void AssembleFreightDialog::showCandidates(const QList<SubscriptionCandidates> &candidates)
{
    m_candidates = candidates;
    bool empty = false;
    for (const SubscriptionCandidates &subscription : candidates) {
        auto *box = new QGroupBox(
            tr("%1: %2").arg(kindTitle(subscription.kind), subscription.label()), this);
        box->setToolTip(subscription.repoURL);
        auto *boxLayout = new QVBoxLayout(box);
        QTreeWidget *list = candidateList(subscription, box);
        connect(list, &QTreeWidget::currentItemChanged, this, &AssembleFreightDialog::updateButton);
        boxLayout->addWidget(list);
        if (subscription.isEmpty()) {
            empty = true;
            boxLayout->addWidget(
                new QLabel(tr("Nothing discovered yet: refresh the warehouse first."), box));
        }
        m_listLayout->addWidget(box, 1);
        m_lists.append(list);
    }
    m_busy = false;
    if (candidates.isEmpty())
        m_status->setText(tr("The local store has nothing for this warehouse."));
    else if (empty)
        m_status->setText(tr("Every subscription needs a discovered artifact to pick."));
    else
        m_status->setText(tr("Pick one artifact per subscription (the newest is selected)."));
    updateButton();
}

void AssembleFreightDialog::showResult(const AssemblyResult &result)
{
    m_busy = false;
    switch (result.outcome) {
    case AssemblyResult::Outcome::Created:
        m_status->setText(tr("Assembled new freight %1 (%2).")
                              .arg(result.freight.alias, result.freight.id.left(12)));
        break;
    case AssemblyResult::Outcome::Existing:
        m_status->setText(tr("These artifacts are already freight %1: nothing new was stored.")
                              .arg(result.freight.alias));
        break;
    case AssemblyResult::Outcome::Refused:
    case AssemblyResult::Outcome::Failed:
        m_status->setText(tr("Could not assemble the freight: %1").arg(result.error));
        break;
    }
    updateButton();
    Q_EMIT assembled(result);
}

void AssembleFreightDialog::updateButton()
{
    bool complete = !m_lists.isEmpty();
    for (const QTreeWidget *list : std::as_const(m_lists))
        complete = complete && list->currentItem();
    m_assemble->setEnabled(!m_busy && complete);
}

} // namespace Stevedore
