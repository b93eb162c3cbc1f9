#include "engine/promoter.h"

#include "engine/promotioncontext.h"
#include "engine/promotionplanner.h"
#include "engine/promotionrunner.h"
#include "engine/statepaths.h"
#include "engine/store.h"

#include <QDir>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace Stevedore {

PromotionPreview Promoter::dryRun(const Pipeline &pipeline, const Store &store,
                                  const PromotionRequest &request,
                                  std::shared_ptr<std::atomic<bool>> cancelled,
                                  std::function<void(const StepResult &)> progress)
{
    PromotionPreview preview;
    const std::optional<Freight> freight = store.findFreight(request.freight);
    if (!freight) {
        preview.errors.append(tr("there is no freight \"%1\" in the local store; run discovery "
                                 "first (stevedorectl discover)")
                                  .arg(request.freight));
        return preview;
    }
    const QString promotion = u"%1.%2.dry-run"_s.arg(request.stage, freight->id.left(7));
    auto context = std::make_shared<PromotionContext>(pipeline.projectName, request.stage,
                                                      promotion, QList<Freight>{*freight});
    preview.mask = [context](const QString &text) { return context->masked(text); };
    preview.plan = PromotionPlanner::plan(pipeline, request.stage, *freight, *context);
    preview.errors = preview.plan.errors;
    if (const Stage *stage = pipeline.stage(request.stage)) {
        const bool requested =
            std::any_of(stage->requestedFreight.begin(), stage->requestedFreight.end(),
                        [&](const RequestedFreight &r) { return r.origin == freight->origin; });
        if (!requested)
            preview.errors.append(
                tr("stage \"%1\" does not request freight from %2 \"%3\"")
                    .arg(request.stage, freight->origin.kind, freight->origin.name));
    }
    for (const PlannedStep *step : preview.plan.blockingSteps())
        preview.unrunnable.append(step->alias);
    if (!preview.errors.isEmpty())
        return preview;

    QDir().mkpath(StatePaths::root() + u"/workspaces"_s);
    QTemporaryDir workspace(StatePaths::root() + u"/workspaces/promotion-XXXXXX"_s);
    if (!workspace.isValid()) {
        preview.errors.append(tr("cannot create a workspace: %1").arg(workspace.errorString()));
        return preview;
    }
    PromotionRunner::Options options;
    options.dryRun = true;
    // A dry run previews the rest even when some steps cannot run here; the preview says so.
    options.skipUnrunnable = true;
    options.offline = request.offline;
    options.workspace = QDir(workspace.path()).canonicalPath();
    options.cacheRoot = StatePaths::cacheDir();
    options.cancelled = std::move(cancelled);
    options.progress = std::move(progress);
    preview.result = PromotionRunner::run(preview.plan, *context, options);
    return preview;
}

} // namespace Stevedore
