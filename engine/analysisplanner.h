#pragma once

#include "engine/pipeline.h"
#include "engine/prometheusclient.h"
#include "engine/verification.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace Stevedore {

/// A metric ready to run: its definition as stored (in MetricResult) and what the runner
/// needs to query it.
struct PlannedMetric
{
    qint64 intervalMs = -1; ///< -1: no interval
    qint64 initialDelayMs = 0;
    /// The query with everything but its time filled in.
    PrometheusQuery query;
    /// `rangeQuery`: expressions for start and end (`now() - duration("5m")`) and the step.
    bool rangeQuery = false;
    QString rangeStart;
    QString rangeEnd;
    double rangeStepSeconds = 60;
};

/// What a stage's verification will run: the stage's analysis templates flattened into one
/// list of metrics, as Kargo builds its AnalysisRun, with the arguments merged (the stage's
/// values over the templates' defaults), rendered (`${{ ctx.stage }}`, `${{ vars.x }}`) and
/// substituted into every metric (`{{args.x}}`, `{{ args.x }}`).
struct AnalysisPlan
{
    /// The run before it starts: stage, freight, templates, arguments (secrets masked) and
    /// every metric's definition. Metrics whose provider cannot run here are in it with
    /// `runnable` false and the reason as their message.
    VerificationRun run;
    QList<PlannedMetric> metrics; ///< one per run.metrics entry
    /// Why the run cannot start (an argument without a value, a secret missing from the
    /// keychain, an invalid metric); the run then ends as Error with this message.
    QString error;
    /// Secret values the arguments took, to mask them in anything shown or stored.
    QStringList secrets;
};

/// Builds AnalysisPlans. Reading `valueFrom.secretKeyRef` arguments asks the keychain, which
/// blocks: call plan() on a worker thread.
class AnalysisPlanner
{
    Q_DECLARE_TR_FUNCTIONS(AnalysisPlanner)

public:
    struct Options
    {
        PrometheusAddresses addresses;
        /// Read secrets for `valueFrom.secretKeyRef` from the keychain (`secret:<name>`, a
        /// JSON object of strings); off: such arguments are reported as missing.
        bool useKeychain = true;
    };

    static AnalysisPlan plan(const Pipeline &pipeline, const QString &stage,
                             const QStringList &freightIds, const Options &options);

    /// `{{args.name}}` (spaces inside the braces allowed) replaced in @p text, as Argo
    /// Rollouts does; a placeholder that names no argument sets @p error
    /// (`failed to resolve {{args.x}}`).
    static QString substitute(const QString &text, const QHash<QString, QString> &args,
                              QString *error);
    /// Replaces every secret in @p text with `*****`.
    static QString mask(QString text, const QStringList &secrets);
};

} // namespace Stevedore
