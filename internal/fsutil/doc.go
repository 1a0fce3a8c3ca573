// Package fsutil writes files so that a crash or Ctrl-C never leaves a
// half-written document behind, checks output locations before any work
// is done, and locks a repository so that two runs do not interleave.
package fsutil
