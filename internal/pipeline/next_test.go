package pipeline

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/moim-study/moim/internal/workspace"
)

func TestChapterNumbers(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []int
	}{
		{"5장", []int{5}},
		{"3-4장", []int{3, 4}},
		{"8-9.1장", []int{8, 9}},
		{"9.2-10장", []int{9, 10}},
		{"Ch. 2, 3", []int{2, 3}},
		{"1~3장", []int{1, 3, 2}},
		{"", nil},
	} {
		if got := chapterNumbers(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("chapterNumbers(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestChapterMaterial(t *testing.T) {
	root := t.TempDir()
	src := "# 챕터 요약\n\n## 1장. 임베딩\n\n임베딩은 텍스트를 벡터로 바꾼다.\n\n## 2장. 벡터 검색\n\n벡터 검색은 가까운 임베딩을 찾는다.\n\n### 2.1 색인\n\n색인은 검색을 빠르게 한다.\n\n## 3장. 평가\n\n평가는 어렵다.\n"
	if err := os.WriteFile(filepath.Join(root, "chapter-summaries.md"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "notes.md"), []byte("## 2장. 다른 파일\n\n무시된다.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ws := &workspace.Workspace{Root: root}
	docs := chapterMaterial(chapterSummaries(ws), &workspace.ScheduleRow{Week: 2, Chapters: "2장"})
	if len(docs) != 1 {
		t.Fatalf("docs = %d, want the one summary file", len(docs))
	}
	var got []string
	for _, s := range docs[0].Sentences {
		got = append(got, s.Text)
	}
	joined := strings.Join(got, "|")
	if !strings.Contains(joined, "벡터 검색은") || !strings.Contains(joined, "색인은") || strings.Contains(joined, "임베딩은 텍스트") || strings.Contains(joined, "평가는") {
		t.Errorf("sentences = %q, want only chapter 2", got)
	}
	if chapterMaterial(chapterSummaries(ws), &workspace.ScheduleRow{Week: 9}) != nil {
		t.Error("a row without chapters has no material")
	}
}
