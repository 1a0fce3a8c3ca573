package web

import (
	"runtime"
	"runtime/metrics"
)

// goCPU reads the Go runtime's own account of its processors' time (see
// runtime/metrics): the total GOMAXPROCS × wall time and the part of it
// no goroutine ran. Unlike the process's CPU time it does not depend on
// what else the machine runs, so busyShare tells whether the work kept
// every core busy even on a loaded machine. A collection first brings the
// account up to date.
func goCPU() (total, idle float64) {
	runtime.GC()
	s := []metrics.Sample{{Name: "/cpu/classes/total:cpu-seconds"}, {Name: "/cpu/classes/idle:cpu-seconds"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindFloat64 || s[1].Value.Kind() != metrics.KindFloat64 {
		return 0, 0
	}
	return s[0].Value.Float64(), s[1].Value.Float64()
}

// busyShare is the share (0–100) of the processors' time between two
// goCPU readings that goroutines (or the runtime) used.
func busyShare(total0, idle0, total1, idle1 float64) float64 {
	if total1 <= total0 {
		return 0
	}
	return 100 * (1 - (idle1-idle0)/(total1-total0))
}
