package pipeline

import (
	"sync"

	"github.com/moim-study/moim/internal/note"
)

// parseMemoBytes bounds the sources parseNote remembers.
const parseMemoBytes = 32 << 20

// parses remembers the notes parsed in this process.
var parses struct {
	sync.Mutex
	docs  map[parseKey]*note.Document
	bytes int
}

type parseKey struct{ path, src string }

// parseNote is note.Parse(path, src), remembered for the same path and
// content: `generate --all` reads each week's notes for the week and again
// as the next-week material of the week before, and the chapter summaries
// for every week. A parsed note is never changed by its readers, so one
// can serve them all. At most parseMemoBytes of sources are remembered;
// past that the memo starts again.
func parseNote(path, src string) *note.Document {
	k := parseKey{path, src}
	parses.Lock()
	d, ok := parses.docs[k]
	parses.Unlock()
	if ok {
		return d
	}
	d = note.Parse(path, src)
	parses.Lock()
	defer parses.Unlock()
	if parses.docs == nil || parses.bytes+len(src) > parseMemoBytes {
		parses.docs, parses.bytes = map[parseKey]*note.Document{}, 0
	}
	if len(src) <= parseMemoBytes {
		parses.docs[k] = d
		parses.bytes += len(src)
	}
	return d
}
