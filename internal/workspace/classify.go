package workspace

import (
	"bytes"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
)

// fileClass is what a file can be before the repository's structure is known.
type fileClass int

const (
	// fcNote: a possible note (markdown, or text without an extension).
	fcNote fileClass = iota
	// fcGroup: a file named like the group's (summary.md, 정리.md, 회고.md,
	// README.md, presentation.md, a template): a note only inside a
	// member's own folder, otherwise a group file.
	fcGroup
	// fcOutput: the insights document moim writes.
	fcOutput
	// fcSkip: never a note (image, code, asset, hidden file ...).
	fcSkip
)

// fileInfo is the static verdict on one file: what its name, place and
// first bytes say, before weeks and members are known.
type fileInfo struct {
	e      entry
	class  fileClass
	reason string // why it is not a note (fcSkip, fcOutput; fcGroup when outside a member folder)
	// presenter is set for a presenter's *-main-* file.
	presenter bool
	// empty: 0 bytes, or only white space.
	empty bool
}

// Reasons a file is not a note, as `moim ls` shows them.
const (
	reasonHidden      = "hidden file"
	reasonReadme      = "the repository's README"
	reasonConfig      = "moim's configuration"
	reasonOutput      = "insights document (moim writes it)"
	reasonImage       = "image"
	reasonBinary      = "binary file"
	reasonNotMarkdown = "not a markdown file"
	reasonAsset       = "in an asset folder"
	reasonCode        = "inside a code project"
	reasonCodeDir     = "in a code folder"
	reasonTemplate    = "template"
	reasonGroup       = "group file (of the whole group, not one member's note)"
	reasonNoWeek      = "not in a week: no week folder or week number in its path"
	reasonRootFile    = "repository file outside the weeks"
	reasonEmptyExtra  = "empty file"
	reasonNoMember    = "cannot tell whose note it is (no member in the file or folder name)"
	reasonNoPresenter = "presenter's file, but the week's presenter is unknown"
	reasonNotListed   = "not a note in moim.yaml (layout or notes)"
)

// imageExts and binaryExts are extensions that are certainly not notes.
var imageExts = map[string]bool{
	".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".svg": true,
	".bmp": true, ".ico": true, ".heic": true, ".tif": true, ".tiff": true, ".avif": true,
}

var binaryExts = map[string]bool{
	".pdf": true, ".zip": true, ".pptx": true, ".ppt": true, ".key": true, ".docx": true,
	".doc": true, ".xlsx": true, ".xls": true, ".hwp": true, ".hwpx": true, ".mp4": true,
	".mov": true, ".mp3": true, ".wav": true, ".tar": true, ".gz": true, ".7z": true,
	".jar": true, ".class": true, ".exe": true, ".dll": true, ".so": true, ".woff": true,
	".woff2": true, ".ttf": true, ".otf": true, ".pkl": true, ".pt": true, ".bin": true,
}

// codeMarkers are files that make their folder a code project.
var codeMarkers = map[string]bool{
	"package.json": true, "go.mod": true, "cargo.toml": true, "pom.xml": true,
	"build.gradle": true, "build.gradle.kts": true, "settings.gradle": true,
	"settings.gradle.kts": true, "pyproject.toml": true, "setup.py": true,
	"requirements.txt": true, "gemfile": true, "composer.json": true, "cmakelists.txt": true,
	"tsconfig.json": true, "deno.json": true, "pubspec.yaml": true, "mix.exs": true,
}

// codeDirs are folders that hold code wherever they are; rootCodeDirs are
// the code folders of a project at the repository root.
var (
	codeDirs     = map[string]bool{"src": true, "node_modules": true, "__pycache__": true, "venv": true, ".venv": true, "target": true, "vendor": true}
	rootCodeDirs = map[string]bool{"app": true, "pages": true, "components": true, "lib": true, "dist": true, "build": true, "out": true, "scripts": true, "test": true, "tests": true, "public": true, "styles": true, "hooks": true, "utils": true, "content": true, "layouts": true}
)

