package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"lemstep/api"
)

// clientOptions say how a client behaves, wherever it sends its requests.
type clientOptions struct {
	debug   io.Writer // every request is written to it when not nil
	agent   string    // the User-Agent; "" for the client's default
	timeout time.Duration
	onWait  func(api.Wait)
	// workspace names where requests go in errors; "" for the base URL's
	// host.
	workspace string
}

// clientOptions are the options the flags ask for: the debug log given,
// the --timeout (else LEMLIST_TIMEOUT, else the client's default), and
// notices of long waits on stderr.
func (a *app) clientOptions(debug io.Writer, agent string) (clientOptions, error) {
	timeout, err := a.timeout()
	if err != nil {
		return clientOptions{}, err
	}
	return clientOptions{debug: debug, agent: agent, timeout: timeout, onWait: a.waitNotice()}, nil
}

// timeout is the most one request may take, retries included; 0 leaves the
// client's default.
func (a *app) timeout() (time.Duration, error) {
	if a.flags.timeout < 0 {
		return 0, usageError("--timeout %s is not a duration lemstep can wait; give a positive one such as 30s or 2m", a.flags.timeout)
	}
	if a.flags.timeout > 0 {
		return a.flags.timeout, nil
	}
	v := strings.TrimSpace(a.getenv("LEMLIST_TIMEOUT"))
	if v == "" {
		return 0, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return 0, usageError("LEMLIST_TIMEOUT=%q is not a duration lemstep can wait; give a positive one such as 30s or 2m", v)
	}
	return d, nil
}

// waitNotice writes what a long wait is for on stderr, so that a slow
// lemlist is not mistaken for a hung lemstep. Only a person at a terminal
// is told, and never while the editor owns the screen.
func (a *app) waitNotice() func(api.Wait) {
	if a.fullScreen || !a.io.IsStderrTTY() {
		return nil
	}
	return func(w api.Wait) { fmt.Fprintln(a.io.ErrOut, "lemstep: "+w.String()) }
}
