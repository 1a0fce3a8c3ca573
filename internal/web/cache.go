package web

import (
	"sync"

	"github.com/moim-study/moim/internal/analyze"
)

// What the pages compute from the whole study (the backlog index, the
// member pages) is kept under the key of the study's state (studyKey) and
// computed again only when that changes: when a note, a document, the
// template, the schedule or the member list does.

type siteCache struct {
	mu sync.Mutex
	// study is the study key the entries belong to.
	study   string
	index   *studyIndex
	members map[string]*memberPage
}

// reset drops the entries of another state of the study.
func (c *siteCache) reset(study string) {
	if c.study != study {
		c.study, c.index, c.members = study, nil, map[string]*memberPage{}
	}
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
