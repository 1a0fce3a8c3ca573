package llm

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// callError is a request that failed for good, with a short reason that
// goes into the run's warnings.
type callError struct {
	Reason   string // "http 500", "timeout", "network", "truncated", ...
	Attempts int
	Err      error
}

func (e *callError) Error() string {
	if e.Attempts > 1 {
		return fmt.Sprintf("%s after %d attempts: %v", e.Reason, e.Attempts, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Reason, e.Err)
}

func (e *callError) Unwrap() error { return e.Err }

// retryDecision says whether and when to retry a failed attempt.
type retryDecision struct {
	retry  bool
	wait   time.Duration // from Retry-After; 0 = use backoff
	reason string
}

// classify decides about an attempt's error. parent is the run's context:
// when it is done the error is final.
func classify(parent context.Context, err error) retryDecision {
	if parent.Err() != nil {
		return retryDecision{reason: "canceled"}
	}
	if status, h, ok := httpStatus(err); ok {
		reason := fmt.Sprintf("http %d", status)
		switch {
		case status == http.StatusTooManyRequests:
			return retryDecision{retry: true, wait: retryAfter(h, time.Now()), reason: reason}
		case status == http.StatusRequestTimeout || status == http.StatusConflict || status >= 500:
			return retryDecision{retry: true, wait: retryAfter(h, time.Now()), reason: reason}
		default:
			return retryDecision{reason: reason}
		}
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return retryDecision{retry: true, reason: "timeout"}
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return retryDecision{retry: true, reason: "timeout"}
	}
	var oe *net.OpError
	if errors.As(err, &oe) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return retryDecision{retry: true, reason: "network"}
	}
	return retryDecision{reason: "error"}
}

// retryAfter reads Retry-After (seconds or an HTTP date) and the
// retry-after-ms extension; 0 when absent or unparsable.
func retryAfter(h http.Header, now time.Time) time.Duration {
	if h == nil {
		return 0
	}
	if ms := h.Get("Retry-After-Ms"); ms != "" {
		if v, err := strconv.ParseFloat(ms, 64); err == nil && v > 0 {
			return time.Duration(v * float64(time.Millisecond))
		}
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		if secs <= 0 {
			return 0
		}
		return time.Duration(secs * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// backoff is the wait before retry number n (0-based): base·2ⁿ plus up to
// 20 % jitter, capped at limit.
func backoff(base, limit time.Duration, n int) time.Duration {
	d := base << min(n, 16)
	d += time.Duration(rand.Int64N(int64(d)/5 + 1))
	return min(d, limit)
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
