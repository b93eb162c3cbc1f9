#pragma once

#include "engine/gitrepository.h"
#include "engine/promotionsteps.h"

namespace Stevedore::GitSteps {

/// git-clone: a working tree per `checkout` entry, from the local cache of the repository.
StepOutcome clone(StepRun &run);
/// git-clear: everything in a working tree except `.git`.
StepOutcome clear(StepRun &run);
/// git-commit: everything in the working tree, as the user's git identity.
StepOutcome commit(StepRun &run);
/// git-push: HEAD of a working tree to its remote, rebased onto others' pushes if needed.
StepOutcome push(StepRun &run);
/// git-tag: a tag at HEAD of a working tree (pushed by a git-push step with `tag`).
StepOutcome tag(StepRun &run);
/// The user's identity for commits in @p checkout, or nullopt with @p error saying how to set
/// it.
std::optional<GitIdentity> identityFor(const QString &path, QString *error);
/// What a promotion changed in @p checkout: the diff from its base and the resulting tree.
std::optional<RepositoryChange> change(const WorkspaceCheckout &checkout, QString *error);

} // namespace Stevedore::GitSteps
