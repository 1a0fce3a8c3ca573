package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"

	"github.com/moim-study/moim/internal/workspace"
)

// linker builds the links between pages: absolute routes for the server,
// relative file names for the static site.
type linker struct {
	static bool
	// base is the way from the current page to the site's top folder in
	// the static site ("" or "../").
	base string
}

func serverLinks() linker { return linker{} }

func staticLinks(base string) linker { return linker{static: true, base: base} }

// Home is the overview page.
func (l linker) Home() string {
	if l.static {
		return l.base + "index.html"
	}
	return "/"
}

// Week is week n's page.
func (l linker) Week(n int) string {
	if l.static {
		return l.base + weekFile(n)
	}
	return fmt.Sprintf("/week/%d", n)
}

// Member is a member's page by slug.
func (l linker) Member(slug string) string {
	if l.static {
		return l.base + "member-" + slug + ".html"
	}
	return "/member/" + slug
}

// Concepts is the concepts-across-weeks page.
func (l linker) Concepts() string {
	if l.static {
		return l.base + "concepts.html"
	}
	return "/concepts"
}

// Note is the page of a note or insights file, at line when line > 0.
func (l linker) Note(path string, line int) string {
	var u string
	if l.static {
		u = l.base + "notes/" + noteFile(path)
	} else {
		u = "/note?path=" + url.QueryEscape(path)
		if line > 0 {
			u += fmt.Sprintf("&line=%d", line)
		}
	}
	if line > 0 {
		u += fmt.Sprintf("#L%d", line)
	}
	return u
}

// NoteRaw is the numbered view of a note or insights file, at line when
// line > 0.
func (l linker) NoteRaw(path string, line int) string {
	var u string
	if l.static {
		u = l.base + "notes/" + strings.TrimSuffix(noteFile(path), ".html") + "-raw.html"
	} else {
		u = "/note?path=" + url.QueryEscape(path) + "&view=raw"
		if line > 0 {
			u += fmt.Sprintf("&line=%d", line)
		}
	}
	if line > 0 {
		u += fmt.Sprintf("#L%d", line)
	}
	return u
}

// Image is a repository image a note shows.
func (l linker) Image(rel string) string {
	if l.static {
		return l.base + "files/" + imageFileName(rel)
	}
	return "/file?path=" + url.QueryEscape(rel)
}

// Static is one of the site's own files.
func (l linker) Static(name string) string {
	if l.static {
		return l.base + "static/" + name
	}
	return "/static/" + name
}

func weekFile(n int) string { return fmt.Sprintf("week-%02d.html", n) }

// noteFile is the static site's file name of a repository file: a readable
// ASCII part and a hash of the path, so that different paths never share a
// name and nothing in it can leave the notes/ folder.
func noteFile(path string) string {
	h := sha256.Sum256([]byte(path))
	return slugify(path, 60) + "-" + hex.EncodeToString(h[:])[:8] + ".html"
}

// slugify keeps ASCII letters and digits, turns every other run into one
// '-', lower-cases and cuts to max bytes.
func slugify(s string, max int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if b.Len() >= max {
				break
			}
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "x"
	}
	return b.String()
}

// memberSlugs gives every member a readable URL slug, unique within the
// repository: the romanised name, else the GitHub id, an alias, the name
// romanised by moim or the name itself when it is Latin; the member's
// number only when none of these has a letter moim can use.
func memberSlugs(members []workspace.Member) (byName, byslug map[string]string) {
	byName, byslug = map[string]string{}, map[string]string{}
	for i, m := range members {
		cand := memberSlug(m)
		if cand == "" {
			cand = fmt.Sprint(i + 1)
		}
		sl := cand
		for n := 2; byslug[sl] != ""; n++ {
			sl = fmt.Sprintf("%s-%d", cand, n)
		}
		byName[m.Name] = sl
		byslug[sl] = m.Name
	}
	return byName, byslug
}

// memberSlug is the first readable slug of a member's names, "" when none.
func memberSlug(m workspace.Member) string {
	for _, c := range append(append([]string{m.Roman, m.GitHub}, m.Aliases...), workspace.Romanize(m.Name)) {
		if sl := slugify(c, 40); c != "" && sl != "x" {
			return sl
		}
	}
	return ""
}

// slugFor returns a member's slug, giving members not in the member list
// (notes whose owner is unknown) one on the way.
func (snap *snapshot) slugFor(name string) string {
	snap.slugMu.Lock()
	defer snap.slugMu.Unlock()
	if sl, ok := snap.slugs[name]; ok {
		return sl
	}
	h := sha256.Sum256([]byte(name))
	sl := hex.EncodeToString(h[:])[:8]
	if r := memberSlug(workspace.Member{Name: name}); r != "" {
		sl = r + "-" + sl
	}
	snap.slugs[name] = sl
	snap.bySlug[sl] = name
	return sl
}

// memberOf returns the member whose slug is slug (see slugFor).
func (snap *snapshot) memberOf(slug string) (string, bool) {
	snap.slugMu.Lock()
	defer snap.slugMu.Unlock()
	name, ok := snap.bySlug[slug]
	return name, ok
}
