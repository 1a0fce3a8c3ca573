package workspace

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestParseNoteName(t *testing.T) {
	tests := []struct {
		name   string
		week   int
		member string
	}{
		{"study-note-PJM.md", 0, "PJM"},
		{"week3-박지민.md", 3, "박지민"},
		{"Week 03 - 박지민.md", 3, "박지민"},
		{"박지민.md", 0, "박지민"},
		{"박지민.md.md", 0, "박지민"},
		{"jimin-park.markdown", 0, "jimin-park"},
		{norm.NFD.String("최유나-정리.md"), 0, "최유나"},
		{"최유나\u200b\u0007.md", 0, "최유나"},
		{"3주차.md", 3, ""},
		{"제2주차_정하늘.md", 2, "정하늘"},
		{"3장-함수.md", 3, "함수"},
		{"chap07_박지민.md", 7, "박지민"},
		{"Chapter8-14.md", 8, ""},
		{"241105-최유나.md", 20241105, "최유나"},
		{"w2-PJM.md", 2, "PJM"},
		{"PJM_week12_note_v2.md", 12, "PJM"},
		{"note.md", 0, ""},
		{"weeks/week01/study-note-CYN.md", 0, "CYN"},
		{"Hong Gil-Dong.md", 0, "Hong Gil-Dong"},
		{"newton2.md", 0, "newton2"},
		{"README", 0, "README"},
	}
	for _, tt := range tests {
		week, member := ParseNoteName(tt.name)
		if week != tt.week || member != tt.member {
			t.Errorf("ParseNoteName(%q) = %d, %q; want %d, %q", tt.name, week, member, tt.week, tt.member)
		}
	}
}

func TestParseSeq(t *testing.T) {
	tests := []struct {
		name string
		kind seqKind
		n    int
	}{
		{"week01", seqWeek, 1}, {"Week-12", seqWeek, 12}, {"1주차", seqWeek, 1}, {"2회차", seqWeek, 2},
		{"chap07", seqChapter, 7}, {"Chap07", seqChapter, 7}, {"Chapter8-14", seqChapter, 8}, {"8-9.1장", seqChapter, 8},
		{"241105", seqDate, 20241105}, {"2024-11-19", seqDate, 20241119}, {"20241301", seqNone, 0},
		{"DeepDive", seqNone, 0}, {"members", seqNone, 0}, {"week0", seqNone, 0}, {"Team1", seqNone, 0},
	}
	for _, tt := range tests {
		s := parseSeq(tt.name)
		if s.kind != tt.kind || s.n != tt.n {
			t.Errorf("parseSeq(%q) = %v %d, want %v %d", tt.name, s.kind, s.n, tt.kind, tt.n)
		}
	}
}

func TestRomanize(t *testing.T) {
	tests := []struct{ name, roman, initials string }{
		{"박지민", "Park Ji-Min", "PJM"},
		{"최유나", "Choi Yu-Na", "CYN"},
		{"정하늘", "Jung Ha-Neul", "JHN"},
		{"김빛나", "Kim Bit-Na", "KBN"},    // ㅊ final → t
		{"곽꽃님", "Kwak Kkot-Nim", "KKN"}, // ㄲ initial
		{"이은솔", "Lee Eun-Sol", "LES"},
		{"한결", "Han Gyeol", "HG"},
		{"류시현", "Yoo Si-Hyeon", "YSH"}, // strict RR: 현 hyeon
		{"남궁민수", "Namgung Min-Su", "NMS"},
		{"황보석", "Hwangbo Seok", "HS"},
		{"제갈공명", "Jegal Gong-Myeong", "JGM"},
		{"선우재덕", "Sunwoo Jae-Deok", "SJD"},
		{"독고영재", "Dokgo Yeong-Jae", "DYJ"},
		{"사공은비", "Sagong Eun-Bi", "SEB"},
		{"빈하람", "Bin Ha-Ram", "BHR"}, // surname outside the table: RR
		{norm.NFD.String("최유나"), "Choi Yu-Na", "CYN"},
		{"박 지민", "Park Ji-Min", "PJM"},
		{"Alice", "Alice", "A"},
	}
	for _, tt := range tests {
		got := Romanize(tt.name)
		if got != tt.roman {
			t.Errorf("Romanize(%q) = %q, want %q", tt.name, got, tt.roman)
		}
		if ini := Initials(got); ini != tt.initials {
			t.Errorf("Initials(%q) = %q, want %q", got, ini, tt.initials)
		}
	}
}

