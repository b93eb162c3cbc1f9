#include "ui/freightcomparisonview.h"

#include "engine/statepaths.h"

#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Stevedore {

namespace {

QString kindText(ArtifactChange::Kind kind)
{
    switch (kind) {
    case ArtifactChange::Kind::Commit:
        return FreightComparisonView::tr("Commit");
    case ArtifactChange::Kind::Image:
        return FreightComparisonView::tr("Image");
    case ArtifactChange::Kind::Chart:
        return FreightComparisonView::tr("Chart");
    }
    return {};
}

QString changeText(const ArtifactChange &change)
{
    if (change.from.isEmpty())
        return FreightComparisonView::tr("added");
    if (change.to.isEmpty())
        return FreightComparisonView::tr("removed");
    return change.changed() ? FreightComparisonView::tr("changed")
                            : FreightComparisonView::tr("unchanged");
}

/// A full commit id shortened to 12 characters; anything else as it is.
QString brief(const QString &version)
{
    static const QRegularExpression fullId(u"^[0-9a-f]{40}$"_s);
    return fullId.match(version).hasMatch() ? version.left(12) : version;
}

QString logText(const CommitLog &log)
{
    const QString from = log.from.left(7);
    const QString to = log.to.left(7);
    const QString repository =
        log.subscription.isEmpty() ? log.repoURL : u"%1 (%2)"_s.arg(log.subscription, log.repoURL);
    switch (log.state) {
    case CommitLog::State::Unchanged:
        return FreightComparisonView::tr("%1: the same commit").arg(repository);
    case CommitLog::State::Forward:
        return FreightComparisonView::tr("%1: %n commit(s) added from %2 to %3", nullptr,
                                         int(log.commits.size()))
            .arg(repository, from, to);
    case CommitLog::State::Backward:
        return FreightComparisonView::tr("%1: going back from %2 to %3 leaves out %n commit(s)",
                                         nullptr, int(log.commits.size()))
            .arg(repository, from, to);
    case CommitLog::State::Diverged:
        return FreightComparisonView::tr("%1: %2 and %3 are not ancestors of each other; %n "
                                         "commit(s) only in %3",
                                         nullptr, int(log.commits.size()))
            .arg(repository, from, to);
    case CommitLog::State::NotCached:
        return FreightComparisonView::tr("%1 is not in the local git cache: refresh its "
                                         "warehouse to see the commits")
            .arg(repository);
    case CommitLog::State::MissingCommit:
        return FreightComparisonView::tr("%1: a commit is not in the local clone (%2)")
            .arg(repository, log.message);
    }
    return {};
}

} // namespace

FreightComparisonView::FreightComparisonView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_artifacts(new QTreeWidget(this))
    , m_log(new QTreeWidget(this))
{
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setObjectName(u"comparisonSummary"_s);
    m_artifacts->setObjectName(u"comparisonArtifacts"_s);
    m_artifacts->setHeaderLabels(
        {tr("Artifact"), tr("Repository"), tr("Old"), tr("New"), tr("Change")});
    m_artifacts->setRootIsDecorated(false);
    m_artifacts->setAlternatingRowColors(true);
    m_artifacts->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_artifacts->header()->setStretchLastSection(true);
    m_log->setObjectName(u"comparisonLog"_s);
    m_log->setHeaderLabels({tr("Commit"), tr("Subject"), tr("Author"), tr("Date")});
    m_log->setRootIsDecorated(false);
    m_log->setUniformRowHeights(true);
    m_log->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_log->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_log->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_log->header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_log->header()->setStretchLastSection(false);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_artifacts);
    splitter->addWidget(m_log);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);
}

QString FreightComparisonView::summary() const
{
    return m_summary->text();
}

void FreightComparisonView::compareFreight(const QString &pipelinePath, const QString &from,
                                           const QString &to)
{
    run([pipelinePath, from, to] {
        return FreightComparison::compareStored(pipelinePath, StatePaths::cacheDir(), from, to);
    });
}

void FreightComparisonView::compareWithStage(const QString &pipelinePath, const QString &stage,
                                             const QString &incoming)
{
    run([pipelinePath, stage, incoming] {
        return FreightComparison::compareWithStage(pipelinePath, StatePaths::cacheDir(), stage,
                                                   incoming);
    });
}

void FreightComparisonView::run(std::function<FreightComparison()> work)
{
    m_pending = true;
    m_summary->setText(tr("Comparing\u2026"));
    m_artifacts->clear();
    m_log->clear();
    // The store and the git clones are read on a worker thread; a newer request wins over an
    // older one still running.
    const int generation = ++m_generation;
    auto *watcher = new QFutureWatcher<FreightComparison>(this);
    connect(watcher, &QFutureWatcher<FreightComparison>::finished, this,
            [this, watcher, generation] {
                watcher->deleteLater();
                if (generation == m_generation)
                    setComparison(watcher->result());
            });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

void FreightComparisonView::setComparison(const FreightComparison &comparison)
{
    m_pending = false;
    m_comparison = comparison;
    m_artifacts->clear();
    m_log->clear();
    if (!comparison.ok) {
        m_summary->setText(comparison.error);
        Q_EMIT comparisonReady();
        return;
    }
    int changed = 0;
    for (const ArtifactChange &change : comparison.artifacts) {
        auto *item = new QTreeWidgetItem(m_artifacts,
                                         {kindText(change.kind), change.label(), brief(change.from),
                                          brief(change.to), changeText(change)});
        if (change.subscription.isEmpty())
            item->setToolTip(1, change.repoURL);
        else
            item->setToolTip(1, change.subscription + u'\n' + change.repoURL);
        item->setToolTip(2, QStringList{change.from, change.fromDetail}.join(u'\n').trimmed());
        item->setToolTip(3, QStringList{change.to, change.toDetail}.join(u'\n').trimmed());
        if (change.changed()) {
            ++changed;
            QFont font = item->font(0);
            font.setBold(true);
            for (int column = 0; column < m_artifacts->columnCount(); ++column)
                item->setFont(column, font);
        }
    }
    if (!comparison.note.isEmpty())
        m_summary->setText(comparison.note);
    else
        m_summary->setText(
            tr("%1 \u2192 %2 (%3): %n artifact(s) changed", nullptr, changed)
                .arg(comparison.from.alias, comparison.to.alias, comparison.to.origin.name));

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (const CommitLog &log : comparison.logs) {
        // One flat list: a heading row per repository, then its commits.
        auto *repository = new QTreeWidgetItem(m_log, {logText(log)});
        repository->setFirstColumnSpanned(true);
        repository->setToolTip(0, log.message);
        repository->setFlags(Qt::ItemIsEnabled);
        QFont heading = repository->font(0);
        heading.setBold(true);
        repository->setFont(0, heading);
        for (const CommitLogEntry &entry : log.commits) {
            auto *item = new QTreeWidgetItem(
                m_log, {entry.id.left(10), entry.subject, entry.author,
                        QLocale().toString(entry.when.toLocalTime(), QLocale::ShortFormat)});
            item->setData(0, Qt::UserRole, entry.id);
            item->setFont(0, fixed);
            item->setToolTip(0, entry.id);
            item->setToolTip(1, entry.subject);
        }
        if (log.truncated)
            new QTreeWidgetItem(m_log, {tr("\u2026 more commits not shown")});
    }
    Q_EMIT comparisonReady();
}

} // namespace Stevedore
