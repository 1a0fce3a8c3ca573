package web

import (
	"net/http"
	"strings"
	"testing"
)

// TestAdditionalFilesAndTracks: a member's additional file is a page of its
// own (bullets may cite it); a repository with two studies shows one, the
// first unless Options.Track names the other.
func TestAdditionalFilesAndTracks(t *testing.T) {
	root := writeRepo(t, map[string]string{
		"1. 책가/1회차/한가람.md":   "# 가\n\n가 책의 **임베딩** 장을 읽었다.\n",
		"1. 책가/1회차/한가람-2.md": "# 더\n\n**벡터 검색**은 근사 최근접 이웃을 쓴다.\n",
		"1. 책가/1회차/윤보라.md":   "# 가\n\n가 책의 **토크나이저** 장이다.\n",
		"2. 책나/1회차/한가람.md":   "# 나\n\n나 책의 **어텐션** 장이다.\n",
		"2. 책나/1회차/윤보라.md":   "# 나\n\n나 책의 **디코딩** 장이다.\n",
	})
	s := newSite(t, root)
	res := get(t, s.Handler(), "GET", "/note?path="+strings.ReplaceAll("1. 책가/1회차/한가람-2.md", " ", "%20"))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("additional file page: %d", res.StatusCode)
	}
	mustContain(t, body(t, res), "additional file page", "벡터 검색")
	week := body(t, get(t, s.Handler(), "GET", "/week/1"))
	if strings.Contains(week, "어텐션") || !strings.Contains(week, "임베딩") {
		t.Errorf("the week page of the first track shows another track's notes")
	}

	other, err := New(root, Options{Track: "2. 책나"})
	if err != nil {
		t.Fatal(err)
	}
	week = body(t, get(t, other.Handler(), "GET", "/week/1"))
	if !strings.Contains(week, "어텐션") || strings.Contains(week, "임베딩") {
		t.Errorf("Track 2. 책나: the week page shows the wrong study")
	}
	if _, err := New(root, Options{Track: "3. 없음"}); err == nil {
		t.Error("an unknown track is not an error")
	}
}
