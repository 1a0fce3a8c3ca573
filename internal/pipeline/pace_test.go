package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/moim-study/moim/internal/workspace"
)

func TestPacedRowFollowsTheStatedPace(t *testing.T) {
	root := t.TempDir()
	readme := "# 데이터베이스 스터디\n\n## 진도\n\n1주차 : 1장\n\n2주차 : 2,3장\n\n3주차 : 4~5장\n\n... 주차별로 2장씩 읽을 예정\n"
	if err := os.WriteFile(filepath.Join(root, "README.md"), []byte(readme), 0o644); err != nil {
		t.Fatal(err)
	}
	schedule := []workspace.ScheduleRow{
		{Week: 1, Chapters: "1장", Source: "README.md", Line: 5},
		{Week: 2, Chapters: "2,3장", Source: "README.md", Line: 7},
		{Week: 3, Chapters: "4~5장", Source: "README.md", Line: 9},
	}
	for n, want := range map[int]string{4: "6,7장", 8: "14,15장"} {
		r := pacedRow(root, schedule, n)
		if r == nil {
			t.Fatalf("week %d: no row from the pace", n)
		}
		if r.Chapters != want || r.Week != n || r.Origin != workspace.OriginPace || r.Line != 11 {
			t.Errorf("week %d: row %+v, want chapters %q from the pace line 11", n, *r, want)
		}
	}
	if r := pacedRow(root, schedule, 3); r != nil {
		t.Errorf("week 3 has a row of its own; got a paced one %+v", *r)
	}
	// Without a stated pace nothing is made up.
	if err := os.WriteFile(filepath.Join(root, "README.md"), []byte("1주차 : 1장\n2주차 : 2,3장\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := pacedRow(root, schedule, 4); r != nil {
		t.Errorf("README states no pace; got %+v", *r)
	}
}
