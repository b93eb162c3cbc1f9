#pragma once

namespace Stevedore::Testing {

/// Runs the calling test executable again under `dbus-run-session`, with GNOME Keyring's
/// Secret Service started and unlocked, in a temporary HOME, and with @p sessionVariable set
/// so that the child knows it is inside. Returns the child's exit code (1 with a FAIL! line
/// when the session cannot be set up). Call it from main() before QCoreApplication exists.
int runInPrivateSecretService(int argc, char *argv[], const char *sessionVariable);

} // namespace Stevedore::Testing
