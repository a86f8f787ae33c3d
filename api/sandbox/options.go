package sandbox

import (
	"time"

	"lemstep/api"
)

// ListShape chooses the body of GET /campaigns. lemlist's documentation shows
// a bare array while integrations calling with version=v2 report an envelope,
// so clients must handle both and tests exercise each.
type ListShape int

const (
	// ListByVersion answers {campaigns, pagination} when the request says
	// version=v2 and a bare array otherwise.
	ListByVersion ListShape = iota
	// ListArray always answers a bare array.
	ListArray
	// ListEnvelope always answers {campaigns, pagination}.
	ListEnvelope
)

// Paging chooses which parameter GET /campaigns pages by. The published spec
// takes `offset`; clients of version=v2 page by `page`; a client must read
// every campaign from either kind of server.
type Paging int

const (
	// PagingBoth honours `page` when given, else `offset`, as lemlist's
	// schedules route does.
	PagingBoth Paging = iota
	// PagingOffset ignores `page`.
	PagingOffset
	// PagingPage ignores `offset`: pages are numbered from 1.
	PagingPage
)

// ParsePaging reads a paging style by name: "both", "offset" or "page".
func ParsePaging(name string) (Paging, bool) {
	switch name {
	case "both", "":
		return PagingBoth, true
	case "offset":
		return PagingOffset, true
	case "page":
		return PagingPage, true
	}
	return PagingBoth, false
}

// Lemlist's documented rate limit, the one the client keeps to by default.
const (
	DefaultRateLimit  = api.DefaultRateLimit
	DefaultRateWindow = api.DefaultRateWindow
)

// Faults makes the sandbox misbehave the way a network and a busy API do, to
// test retries and error screens. Ratios are probabilities from 0 to 1,
// drawn from a generator seeded with Seed so a test sees the same faults on
// every run.
type Faults struct {
	// Latency delays every answer (the wait ends early if the client gives up).
	Latency time.Duration
	// FailRatio answers that share of authenticated requests with 502, 503
	// or 504 instead of handling them; nothing changes on the server.
	FailRatio float64
	// Force429Ratio answers that share of authenticated requests with 429 as
	// if the rate limit were reached.
	Force429Ratio float64
	// DropRatio closes the connection of that share of authenticated
	// requests without answering, as a crashing server or a cut network
	// does; nothing changes on the server.
	DropRatio float64
	// Seed seeds the generator that decides which requests fail.
	Seed int64
	// PerRequest draws each request's fate from Seed, the request itself
	// (method, path and query) and how many times it arrived before, instead
	// of from one sequence shared by every request. Concurrent clients then
	// meet the same faults whatever order their requests arrive in.
	PerRequest bool
}

// Options configures a Server. The zero value is a working demo server that
// accepts any API key.
type Options struct {
	// Keys are the accepted API keys. When empty, any key that is not in
	// BlockedKeys or UnknownKeys is accepted, which is what demo mode needs.
	Keys []string
	// BlockedKeys answer 403 "User linked to this API key is blocked".
	BlockedKeys []string
	// UnknownKeys answer 404 "No user found for this API key".
	UnknownKeys []string
	// Workspace is the data served; nil serves DemoWorkspace(). The server
	// works on its own copy: the caller's value never changes.
	Workspace *Workspace
	// ListShape chooses the GET /campaigns body.
	ListShape ListShape
	// Paging chooses what GET /campaigns pages by.
	Paging Paging
	// PageSize caps the campaigns of one page below the `limit` asked for
	// (0: only the limit counts), so a page can be short while the
	// pagination says more follow.
	PageSize int
	// RateLimit is the number of requests a key may make per RateWindow
	// (DefaultRateLimit when 0).
	RateLimit int
	// RateWindow is the length of a rate-limit window (DefaultRateWindow when 0).
	RateWindow time.Duration
	// Faults injects latency, 5xx answers, 429s and dropped connections.
	Faults Faults
	// HTMLCatchAll answers unknown routes with 200 and an HTML page, as
	// lemlist's web app does, instead of 404 "Not found".
	HTMLCatchAll bool
	// Plan is the team's lemlist plan; PlanBasic answers the A/B-test routes
	// with 402 as lemlist does below Email Pro.
	Plan Plan
	// Now is the clock for rate-limit windows (time.Now when nil). Tests set
	// it to move time forward without sleeping.
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.RateLimit <= 0 {
		o.RateLimit = DefaultRateLimit
	}
	if o.RateWindow <= 0 {
		o.RateWindow = DefaultRateWindow
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}
