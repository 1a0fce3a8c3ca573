package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
)

func runMoim(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(context.Background(), args, &IO{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, Getenv: func(string) string { return "" }})
	return code, out.String(), errOut.String()
}

func TestEvalCommand(t *testing.T) {
	const ref, gen, repo = "../eval/testdata/ref.md", "../eval/testdata/mixed.md", "../eval/testdata/repo"
	tests := []struct {
		name     string
		args     []string
		code     int
		out, err string
	}{
		{name: "table with notes", args: []string{"eval", "--reference", ref, "--generated", gen, "--repo", repo, "--week", "1"},
			out: "supp  attr  debris"},
		{name: "table without notes", args: []string{"eval", "--reference", ref, "--generated", gen},
			out: "terms    f1  debris"},
		{name: "unreadable generated file", args: []string{"eval", "--reference", ref, "--generated", "없는파일.md"},
			code: ExitInput, err: "없는파일.md"},
		{name: "reference is not an insights document", args: []string{"eval", "--reference", repo + "/README.md", "--generated", gen},
			code: ExitInput, err: "README.md: not an insights document"},
		{name: "repo without week", args: []string{"eval", "--reference", ref, "--generated", gen, "--repo", repo},
			code: ExitInput, err: "--repo needs --week"},
		{name: "missing week", args: []string{"eval", "--reference", ref, "--generated", gen, "--repo", repo, "--week", "7"},
			code: ExitInput, err: "week 7 not found"},
		{name: "required flags", args: []string{"eval", "--reference", ref},
			code: ExitInput, err: "generated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runMoim(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.code, errOut)
			}
			if !strings.Contains(out, tt.out) || !strings.Contains(errOut, tt.err) {
				t.Errorf("stdout %q lacks %q or stderr %q lacks %q", out, tt.out, errOut, tt.err)
			}
		})
	}
}

func TestEvalJSON(t *testing.T) {
	code, out, errOut := runMoim(t, "eval", "--json", "--reference", "../eval/testdata/ref.md",
		"--generated", "../eval/testdata/mixed.md", "--repo", "../eval/testdata/repo", "--week", "1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res struct {
		Notes bool `json:"notes"`
		Rows  []struct {
			Member    string   `json:"member"`
			Section   string   `json:"section"`
			Supported *float64 `json:"supported"`
			Debris    int      `json:"debris"`
		} `json:"rows"`
		Total struct {
			GenBullets int `json:"gen_bullets"`
			Debris     int `json:"debris"`
		} `json:"total"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if !res.Notes || len(res.Rows) != 6 || res.Rows[0].Member != "박지민" || res.Rows[0].Supported == nil || res.Total.GenBullets != 9 || res.Total.Debris != 2 {
		t.Errorf("unexpected result: %+v", res)
	}
}
