// Package release holds the checks of moim's release build, in its tests:
// GoReleaser's configuration (.goreleaser.yaml at the repository root) and
// a snapshot release of the current platform, and `go install …@latest`
// printing the module's version. It has no code of its own; the tests need
// goreleaser on PATH (.ci/run installs the pinned version).
package release
