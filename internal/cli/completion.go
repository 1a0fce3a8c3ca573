package cli

import (
	"fmt"
	"path"
	"strings"

	"github.com/spf13/cobra"

	"github.com/moim-study/moim/internal/workspace"
)

// completeFlags teaches the shell completions (cobra's `moim completion
// bash|zsh|fish|powershell`) the values of moim's flags: folders for
// --repo, the engines, formats, recipes, and the weeks and tracks of the
// repository that --repo names.
func completeFlags(root *cobra.Command) {
	fixed := map[string][]string{
		"engine": {"offline", "openai", "anthropic"},
		"format": {"markdown", "json"},
		"ci":     {"github"},
		"recipe": recipeNames(),
	}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for name, values := range fixed {
			if c.Flags().Lookup(name) != nil {
				c.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp))
			}
		}
		if c.Flags().Lookup("repo") != nil {
			c.MarkFlagDirname("repo")
		}
		if c.Flags().Lookup("week") != nil {
			c.RegisterFlagCompletionFunc("week", completeWeeks)
		}
		if c.Flags().Lookup("track") != nil {
			c.RegisterFlagCompletionFunc("track", completeTracks)
		}
		if c.Flags().Lookup("template") != nil {
			c.MarkFlagFilename("template", "md")
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// repoOf opens the repository of the command's --repo (the current folder
// by default), or returns nil.
func repoOf(cmd *cobra.Command) *workspace.Workspace {
	repo, _ := cmd.Flags().GetString("repo")
	if repo == "" {
		repo = "."
	}
	ws, err := workspace.Open(repo)
	if err != nil {
		return nil
	}
	return ws
}

// completeTracks lists the tracks (studies) of the repository of --repo.
func completeTracks(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	if ws := repoOf(cmd); ws != nil {
		for _, tr := range ws.Tracks {
			if tr.Name != "" && strings.HasPrefix(tr.Name, toComplete) {
				out = append(out, tr.Name)
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeWeeks lists the weeks with notes in the repository of --repo
// (the current folder by default), with where their notes are.
func completeWeeks(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	ws := repoOf(cmd)
	if ws == nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	seen := map[int]bool{} // a week number of several tracks is offered once
	for _, wk := range ws.Weeks {
		n := fmt.Sprint(wk.Number)
		if len(wk.Notes) == 0 || seen[wk.Number] || !strings.HasPrefix(n, toComplete) {
			continue
		}
		seen[wk.Number] = true
		dir := wk.Dir
		if dir == "" {
			dir = path.Dir(wk.Output)
		}
		out = append(out, fmt.Sprintf("%s\t%d notes in %s", n, len(wk.Notes), dir))
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}
