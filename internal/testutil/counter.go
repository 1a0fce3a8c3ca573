package testutil

import (
	"maps"
	"sync"
)

// Counter counts events by an integer key (a week number), safely from
// several goroutines. Its Add fits hooks such as pipeline.Analysed.
type Counter struct {
	mu sync.Mutex
	n  map[int]int
}

// Add counts one event for key.
func (c *Counter) Add(key int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.n == nil {
		c.n = map[int]int{}
	}
	c.n[key]++
}

// Counts returns a copy of the counts so far.
func (c *Counter) Counts() map[int]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := maps.Clone(c.n)
	if out == nil {
		out = map[int]int{}
	}
	return out
}