func TestMatcher(t *testing.T) {
	members := []Member{
		{Name: "박지민", GitHub: "jimin-park"},
		{Name: "최유나", Aliases: []string{"유나짱"}},
		{Name: "안서현", Roman: "Ahn Seo-Hyun"},
		{Name: "이하준"},
		{Name: "임하진"}, // shares initials with 이하준 under Lee/Lim variants
	}
	m := newMatcher(members)
	tests := []struct {
		token string
		want  int
		how   matchHow
	}{
		{"박지민", 0, matchName},
		{norm.NFD.String("박지민"), 0, matchName},
		{"Jimin-Park", 0, matchGitHub},
		{"유나짱", 1, matchAlias},
		{"Park Ji-Min", 0, matchRoman},
		{"parkjimin", 0, matchRoman},
		{"jimin park", 0, matchGitHub}, // the id squashed
		{"Yuna Choi", 1, matchRoman},
		{"PJM", 0, matchInitials},
		{"bjm", 0, matchInitials}, // 박 as Bak
		{"JMP", 0, matchInitials}, // given name first
		{"CYN", 1, matchInitials},
		{"ASH", 2, matchInitials}, // 현 from the configured "Hyun" and RR "Hyeon" both start with H
		{"Ahn Seo-Hyun", 2, matchRoman},
		{"Ahn Seo-Hyeon", 2, matchRoman},
		{"LHJ", -1, matchNone}, // 이하준 and 임하진 (Lim) both fit
		{"박지민정리", 0, matchContains},
		{"지민", 0, matchGiven},
		{"XYZ", -1, matchNone},
		{"", -1, matchNone},
	}
	for _, tt := range tests {
		got, how := m.match(tt.token)
		if got != tt.want || how != tt.how {
			t.Errorf("match(%q) = %d (%v), want %d (%v)", tt.token, got, how, tt.want, tt.how)
		}
	}
}

func TestGitHubScore(t *testing.T) {
	tests := []struct {
		id   string
		name string
		min  int
	}{
		{"jimin-park", "박지민", 4},
		{"JiminP", "박지민", 3},
		{"seohyun-ahn", "안서현", 4},
		{"haneul99", "정하늘", 3},
		{"eunsol", "이은솔", 3},
		{"zzz", "박지민", 0},
	}
	for _, tt := range tests {
		if got := githubScore(tt.id, Member{Name: tt.name}); got < tt.min || (tt.min == 0 && got != 0) {
			t.Errorf("githubScore(%q, %s) = %d, want ≥ %d", tt.id, tt.name, got, tt.min)
		}
	}
}

func FuzzParseNoteName(f *testing.F) {
	for _, s := range []string{
		"study-note-PJM.md", "week3-박지민.md", "박지민.md.md", norm.NFD.String("최유나.md"), "3장-함수.md",
		"Chapter8-14", "241105-최유나.md", "\x00\x01.md", "제2주차_정하늘.md", "w2-.md", "....md", "week999999.md",
		"\xff\xfe.md", "-_-.md.md", "v2.md",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		week, member := ParseNoteName(name)
		if week < 0 || (week > 999 && (week < 19900101 || week > 20991231)) {
			t.Fatalf("ParseNoteName(%q) week = %d", name, week)
		}
		if !utf8.ValidString(member) || !norm.NFC.IsNormalString(member) {
			t.Fatalf("ParseNoteName(%q) member %q is not valid NFC", name, member)
		}
		if strings.ContainsAny(member, "/\\") {
			t.Fatalf("ParseNoteName(%q) member %q has a path separator", name, member)
		}
		for _, r := range member {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
				t.Fatalf("ParseNoteName(%q) member %q has control character %U", name, member, r)
			}
		}
		if member != "" {
			first, _ := utf8.DecodeRuneInString(member)
			last, _ := utf8.DecodeLastRuneInString(member)
			if isSep(first) || isSep(last) {
				t.Fatalf("ParseNoteName(%q) member %q has separators at its ends", name, member)
			}
		}
		// The member token is stable: parsing it again as a file name
		// yields the same token when it carries no number of its own.
		// ("0.md(" gives "0.md", which then reads as a markdown name: skip those.)
		if _, md := stripMarkdownExt(member); md {
			return
		}
		if w2, m2 := ParseNoteName(member + ".md"); w2 == 0 && m2 != member && member != "" && !hasEdgeWord(member) {
			t.Fatalf("ParseNoteName(%q) = %q, but %q.md → %q", name, member, member, m2)
		}
	})
}

// hasEdgeWord reports whether s starts or ends with a word trimEdgeWords
// removes (it can only surface after the number between them is gone).
func hasEdgeWord(s string) bool { return trimEdgeWords(s) != s }
