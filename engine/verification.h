#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace Stevedore {

/// The phase of a verification run, of one of its metrics, or of one measurement, with Argo
/// Rollouts' names (Aborted is Kargo's: a run the user stopped).
enum class AnalysisPhase
{
    Pending,
    Running,
    Successful,
    Failed,
    Error,
    Inconclusive,
    Aborted,
};

QString toString(AnalysisPhase phase);
AnalysisPhase analysisPhaseFromString(const QString &text);
/// Successful, Failed, Error, Inconclusive and Aborted are final.
bool isCompleted(AnalysisPhase phase);

/// One measurement of a metric: when it was taken, what Prometheus answered, and what the
/// conditions made of it.
struct Measurement
{
    QDateTime startedAt;
    QDateTime finishedAt;
    AnalysisPhase phase = AnalysisPhase::Pending;
    /// The numbers the conditions saw as `result`: a vector's values, a matrix's values
    /// flattened, or a scalar's value alone (see scalar). NaN and ±Inf are kept.
    QList<double> values;
    bool scalar = false;
    QString message; ///< what went wrong, for Error; Prometheus' warnings otherwise

    /// The result as Argo Rollouts shows it: `[0.97,NaN]` for a vector, `0.97` for a scalar.
    QString valueText() const;
};

/// One metric of a verification run as it was run: its definition after argument
/// substitution, and its measurements.
struct MetricResult
{
    QString name;
    QString templateName;
    QString provider; ///< `prometheus`, `job`, `web`, ...
    /// False for providers Stevedore cannot run here (reason in message); such metrics do not
    /// count toward the verdict.
    bool runnable = true;
    QString address; ///< `provider.prometheus.address`, as the template says it
    QString url;     ///< where the queries went (the address after mapping)
    QString query;   ///< the PromQL query, arguments substituted
    QString successCondition;
    QString failureCondition;
    QString interval;     ///< Go duration text, or empty
    QString initialDelay; ///< Go duration text, or empty
    int count = 0;        ///< 0: not set
    int failureLimit = 0; ///< -1: off
    int inconclusiveLimit = 0;
    int consecutiveErrorLimit = 4;
    int consecutiveSuccessLimit = 0; ///< 0: off

    AnalysisPhase phase = AnalysisPhase::Pending;
    QString message;
    int measured = 0; ///< Argo's `count`: measurements that were not errors
    int successful = 0;
    int failed = 0;
    int inconclusive = 0;
    int errors = 0;
    int consecutiveErrors = 0;
    int consecutiveSuccesses = 0;
    QList<Measurement> measurements;
};

/// One verification of a stage: every metric of the stage's analysis templates, run together,
/// and the verdict.
struct VerificationRun
{
    QString id;
    QString stage;
    /// The freight the stage had when the run started (empty: verified without freight).
    QStringList freightIds;
    QStringList templates;
    QDateTime startedAt;
    QDateTime finishedAt;
    AnalysisPhase phase = AnalysisPhase::Pending;
    QString message;
    /// The arguments the metrics saw, secret values masked.
    QList<QPair<QString, QString>> args;
    QList<MetricResult> metrics;
    qint64 pid = 0; ///< the process running it, while it runs

    /// Index of the metric called @p name, or -1.
    int metricIndex(const QString &name) const;

    /// The run as JSON (stevedorectl verify --json, and exchanging runs with helper processes).
    QJsonObject toJson() const;
    static VerificationRun fromJson(const QJsonObject &object);
};

/// Numbers as Prometheus writes them: shortest round-trip decimal, `NaN`, `+Inf`, `-Inf`.
QString formatPrometheusValue(double value);
/// The inverse of formatPrometheusValue(); nullopt for text that is no number.
std::optional<double> parsePrometheusValue(const QString &text);

} // namespace Stevedore

Q_DECLARE_METATYPE(Stevedore::Measurement)
Q_DECLARE_METATYPE(Stevedore::VerificationRun)