// assetDirs are folders of images and attachments.
var assetDirs = map[string]bool{
	"assets": true, "asset": true, "images": true, "image": true, "img": true, "imgs": true,
	"static": true, "attachments": true, "attachment": true, "media": true, "figures": true,
	"fig": true, "figs": true, "screenshots": true, "pics": true, "pictures": true,
	"이미지": true, "사진": true, "첨부": true, "첨부파일": true,
}

// templateDirs hold templates, never notes.
var templateDirs = map[string]bool{"templates": true, "template": true, "양식": true, "템플릿": true}

// groupWords are words that name a file of the whole group (or of the
// repository) rather than one member's note: a file whose name is made of
// them and numbers only is a group file, except inside a member's folder.
var groupWords = map[string]bool{
	"readme": true, "index": true, "summary": true, "summaries": true, "요약": true, "정리": true,
	"통합정리": true, "통합": true, "전체정리": true, "전체": true, "주차정리": true, "회고": true,
	"전체회고": true, "presentation": true, "발표": true, "발표자료": true, "자료": true,
	"slides": true, "slide": true, "회의록": true, "minutes": true, "retro": true,
	"retrospective": true, "agenda": true, "공지": true, "공지사항": true, "일정": true,
	"schedule": true, "questions": true, "question": true, "질문": true, "qna": true,
	"template": true, "양식": true, "todo": true, "notice": true, "license": true,
	"contributing": true, "changelog": true, "insights": true, "ai-insights": true, "moim": true,
	"통합본": true, "week": true, "주차": true, "회차": true, "notes": true, "note": true,
}

// extOf returns a file name's extension in lower case, "" when it has none.
// Only a short run of letters and digits after the last dot counts, so that
// "3.1 정리" and "9장 스프링 (2)" have none.
var reExt = regexp.MustCompile(`\.[A-Za-z0-9]{1,5}$`)

func extOf(base string) string {
	if strings.HasPrefix(base, ".") && strings.Count(base, ".") == 1 {
		return ""
	}
	return strings.ToLower(reExt.FindString(base))
}

// codeIndex knows the code projects of a repository.
type codeIndex struct {
	roots map[string]string // folder → the marker file that makes it a project
	root  string            // marker at the repository root, "" when none
}

func newCodeIndex(files []entry) *codeIndex {
	ci := &codeIndex{roots: map[string]string{}}
	for _, e := range files {
		b := strings.ToLower(e.base())
		if !codeMarkers[b] && !strings.HasSuffix(b, ".csproj") && !strings.HasSuffix(b, ".sln") {
			continue
		}
		dir := path.Dir(e.rel)
		if dir == "." {
			ci.root = e.base()
			continue
		}
		if _, ok := ci.roots[dir]; !ok {
			ci.roots[dir] = e.base()
		}
	}
	return ci
}

// reason says why a file is code, "" when it is not.
func (ci *codeIndex) reason(e entry) string {
	parts := strings.Split(e.rel, "/")
	for i := 1; i < len(parts); i++ {
		dir := strings.Join(parts[:i], "/")
		if m, ok := ci.roots[dir]; ok {
			return reasonCode + " (" + dir + "/" + m + ")"
		}
		f := strings.ToLower(e.segs[i-1])
		if codeDirs[f] {
			return reasonCodeDir + " (" + strings.Join(parts[:i], "/") + "/)"
		}
		if i == 1 && ci.root != "" && rootCodeDirs[f] {
			return reasonCode + " (" + ci.root + " at the root; " + parts[0] + "/)"
		}
	}
	return ""
}

// classifier gives files their static verdict.
type classifier struct {
	root       string
	outputName string
	code       *codeIndex
}

