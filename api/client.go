package api

import (
	"cmp"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
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
}

// ErrNoAPIKey is returned by NewClient when the key is empty.
var ErrNoAPIKey = errors.New("No lemlist API key was given: set LEMLIST_API_KEY to a key from lemlist → Settings → Integrations, or run with --demo to try lemstep on sample data.")

// Client talks to the lemlist REST API. It is safe for use by many
// goroutines; they share one rate limiter.
type Client struct {
	base       string // scheme://host/path, without a trailing slash
	host       string
	auth       string // Authorization header value; never logged
	secrets    []string
	http       *http.Client
	limiter    *windowLimiter
	maxRetries int
	backoff    time.Duration
	userAgent  string
	debug      *debugLog
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
		secrets:    secretsOf(key),
		http:       guardRedirects(cfg.HTTPClient),
		limiter:    newWindowLimiter(orInt(cfg.RateLimit, DefaultRateLimit), orDuration(cfg.RateWindow, DefaultRateWindow)),
		maxRetries: retriesOf(cfg.MaxRetries),
		backoff:    orDuration(cfg.Backoff, DefaultBackoff),
		userAgent:  cfg.UserAgent,
	}
	if c.userAgent == "" {
		c.userAgent = DefaultUserAgent
	}
	if cfg.DebugLog != nil {
		c.debug = &debugLog{w: cfg.DebugLog, scrub: c.scrub}
	}
	return c, nil
}

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

// guardRedirects returns a copy of hc (a default client when nil) that
// refuses redirects to plain http away from this machine. Go's client keeps
// the Authorization header on a redirect to the same host or a subdomain
// whatever the scheme, so an https answer redirecting to http would send the
// key unencrypted. A CheckRedirect of the caller's own is kept.
func guardRedirects(hc *http.Client) *http.Client {
	var c http.Client
	if hc != nil {
		c = *hc
	} else {
		c.Timeout = 60 * time.Second
	}
	if c.CheckRedirect == nil {
		c.CheckRedirect = checkRedirect
	}
	return &c
}

func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= 10 {
		return errors.New("stopped after 10 redirects")
	}
	if req.URL.Scheme != "https" && !isLoopback(req.URL.Hostname()) {
		return fmt.Errorf("refused a redirect to %s, which would send the API key unencrypted", req.URL.Redacted())
	}
	return nil
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

// secretsOf lists the forms in which the key could leak into text: as is,
// URL-encoded, and in base64 as the Basic credentials carry it (":key") or
// alone, each also URL-encoded and with "/" escaped as JSON encoders in other
// languages write it. The base64 forms are unpadded: each is a prefix of its
// padded form, so scrubbing it covers both. The longest forms come first,
// so that none is broken up by a shorter one before it is scrubbed. Keys too
// short to be real are not scrubbed, as that would mangle ordinary words.
func secretsOf(key string) []string {
	if len(key) < 6 {
		return nil
	}
	forms := []string{key, url.QueryEscape(key)}
	for _, b64 := range []string{
		base64.RawStdEncoding.EncodeToString([]byte(":" + key)),
		base64.RawURLEncoding.EncodeToString([]byte(":" + key)),
		base64.RawStdEncoding.EncodeToString([]byte(key)),
		base64.RawURLEncoding.EncodeToString([]byte(key)),
	} {
		forms = append(forms, b64, url.QueryEscape(b64), strings.ReplaceAll(b64, "/", `\/`))
	}
	slices.SortFunc(forms, func(a, b string) int { return cmp.Or(len(b)-len(a), strings.Compare(a, b)) })
	return slices.Compact(forms)
}

// scrub removes the API key from text that leaves the client (server
// messages may echo what they were sent).
func (c *Client) scrub(s string) string {
	for _, secret := range c.secrets {
		s = strings.ReplaceAll(s, secret, "REDACTED")
	}
	return s
}
