// Package cli is moim's command line: one file per command, each with its
// Options struct and a run function, the commands listed in root.go, the
// engines in engines.go, and exit codes decided in one place (exitCode in
// root.go). Commands validate their flags before they open anything and
// leave the work to the packages below: pipeline for generate and check,
// eval, web, workspace for init.
package cli
