package par

import (
	"sync/atomic"
	"testing"
)

// TestEachCallsEachIndexOnce: Each calls f once for every index, whatever
// the number of indexes against the number of cores.
func TestEachCallsEachIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 17, 200} {
		calls := make([]atomic.Int32, n)
		Each(n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d: f(%d) called %d times, want 1", n, i, c)
			}
		}
	}
}
