// Package testutil holds the helpers tests of several packages share:
// golden files rewritten with -update (Golden), a copy of the demo
// repository (CopyDemo), the peak resident memory of the process
// (PeakRSS), and a counter for hooks (Counter). It also holds what tests
// need from the machine (env.go): the reference corpus (Corpus), Chromium
// (Chromium), symbolic links (Symlink) and a user that file permissions
// apply to (RunUnprivileged, Unprivileged) — skipped without them, failed
// with CI=true (SkipOrFail) — and a minimal environment for the processes
// tests start (Env). Only tests import it, and it imports no package of
// moim, so any package's tests may use it.
package testutil
