// Command moim turns a study group's weekly notes into the week's insights
// document. See internal/cli for the commands.
package main

import (
	"context"
	"os"
	"os/signal"

	"github.com/moim-study/moim/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Main(ctx, os.Args[1:], cli.DefaultIO())
	stop()
	os.Exit(code)
}
