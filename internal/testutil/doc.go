// Package testutil holds the helpers tests of several packages share:
// golden files rewritten with -update (Golden), a copy of the demo
// repository (CopyDemo), the peak resident memory of the process
// (PeakRSS), and a counter for hooks (Counter). Only tests import it, and
// it imports no package of moim, so any package's tests may use it.
package testutil
