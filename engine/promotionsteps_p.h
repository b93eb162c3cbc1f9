#pragma once

#include "engine/promotionsteps.h"

namespace Stevedore::GitSteps {

/// git-clone: a working tree per `checkout` entry, from the local cache of the repository.
StepOutcome clone(StepRun &run);
/// git-clear: everything in a working tree except `.git`.
StepOutcome clear(StepRun &run);
/// git-commit: everything in the working tree, as the user's git identity.
StepOutcome commit(StepRun &run);
/// What a promotion changed in @p checkout: the diff from its base and the resulting tree.
std::optional<RepositoryChange> change(const WorkspaceCheckout &checkout, QString *error);

} // namespace Stevedore::GitSteps
