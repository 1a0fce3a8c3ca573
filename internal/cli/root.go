package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/moim-study/moim/internal/pipeline"
	"github.com/moim-study/moim/internal/progress"
)

// Exit codes; exitCode decides which one an error gets.
const (
	ExitOK    = 0
	ExitCheck = 1 // check failed, nothing to do
	ExitInput = 2 // usage or input error
	// ExitInterrupted is the exit code after Ctrl-C (128 + SIGINT, as
	// shells do).
	ExitInterrupted = 130
)

// IO is where a command reads and writes.
type IO struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// Getenv reads the environment (os.Getenv in production).
	Getenv func(string) string
	// Progress is the status line on ErrOut during long runs; nil draws
	// nothing. DefaultIO makes one that draws only on a terminal.
	Progress *progress.Line
}

// Version is set at build time with -ldflags "-X .../internal/cli.Version=v1.2.3".
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// NewRoot builds the command tree.
func NewRoot(s *IO) *cobra.Command {
	root := &cobra.Command{
		Use:   "moim",
		Short: "Turn a study group's weekly notes into the week's insights document",
		Long: `moim (모임) reads the weekly notes each member of a study group writes into
the group's git repository and fills the week's insights document
(ai-insights.md): per member key insights, unique perspectives, practical
ideas and what needs more study; for the group common questions, deeper
debates and links to next week. Every bullet keeps the note line it came
from, and edits people make to the document survive regeneration.

Offline and deterministic by default; with --engine openai|anthropic an LLM
writes the bullets and moim verifies them against the notes.`,
		Example: `  moim init --repo ./my-study          # detect layout, members, schedule → moim.yaml
  moim generate --repo ./my-study      # the latest week with notes
  moim generate --week 2 --out -       # print week 2 instead of writing it
  moim check                           # exit 1 when a week's document is stale`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(s.Out)
	root.SetErr(s.ErrOut)
	root.SetIn(s.In)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fmt.Errorf("%w\nRun '%s --help' for usage.", err, c.CommandPath())
	})
	// Every command, in the order `moim --help` lists them.
	root.AddCommand(
		newInitCmd(s),
		newLsCmd(s),
		newGenerateCmd(s),
		newCheckCmd(s),
		newEvalCmd(s),
		newServeCmd(s),
		newSiteCmd(s),
		newManCmd(s), // hidden
	)
	completeFlags(root)
	return root
}

// reportURL is where people report bugs.
const reportURL = "https://github.com/moim-study/moim/issues"

// Main runs moim with args and returns the process exit code. Errors are
// printed to s.ErrOut as one "moim: ..." message; a panic (a bug) is
// printed as a short message asking for a report, without a stack trace
// unless MOIM_DEBUG is set, and exits 2.
func Main(ctx context.Context, args []string, s *IO) (code int) {
	defer func() {
		if r := recover(); r != nil {
			code = exitCode(ctx, s, &pipeline.PanicError{Value: r, Stack: debug.Stack()})
		}
	}()
	root := NewRoot(s)
	root.SetArgs(args)
	return exitCode(ctx, s, root.ExecuteContext(ctx))
}

// exitCode reports err to the user and returns the exit code it gets: the
// one place that maps errors to exit codes. Commands return plain errors;
// only these kinds differ from ExitInput:
//
//   - nil: ExitOK;
//   - a check that failed (moim check) or nothing to do (no week with
//     notes): ExitCheck;
//   - Ctrl-C (the context cancelled): ExitInterrupted;
//   - a panic (a bug in moim): ExitInput, with a request to report it.
//
// Everything else — bad flags, unknown commands (cobra's plain errors),
// unreadable input, failed writes, LLM set-up — is ExitInput.
func exitCode(ctx context.Context, s *IO, err error) int {
	var pe *pipeline.PanicError
	var stale *staleWeeks
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &pe):
		return reportPanic(s, pe)
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		fmt.Fprintln(s.ErrOut, "moim: interrupted: stopped before writing; every document is as it was")
		return ExitInterrupted
	}
	fmt.Fprintf(s.ErrOut, "moim: %v\n", err)
	if errors.As(err, &stale) || errors.Is(err, pipeline.ErrNothingToDo) {
		return ExitCheck
	}
	return ExitInput
}

func reportPanic(s *IO, pe *pipeline.PanicError) int {
	fmt.Fprintf(s.ErrOut, "moim: %v\nThis is a bug in moim, not in your files. Please report it at %s with the command you ran (moim --version: %s).\nDocuments are replaced only as a whole, so none was left half-written.\n", pe, reportURL, version())
	if s.Getenv != nil && s.Getenv("MOIM_DEBUG") != "" {
		s.ErrOut.Write(pe.Stack)
	}
	return ExitInput
}

// DefaultIO is the process's standard streams.
// Stderr goes through the status line, which is drawn only when stderr is
// a terminal (and in colour only without NO_COLOR).
func DefaultIO() *IO {
	line := progress.New(os.Stderr, progress.Detect(os.Stderr, os.Getenv))
	return &IO{In: os.Stdin, Out: os.Stdout, ErrOut: line.Writer(), Getenv: os.Getenv, Progress: line}
}
