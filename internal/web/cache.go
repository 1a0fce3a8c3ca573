package web

import (
	"sync"

	"github.com/moim-study/moim/internal/analyze"
)

// What the pages compute from the whole study (the backlog index, the
// member pages, the concepts page) is kept under the key of the study's state (studyKey) and
// computed again only when that changes: when a note, a document, the
// template, the schedule or the member list does.

type siteCache struct {
	mu sync.Mutex
	// study is the study key the entries belong to.
	study    string
	index    *studyIndex
	members  map[string]*memberPage
	concepts *conceptsPage
	// html are served pages by their view's cacheKey.
	html map[string][]byte
}

// reset drops the entries of another state of the study.
func (c *siteCache) reset(study string) {
	if c.study != study {
		c.study, c.index, c.members, c.concepts, c.html = study, nil, map[string]*memberPage{}, nil, map[string][]byte{}
	}
}

// page returns the served page of key, if the study is still in the
// state it was made in.
func (c *siteCache) page(study, key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reset(study)
	b, ok := c.html[key]
	return b, ok
}

func (c *siteCache) putPage(study, key string, b []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.study == study {
		c.html[key] = b
	}
}

// conceptsPage returns the concepts page of the study's state, building
// it with build the first time.
func (c *siteCache) conceptsPage(study string, build func() *conceptsPage) *conceptsPage {
	c.mu.Lock()
	c.reset(study)
	p := c.concepts
	c.mu.Unlock()
	if p != nil {
		return p
	}
	p = build()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.study == study {
		c.concepts = p
	}
	return p
}

// studyKey identifies the state of everything the weeks' pages depend on.
func (snap *snapshot) studyKey() string {
	parts := make([][]byte, 0, len(snap.weeks))
	for _, wd := range snap.weeks {
		parts = append(parts, []byte(wd.key))
	}
	return sum(parts...)
}

// studyIndex returns the backlog index of the study's analyses (see
// newStudyIndex), built once per state of the study.
func (s *Site) studyIndex(snap *snapshot, all map[int]*analysis) *studyIndex {
	key := snap.studyKey()
	s.cache.mu.Lock()
	defer s.cache.mu.Unlock()
	s.cache.reset(key)
	if s.cache.index == nil {
		var weeks []int
		aw := map[int]*analyze.Week{}
		for _, wd := range snap.weeks {
			if a := all[wd.wk.Number]; a != nil && a.aw != nil {
				weeks = append(weeks, wd.wk.Number)
				aw[wd.wk.Number] = a.aw
			}
		}
		s.cache.index = newStudyIndex(weeks, aw)
	}
	return s.cache.index
}

// member returns the cached member page of key (slug, links, study key).
func (c *siteCache) member(key string) (*memberPage, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.members[key]
	return p, ok
}

func (c *siteCache) putMember(key string, p *memberPage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.members == nil {
		c.members = map[string]*memberPage{}
	}
	c.members[key] = p
}