func (c *classifier) classify(e entry) fileInfo {
	fi := fileInfo{e: e}
	skip := func(reason string) fileInfo {
		fi.class, fi.reason = fcSkip, reason
		return fi
	}
	base := e.base()
	if base == "" || strings.HasPrefix(base, ".") {
		return skip(reasonHidden)
	}
	lower := strings.ToLower(base)
	depth := len(e.segs)
	if depth == 1 && lower == ConfigFile {
		return skip(reasonConfig)
	}
	if r := c.code.reason(e); r != "" {
		return skip(r)
	}
	for i := 0; i < depth-1; i++ {
		f := foldName(e.segs[i])
		if assetDirs[f] {
			return skip(reasonAsset + " (" + strings.Join(strings.Split(e.rel, "/")[:i+1], "/") + "/)")
		}
		if templateDirs[f] {
			return skip(reasonTemplate)
		}
	}
	if lower == strings.ToLower(c.outputName) || lower == DefaultOutputName {
		fi.class, fi.reason = fcOutput, reasonOutput
		return fi
	}
	stem, md := stripMarkdownExt(base)
	if !md {
		ext := extOf(base)
		switch {
		case imageExts[ext]:
			return skip(reasonImage)
		case binaryExts[ext]:
			return skip(reasonBinary + " (" + ext + ")")
		case ext != "":
			if codeMarkers[lower] {
				return skip(reasonCode + " (" + base + ")")
			}
			return skip(reasonNotMarkdown + " (" + ext + ")")
		}
	}
	if depth == 1 && isReadmeName(stem) {
		return skip(reasonReadme)
	}
	if !md {
		if head := c.head(e, 8192); bytes.IndexByte(head, 0) >= 0 {
			return skip(reasonBinary)
		}
	}
	if reMain.MatchString(stem) {
		fi.presenter = true
		return fi
	}
	if isTemplateName(stem) {
		fi.class, fi.reason = fcGroup, reasonTemplate
		return fi
	}
	if isGroupName(stem) {
		fi.class, fi.reason = fcGroup, reasonGroup
		return fi
	}
	return fi
}

// head reads the first bytes of a file, at most max.
func (c *classifier) head(e entry, max int64) []byte {
	f, err := os.Open(filepath.Join(c.root, filepath.FromSlash(e.rel)))
	if err != nil {
		return nil
	}
	defer f.Close()
	buf := make([]byte, min(e.size+1, max))
	n, _ := io.ReadFull(f, buf)
	return buf[:n]
}

// isEmpty reports whether a file is empty: 0 bytes, or a few bytes of
// white space (and a BOM). Only files that may be notes are asked.
func (c *classifier) isEmpty(e entry) bool {
	if e.size == 0 {
		return true
	}
	if e.size > 64 {
		return false
	}
	head := c.head(e, 65)
	return len(head) == int(e.size) && len(bytes.TrimSpace(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")))) == 0
}

func isReadmeName(stem string) bool {
	return strings.EqualFold(stem, "readme") || strings.EqualFold(stem, "read me")
}

var reTemplateName = regexp.MustCompile(`(?i)(^|[-_ .])(template|양식|템플릿 양식)$|^template[-_ .]`)

func isTemplateName(stem string) bool { return reTemplateName.MatchString(cleanName(stem)) }

// isGroupName reports whether a file's name (without extension) is made of
// group words and numbers only: "summary", "3주차 정리", "week3-회고", "README".
func isGroupName(stem string) bool {
	words := nameWords(cleanName(stem))
	seen := false
	for _, w := range words {
		f := strings.ToLower(w)
		switch {
		case groupWords[f]:
			seen = true
		case isNumberWord(f) || parseSeq(f).kind != seqNone:
		default:
			return false
		}
	}
	return seen
}

// nameWords splits a name at separators.
func nameWords(s string) []string {
	return strings.FieldsFunc(s, isSep)
}

// isNumberWord reports whether w is digits and dots only ("3", "3.1", "v2").
func isNumberWord(w string) bool {
	if reVersion.MatchString(w) {
		return true
	}
	digits := false
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digits = true
		case r == '.':
		default:
			return false
		}
	}
	return digits
}
