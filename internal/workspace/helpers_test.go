package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// studyReadme is a made-up study README in the usual shape: avatars that
// link GitHub ids in a 참여자 section, and a schedule table.
const studyReadme = `# 데이터베이스 스터디

## 참여자

<div align="center">
<a href="https://github.com/jimin-park">
  <img src="https://avatars.githubusercontent.com/jimin-park" width="80" />
</a>
<a href="https://github.com/yunachoi">
  <img src="https://avatars.githubusercontent.com/yunachoi" width="80" />
</a>
<a href="https://github.com/sky-j">
  <img src="https://avatars.githubusercontent.com/u/1234?v=4" width="80" />
</a>
</div>

## 일정표

| 주차 | 날짜 | 범위 | 주요 내용 | 발표자 | 통합 정리자 |
|:---:|:---:|:---:|:---|:---:|:---:|
| 1주차 | 3/4 | 1장 | 관계형 모델 | 박지민 | 최유나 |
| **2주차** | 3/11 | 2-3장 | [인덱스와 조인](https://example.com/idx) | 최유나 | 정하늘 |
| 3주차 | 3/18 | 4장 | 트랜잭션 | 정하늘 | 박지민 |
`

// readmeNoSchedule lists members but has no schedule table.
const readmeNoSchedule = `# 알고리즘 모임

## 멤버

- 박지민 (@jimin-park)
- 최유나
- 정하늘
`

// mkRepo writes files (slash paths → content) under a new temporary
// folder and returns it. A content of "<dir>" makes an empty folder.
func mkRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for p, content := range files {
		full := filepath.Join(root, filepath.FromSlash(p))
		if content == "<dir>" {
			if err := os.MkdirAll(full, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// note is a small note body; n repeats it to make bigger files.
func note(n int) string {
	return strings.Repeat("# 정리\n\n인덱스는 조회를 빠르게 한다.\n", n)
}

// hasWarning reports whether some warning contains all the parts.
func hasWarning(ws *Workspace, parts ...string) bool {
	for _, w := range ws.Warnings {
		s := w.String()
		ok := true
		for _, p := range parts {
			if !strings.Contains(s, p) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func warningList(ws *Workspace) string {
	var b strings.Builder
	for _, w := range ws.Warnings {
		b.WriteString("\n  " + w.String())
	}
	return b.String()
}
