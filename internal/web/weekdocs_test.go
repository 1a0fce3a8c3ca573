package web

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWeekDocKind(t *testing.T) {
	tests := map[string]string{
		"weeks/week01/summary.md":        docSummary,
		"weeks/week01/Summary.MD":        docSummary,
		"weeks/week01/summary.md.md":     docSummary,
		"1주차/통합 정리.md":                   docSummary,
		"1주차/통합정리.md":                    docSummary,
		"weeks/week01/presentation.md":   docPresentation,
		"weeks/week01/발표 자료.md":          docPresentation,
		"weeks/week01/README.md":         "",
		"weeks/week01/ai-insights.md":    "",
		"weeks/week01/summary-of-ch2.md": "",
		"weeks/week01/study-note-KSE.md": "",
		"weeks/week01/presentation.png":  "",
		"weeks/week01/\u1110\u1169\u11bc\u1112\u1161\u11b8\u110c\u1165\u11bc\u1105\u1175.md": docSummary, // NFD 통합정리
	}
	for in, want := range tests {
		if got := weekDocKind(in); got != want {
			t.Errorf("weekDocKind(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDocState(t *testing.T) {
	tests := []struct {
		name, text string
		exists     bool
		want       string
	}{
		{"no file", "", false, wdMissing},
		{"empty file", "", true, wdTemplate},
		{"summary template", "# 통합 정리\n\n**정리자**: \n**날짜**: \n\n---\n\n## 주요 내용\n\n---\n", true, wdTemplate},
		{"presentation template", "# 발표 자료\n\n**발표자**: \n**날짜**: \n\n---\n\n## 내용\n", true, wdTemplate},
		{"labels filled, no body", "# 통합 정리\n\n**정리자**: 윤보라\n날짜: 4/8\n\n## 주요 내용\n\n- \n\n| | |\n|---|---|\n", true, wdTemplate},
		{"comments only", "# 통합 정리\n<!-- 여기에 정리를 쓰세요 -->\n<!--\n여러 줄\n-->\n", true, wdTemplate},
		{"written", "# 통합 정리\n\n**정리자**: 윤보라\n\n## 1장\n\n임베딩은 텍스트를 벡터로 바꾸는 표현 방법이다.\n", true, wdWritten},
		{"one list item", "## 내용\n\n- 벡터 데이터베이스의 인덱스\n", true, wdWritten},
		{"a long label is content", "**정리**: 이번 주에는 임베딩의 차원과 저장 비용의 관계를 중심으로 긴 토론을 했다.\n", true, wdWritten},
	}
	for _, tt := range tests {
		if got := docState(tt.exists, tt.text); got != tt.want {
			t.Errorf("%s: docState = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestStudyTitle(t *testing.T) {
	tests := []struct{ readme, want string }{
		{"# 벡터 검색 스터디\n\n본문\n", "벡터 검색 스터디"},
		{"<div>로고</div>\n\n# **AI** 스터디 #\n", "AI 스터디"},
		{"```\n# 코드 속 제목\n```\n# [진짜 제목](https://example.com)\n", "진짜 제목"},
		{"## 둘째 수준만\n", ""},
	}
	for _, tt := range tests {
		root := t.TempDir()
		if err := os.WriteFile(filepath.Join(root, "README.md"), []byte(tt.readme), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := studyTitle(root); got != tt.want {
			t.Errorf("studyTitle(%q) = %q, want %q", tt.readme, got, tt.want)
		}
	}
	if got := studyTitle(t.TempDir()); got != "" {
		t.Errorf("no README: %q", got)
	}
}
