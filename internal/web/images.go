package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// Images of the notes, served from the repository (route /file, static
// files/): only an image a shown file displays, inside the repository after
// symbolic links, a regular file of an image type whose bytes are of that
// type. SVG is not served: opened on its own it could run script.

// imageTypes are the image types served, by extension.
var imageTypes = map[string]string{
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".gif":  "image/gif",
	".webp": "image/webp",
	".bmp":  "image/bmp",
	".avif": "image/avif",
}

// maxImageSize is the largest image served.
const maxImageSize = 20 << 20

// imageFile is a repository image the site may show.
type imageFile struct {
	rel, abs, ctype string
	// sig changes when the file does (size and time of change).
	sig string
}

// image checks rel (a slash-separated path relative to the repository
// root) as an image the site may show, and returns it.
func (snap *snapshot) image(rel string) (*imageFile, bool) {
	snap.imgMu.Lock()
	defer snap.imgMu.Unlock()
	if im, ok := snap.images[rel]; ok {
		return im, im != nil
	}
	im := checkImage(snap.ws.Root, snap.realRoot, rel)
	if snap.images == nil {
		snap.images = map[string]*imageFile{}
	}
	snap.images[rel] = im
	return im, im != nil
}

func checkImage(root, realRoot, rel string) *imageFile {
	if rel == "" || path.Clean(rel) != rel || strings.HasPrefix(rel, "/") || strings.Contains(rel, "\\") {
		return nil
	}
	for _, seg := range strings.Split(rel, "/") {
		if seg == ".." || strings.HasPrefix(seg, ".") {
			return nil // no parent folders, no dot files or folders (.git)
		}
	}
	ctype, ok := imageTypes[strings.ToLower(path.Ext(rel))]
	if !ok {
		return nil
	}
	abs := filepath.Join(root, filepath.FromSlash(rel))
	real, err := filepath.EvalSymlinks(abs)
	if err != nil || !inside(realRoot, real) {
		return nil
	}
	st, err := os.Stat(real)
	if err != nil || !st.Mode().IsRegular() || st.Size() == 0 || st.Size() > maxImageSize {
		return nil
	}
	f, err := os.Open(real)
	if err != nil {
		return nil
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	if sniffImage(head[:n]) != ctype {
		return nil
	}
	return &imageFile{rel: rel, abs: real, ctype: ctype, sig: imageSig(st)}
}

func imageSig(st os.FileInfo) string {
	return fmt.Sprintf("%d:%d", st.Size(), st.ModTime().UnixNano())
}

// sniffImage returns the image type of a file's first bytes, "" when they
// are no image moim serves.
func sniffImage(head []byte) string {
	if len(head) >= 12 && string(head[4:8]) == "ftyp" && (string(head[8:12]) == "avif" || string(head[8:12]) == "avis") {
		return "image/avif"
	}
	if bytes.HasPrefix(head, []byte("BM")) {
		return "image/bmp"
	}
	switch t := http.DetectContentType(head); t {
	case "image/png", "image/jpeg", "image/gif", "image/webp":
		return t
	}
	return ""
}

// imagesUnchanged reports whether the images a rendering checked are as
// they were (sig "" for an image that could not be shown); each image is
// checked once per snapshot.
func (snap *snapshot) imagesUnchanged(checked map[string]string) bool {
	for rel, sig := range checked {
		if now, ok := snap.image(rel); !ok && sig != "" || ok && now.sig != sig {
			return false
		}
	}
	return true
}

// shownImages returns the images the site's files display, by path.
func (snap *snapshot) shownImages(l linker) map[string]*imageFile {
	out := map[string]*imageFile{}
	for _, f := range snap.files {
		r, err := snap.rendered(f, l)
		if err != nil {
			continue
		}
		for _, rel := range r.Images {
			if im, ok := snap.image(rel); ok {
				out[rel] = im
			}
		}
	}
	return out
}

// fileRoute serves /file?path=P: an image one of the shown files displays.
func (s *Site) fileRoute(w http.ResponseWriter, r *http.Request) {
	snap, err := s.refresh()
	if err != nil {
		s.renderError(w, r, http.StatusInternalServerError, "저장소를 읽을 수 없습니다: "+err.Error())
		return
	}
	rel := r.URL.Query().Get("path")
	im, ok := snap.shownImages(serverLinks())[rel]
	if !ok {
		s.renderError(w, r, http.StatusNotFound, "노트가 보여 주는 저장소의 이미지가 아닙니다.")
		return
	}
	f, err := os.Open(im.abs)
	if err != nil {
		s.renderError(w, r, http.StatusNotFound, "이미지를 열 수 없습니다.")
		return
	}
	defer f.Close()
	w.Header().Set("Content-Type", im.ctype)
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "", time.Time{}, f)
}

// imageFileName is the static site's file name of a repository image.
func imageFileName(rel string) string {
	name := noteFile(rel)
	return strings.TrimSuffix(name, ".html") + strings.ToLower(path.Ext(rel))
}

// writeImages copies the shown images into the static site.
func writeImages(ctx context.Context, snap *snapshot, write func(rel string, data []byte) error) error {
	for rel, im := range snap.shownImages(staticLinks("../")) {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, err := os.ReadFile(im.abs)
		if err != nil {
			return fmt.Errorf("site: %s: %w", rel, err)
		}
		if err := write("files/"+imageFileName(rel), b); err != nil {
			return err
		}
	}
	return nil
}
