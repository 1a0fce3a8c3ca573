package cli

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestGenerateGC: generate paces the collector at generateGCPercent unless
// GOGC says otherwise.
func TestGenerateGC(t *testing.T) {
	prev := debug.SetGCPercent(100)
	defer debug.SetGCPercent(prev)
	gogc, had := os.LookupEnv("GOGC")
	defer func() {
		if had {
			os.Setenv("GOGC", gogc)
		} else {
			os.Unsetenv("GOGC")
		}
	}()

	os.Unsetenv("GOGC")
	generateGC()
	if got := debug.SetGCPercent(100); got != generateGCPercent {
		t.Errorf("GOGC unset: GC percent %d, want %d", got, generateGCPercent)
	}
	os.Setenv("GOGC", "100")
	generateGC()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GOGC=100: GC percent %d, want 100 kept", got)
	}
}
