package api

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"lemstep/internal/safetext"
)

// maxRedirects is how many redirects a read follows before it stops.
const maxRedirects = 10

// maxLocation caps how much of a redirect's target an error shows.
const maxLocation = 200

// redirectReason says why a redirect was not followed.
type redirectReason int

const (
	redirectChange    redirectReason = iota // a PATCH, POST or DELETE
	redirectPlain                           // to plain http away from this machine
	redirectOtherHost                       // a read sent to another host
	redirectTooMany                         // a chain longer than maxRedirects
	redirectNotFollow                       // a 3xx that is not a redirect to follow (300, 304…)
)

// RedirectError is an answer redirecting a request that lemstep does not
// follow. Nothing was sent to the redirect's target.
type RedirectError struct {
	Method, Path string
	Status       int
	// Location is the redirect's target without user, query or fragment,
	// the key scrubbed, cleaned for a terminal and cut to length.
	Location string
	reason   redirectReason
}

func (e *RedirectError) Error() string {
	where := safetext.Clean(e.Method + " " + e.Path)
	to := "no Location"
	if e.Location != "" {
		to = "to " + e.Location
	}
	head := fmt.Sprintf("lemlist answered %s with a redirect (%d, %s)", where, e.Status, to)
	check := fmt.Sprintf("Check the base URL (lemlist's is %s).", DefaultBaseURL)
	switch e.reason {
	case redirectChange:
		return head + ". lemstep never follows a redirect for a change, so the change was not made. " + check
	case redirectPlain:
		return head + ", which lemstep refused: it would send the API key unencrypted. " + check
	case redirectOtherHost:
		return head + " to another host, which lemstep refused: the API key goes only to the base URL's host. " + check
	case redirectTooMany:
		return fmt.Sprintf("%s, and lemstep stopped after %d redirects. %s", head, maxRedirects, check)
	}
	return head + ", which is not data lemstep can use. " + check
}

// guardRedirects returns a copy of hc (a default client when nil) that
// follows redirects only as checkRedirect allows, then as a CheckRedirect of
// the caller's own allows.
func guardRedirects(hc *http.Client) *http.Client {
	var c http.Client
	if hc != nil {
		c = *hc
	}
	own := c.CheckRedirect
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if err := checkRedirect(req, via); err != nil {
			return err
		}
		if own != nil {
			return own(req, via)
		}
		return nil
	}
	return &c
}

// checkRedirect follows a redirect only for a read, to the same scheme and
// host. Go turns a PATCH redirected by 301, 302 or 303 into a GET and would
// hand back that GET's answer as the PATCH's, and sends a PATCH redirected
// by 307 or 308 again to wherever it points: a change is never redirected.
// Go keeps the Authorization header on a redirect to the same host or a
// subdomain of it, whatever the scheme: a read goes to no other host, and
// never to plain http away from this machine, so the key goes nowhere else.
func checkRedirect(req *http.Request, via []*http.Request) error {
	first := via[0]
	refuse := func(why redirectReason) error {
		e := &RedirectError{Location: req.URL.String(), reason: why}
		if req.Response != nil {
			e.Status = req.Response.StatusCode
		}
		return e
	}
	switch {
	case first.Method != http.MethodGet:
		return refuse(redirectChange)
	case req.URL.Scheme != "https" && !isLoopback(req.URL.Hostname()):
		return refuse(redirectPlain)
	case req.URL.Scheme != first.URL.Scheme || !strings.EqualFold(req.URL.Host, first.URL.Host):
		return refuse(redirectOtherHost)
	case len(via) >= maxRedirects:
		return refuse(redirectTooMany)
	}
	return nil
}

// redirected is the error of a 3xx answer that reached decode: one the
// http client did not follow.
func (c *Client) redirected(rc call, a answer) *RedirectError {
	why := redirectNotFollow
	if rc.method != http.MethodGet {
		why = redirectChange
	}
	return &RedirectError{Method: rc.method, Path: rc.path, Status: a.status,
		Location: c.location(a.header.Get("Location")), reason: why}
}

// location makes a redirect's target fit for an error: no user, query or
// fragment (they can carry tokens), the key scrubbed before it is cleaned
// and cut.
func (c *Client) location(raw string) string {
	if u, err := url.Parse(strings.TrimSpace(raw)); err == nil {
		u.User, u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment = nil, "", false, "", ""
		raw = u.String()
	}
	text := c.scrub(cleanWords(c.scrub(raw)))
	if r := []rune(text); len(r) > maxLocation {
		text = string(r[:maxLocation-1]) + "…"
	}
	return text
}
