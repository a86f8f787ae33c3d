package api

import (
	"fmt"
	"time"

	"lemstep/internal/safetext"
)

// WaitFor names what a call is waiting for.
type WaitFor int

const (
	// WaitAnswer: the request went out and lemlist has not answered yet.
	WaitAnswer WaitFor = iota
	// WaitRateLimit: lemstep holds the request back to stay within
	// lemlist's rate limit.
	WaitRateLimit
	// WaitRetry: a pause before sending the request again.
	WaitRetry
)

// Wait is a pause in a call long enough to tell a person about: one that
// has lasted the client's NoticeAfter, or a pause before a retry planned to
// last longer than that.
type Wait struct {
	Method, Path string
	For          WaitFor
	// Length is how long a pause before a retry lasts; 0 for the other
	// waits, whose end is not known.
	Length time.Duration
	// Why says what the retry follows, such as "rate limited (429)".
	Why string
}

// String says what is being waited for, as a sentence.
func (w Wait) String() string {
	where := safetext.Clean(w.Method + " " + w.Path)
	switch w.For {
	case WaitRateLimit:
		return fmt.Sprintf("Waiting for lemlist's rate limit before sending %s…", where)
	case WaitRetry:
		return fmt.Sprintf("Waiting %s before trying %s again (%s)…", roundWait(w.Length), where, safetext.Clean(w.Why))
	}
	return fmt.Sprintf("Still waiting for lemlist to answer %s…", where)
}

// roundWait shows a duration the way a person reads it.
func roundWait(d time.Duration) time.Duration {
	if d >= 10*time.Second {
		return d.Round(time.Second)
	}
	if d >= time.Second {
		return d.Round(100 * time.Millisecond)
	}
	return d.Round(time.Millisecond)
}

// noticeLater tells OnWait about w once it has lasted NoticeAfter, unless
// the returned stop is called first.
func (c *Client) noticeLater(w Wait) (stop func()) {
	if c.onWait == nil {
		return func() {}
	}
	t := time.AfterFunc(c.noticeFrom, func() { c.onWait(w) })
	return func() { t.Stop() }
}

// noticeRetry tells OnWait about a pause before a retry planned to last
// longer than NoticeAfter.
func (c *Client) noticeRetry(rc call, wait time.Duration, why string) {
	if c.onWait != nil && wait > c.noticeFrom {
		c.onWait(Wait{Method: rc.method, Path: rc.path, For: WaitRetry, Length: wait, Why: why})
	}
}
