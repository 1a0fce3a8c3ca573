package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/workspace"
)

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, s := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestAdditionalAndEmptyNotes: a member's additional file is read with the
// main one (bullets may cite either, with its own lines), and a member
// whose file is empty gets the line that says so, not the one of a member
// who wrote nothing.
func TestAdditionalAndEmptyNotes(t *testing.T) {
	root := writeFiles(t, map[string]string{
		"README.md":             "# 스터디\n\n## 참여자\n\n- 한서진\n- 오태윤\n- 문가람\n",
		"week01/한서진.md":         "# 버퍼 풀\n\n버퍼 풀은 **페이지**를 메모리에 캐시한다.\n",
		"week01/한서진-2.md":       "# 교체 정책\n\n\n\nCLOCK 교체 정책은 LRU를 근사하는 **참조 비트**를 쓴다.\n",
		"week01/오태윤.md":         "",
		"week02/한서진.md":         "# 다음 주\n\nLSM 트리를 읽는다.\n",
		"week02/오태윤.md":         "# 다음 주\n\n컴팩션을 본다.\n",
		"week02/문가람.md":         "# 다음 주\n\n블룸 필터.\n",
		"week01/ai-insights.md": "",
	})
	ws, err := workspace.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	wk, _ := ws.Week(1)
	if len(wk.Notes) != 1 || strings.Join(wk.Notes[0].Paths(), ",") != "week01/한서진.md,week01/한서진-2.md" {
		t.Fatalf("week 1 notes = %+v", wk.Notes)
	}
	w, err := Load(ws, wk, "", "-")
	if err != nil {
		t.Fatal(err)
	}
	res, err := w.Generate(context.Background(), offlineEngine())
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]bool{}
	var seo, oh, mun *struct{ notice, note string }
	for _, m := range res.Members {
		v := &struct{ notice, note string }{m.Notice, m.Note}
		switch m.Name {
		case "한서진":
			seo = v
			for _, sec := range m.Sections {
				for _, b := range sec.Bullets {
					for _, s := range b.Sources {
						files[s.File] = true
						if s.File == "week01/한서진-2.md" && s.Line != 5 {
							t.Errorf("source %+v: the additional file's sentence is on its line 5", s)
						}
					}
				}
			}
		case "오태윤":
			oh = v
		case "문가람":
			mun = v
		}
	}
	if seo == nil || oh == nil || mun == nil {
		t.Fatalf("members = %+v", res.Members)
	}
	if !files["week01/한서진-2.md"] {
		t.Errorf("no bullet cites the additional file; sources from %v", files)
	}
	if oh.notice != NoticeEmpty || oh.note != "week01/오태윤.md" {
		t.Errorf("empty note: notice %q note %q, want %q", oh.notice, oh.note, NoticeEmpty)
	}
	if mun.notice == NoticeEmpty || mun.notice == "" {
		t.Errorf("missing note: notice %q", mun.notice)
	}
	doc, err := w.Document(res)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc, NoticeEmpty) {
		t.Errorf("the document does not say the note is empty:\n%s", doc)
	}
}

// TestTracksKeepTheirWeeks: two studies with the same week numbers: each
// week's input has its own track's members, and "next week" is the same
// track's.
func TestTracksKeepTheirWeeks(t *testing.T) {
	root := writeFiles(t, map[string]string{
		"1. 책가/1회차/한서진.md": "# 가\n\n가 책의 첫 장.\n",
		"1. 책가/1회차/오태윤.md": "# 가\n\n가 책의 첫 장 정리.\n",
		"1. 책가/2회차/한서진.md": "# 가2\n\n가 책의 둘째 장.\n",
		"2. 책나/1회차/한서진.md": "# 나\n\n나 책의 첫 장.\n",
	})
	ws, err := workspace.Open(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(ws.Tracks) != 2 {
		t.Fatalf("tracks = %+v", ws.Tracks)
	}
	b1, ok := ws.WeekIn("2. 책나", 1)
	if !ok {
		t.Fatalf("no week 1 in track 2. 책나: %+v", ws.Weeks)
	}
	w, err := Load(ws, b1, "", "-")
	if err != nil {
		t.Fatal(err)
	}
	in := w.Input()
	if len(in.Members) != 1 || in.Members[0].Member.Name != "한서진" {
		t.Errorf("members of 2. 책나 week 1 = %+v", in.Members)
	}
	if len(in.NextDocs) != 0 {
		t.Errorf("next week's notes come from another track: %+v", in.NextDocs)
	}
	a1, _ := ws.WeekIn("1. 책가", 1)
	wa, err := Load(ws, a1, "", "-")
	if err != nil {
		t.Fatal(err)
	}
	if in := wa.Input(); len(in.Members) != 2 || len(in.NextDocs) != 1 || in.NextDocs[0].Path != "1. 책가/2회차/한서진.md" {
		t.Errorf("1. 책가 week 1: members %d, next %+v", len(in.Members), in.NextDocs)
	} else if by := in.NextAuthors[in.NextDocs[0].Path]; by != "한서진" {
		t.Errorf("1. 책가 week 1: next week's note is by %q, want 한서진", by)
	}
}

// Week folders named after their chapter are the schedule when the README
// has none: the week's input names next week's chapter and topic.
func TestChapterFoldersAreTheSchedule(t *testing.T) {
	root := writeFiles(t, map[string]string{
		"README.md":          "# 스터디\n\n## 참여자\n\n- 한서진\n- 오태윤\n",
		"[01장] 저장 구조/한서진.md": "# 저장 구조\n\n페이지는 디스크와 메모리 사이의 단위이다.\n",
		"[01장] 저장 구조/오태윤.md": "# 저장 구조\n\n버퍼 풀은 페이지를 캐시한다.\n",
		"[02장] 인덱스/한서진.md":   "# 인덱스\n\nB 트리는 정렬된 키를 유지한다.\n",
		"[02장] 인덱스/오태윤.md":   "# 인덱스\n\n해시 인덱스는 범위 검색에 약하다.\n",
	})
	w := loadWeek(t, root, 1, "")
	in := w.Input()
	if in.Next == nil || in.Next.Chapters != "2장" || in.Next.Topic != "인덱스" {
		t.Fatalf("next week's row = %+v, want 2장 인덱스 from its folder", in.Next)
	}
}
