package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkDetect discovers a synthetic repository of 52 weeks × 12
// members, with 20 other files per week and 2,000 unrelated files.
func BenchmarkDetect(b *testing.B) {
	root := b.TempDir()
	write := func(p, s string) {
		full := filepath.Join(root, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(s), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	names := []string{"박지민", "최유나", "정하늘", "이은솔", "김빛나", "한결", "남궁민수", "류시현", "안서현", "곽꽃님", "제갈공명", "선우재덕"}
	readme := "## 일정\n\n| 주차 | 발표자 | 통합 정리자 |\n|---|---|---|\n"
	for i, n := range names {
		readme += fmt.Sprintf("| %d주차 | %s | %s |\n", i+1, n, names[(i+1)%len(names)])
	}
	write("README.md", readme)
	for w := 1; w <= 52; w++ {
		for _, n := range names {
			write(fmt.Sprintf("weeks/week%02d/study-note-%s.md", w, Initials(Romanize(n))), "# 정리\n")
		}
		for k := 0; k < 20; k++ {
			write(fmt.Sprintf("weeks/week%02d/images/img%02d.png", w, k), "\x00")
		}
	}
	for k := 0; k < 2000; k++ {
		write(fmt.Sprintf("references/part%02d/doc%04d.md", k/100, k), "참고")
	}
	b.ResetTimer()
	for b.Loop() {
		ws, err := Detect(root)
		if err != nil || len(ws.Weeks) != 52 || len(ws.Weeks[0].Notes) != 12 {
			b.Fatalf("weeks %d err %v", len(ws.Weeks), err)
		}
	}
}

func BenchmarkRomanize(b *testing.B) {
	for b.Loop() {
		Romanize("남궁민수")
		Romanize("박지민")
	}
}
