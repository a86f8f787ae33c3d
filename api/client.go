package api

import (
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Defaults of Config.
const (
	DefaultBaseURL    = "https://api.lemlist.com/api"
	DefaultRateLimit  = 20 // lemlist allows 20 requests per 2 seconds and per key
	DefaultRateWindow = 2 * time.Second
	DefaultMaxRetries = 4
	DefaultBackoff    = 250 * time.Millisecond
	DefaultUserAgent  = "lemstep"
	// DefaultTimeout bounds one call, its retries and waits included.
	DefaultTimeout = 30 * time.Second
	// DefaultNoticeAfter is how long a wait lasts before OnWait hears of it.
	DefaultNoticeAfter = 2 * time.Second
	// DefaultMaxBody is the most lemstep reads of one answer: the largest
	// campaign lemlist sends is far smaller, and a server sending without
	// end must not exhaust memory.
	DefaultMaxBody = 32 << 20
)

// Config says how a Client reaches lemlist. Zero fields take the defaults above.
type Config struct {
	BaseURL    string
	APIKey     string
	HTTPClient *http.Client
	// RateLimit requests at most per RateWindow, shared by every goroutine
	// using the Client.
	RateLimit  int
	RateWindow time.Duration
	// MaxRetries is how many times a request is repeated after a 429, a
	// network failure or a 502/503/504; 0 means DefaultMaxRetries and a
	// negative value turns retries off.
	MaxRetries int
	// Backoff is the first pause before retrying a failure; it doubles on
	// each attempt.
	Backoff time.Duration
	// DebugLog, when set, receives one line per request with its method,
	// path, headers and body, and the answer's status, headers and body, or
	// the failure. The API key is never written to it.
	DebugLog  io.Writer
	UserAgent string
	// Timeout bounds one call: every attempt, wait and retry of it, the
	// rate limiter's included; 0 means DefaultTimeout. A retry that would
	// end past it is not waited for.
	Timeout time.Duration
	// OnWait, when set, hears of each wait that lasts longer than
	// NoticeAfter (0 means DefaultNoticeAfter): for an answer, for the rate
	// limiter, or before a retry. It may be called from a goroutine of its
	// own, while the call goes on.
	OnWait      func(Wait)
	NoticeAfter time.Duration
	// Workspace names where requests go, as errors say it ("the demo", a
	// profile's name); "" for the base URL's host.
	Workspace string
	// MaxBody caps how much of one answer is read; 0 means DefaultMaxBody.
	// A longer answer is an error naming the limit.
	MaxBody int64
}

// ErrNoAPIKey is returned by NewClient when the key is empty.
var ErrNoAPIKey = errors.New("No lemlist API key was given: set LEMLIST_API_KEY to a key from lemlist → Settings → Integrations, or run with --demo to try lemstep on sample data.")

// Client talks to the lemlist REST API. It is safe for use by many
// goroutines; they share one rate limiter.
type Client struct {
	base       string // scheme://host/path, without a trailing slash
	host       string
	auth       string // Authorization header value; never logged
	secrets    *scrubber
	http       *http.Client
	limiter    *windowLimiter
	maxRetries int
	backoff    time.Duration
	userAgent  string
	debug      *debugLog
	timeout    time.Duration
	onWait     func(Wait)
	noticeFrom time.Duration
	maxBody    int64
	workspace  string // how errors name where requests go
}

// NewClient checks cfg and returns a Client for it.
func NewClient(cfg Config) (*Client, error) {
	base, err := parseBaseURL(cfg.BaseURL)
	if err != nil {
		return nil, err
	}
	key := strings.TrimSpace(cfg.APIKey)
	if key == "" {
		return nil, ErrNoAPIKey
	}
	encoded := base64.StdEncoding.EncodeToString([]byte(":" + key))
	c := &Client{
		base:       strings.TrimRight(base.String(), "/"),
		host:       base.Host,
		auth:       "Basic " + encoded,
		secrets:    newScrubber(key),
		http:       guardRedirects(cfg.HTTPClient),
		limiter:    newWindowLimiter(orInt(cfg.RateLimit, DefaultRateLimit), orDuration(cfg.RateWindow, DefaultRateWindow)),
		maxRetries: retriesOf(cfg.MaxRetries),
		backoff:    orDuration(cfg.Backoff, DefaultBackoff),
		userAgent:  cfg.UserAgent,
		timeout:    orDuration(cfg.Timeout, DefaultTimeout),
		onWait:     cfg.OnWait,
		noticeFrom: orDuration(cfg.NoticeAfter, DefaultNoticeAfter),
		maxBody:    DefaultMaxBody,
		workspace:  cfg.Workspace,
	}
	if c.workspace == "" {
		c.workspace = base.Host
	}
	if cfg.MaxBody > 0 {
		c.maxBody = cfg.MaxBody
	}
	if c.userAgent == "" {
		c.userAgent = DefaultUserAgent
	}
	if cfg.DebugLog != nil {
		c.debug = &debugLog{w: cfg.DebugLog, scrub: c.scrub}
	}
	return c, nil
}

// Workspace returns how errors name where requests go: Config.Workspace, or
// the base URL's host.
func (c *Client) Workspace() string { return c.workspace }

// BaseURL returns the address requests are sent to.
func (c *Client) BaseURL() string { return c.base }

// parseBaseURL accepts an https URL, or a plain http one only when it points
// at this machine (the sandbox, a test server): anywhere else plain http
// would carry the API key unencrypted.
func parseBaseURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		raw = DefaultBaseURL
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("The base URL %q is not a web address; use one like %s.", raw, DefaultBaseURL)
	}
	if u.User != nil {
		return nil, fmt.Errorf("The base URL must not carry a user name or password; give the API key through LEMLIST_API_KEY instead.")
	}
	if u.Scheme == "http" && !isLoopback(u.Hostname()) {
		return nil, fmt.Errorf("The base URL %s uses plain http, which would send the API key unencrypted; use https (plain http is allowed only for a server on this machine, such as 127.0.0.1 or localhost).", u.Redacted())
	}
	u.RawQuery, u.Fragment = "", ""
	return u, nil
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func retriesOf(n int) int {
	switch {
	case n < 0:
		return 0
	case n == 0:
		return DefaultMaxRetries
	}
	return n
}

func orInt(v, def int) int {
	if v <= 0 {
		return def
	}
	return v
}

func orDuration(v, def time.Duration) time.Duration {
	if v <= 0 {
		return def
	}
	return v
}
