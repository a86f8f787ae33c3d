package api_test

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"lemstep/api"
)

// Go follows 301, 302 and 303 by turning a PATCH into a GET, and 307 and 308
// by sending the PATCH again to wherever they point. A change is never
// redirected: the 3xx is an error naming the status and where it pointed,
// and nothing goes to the target.
func TestRedirectedChangesAreErrors(t *testing.T) {
	changes := map[string]func(*api.Client) error{
		"PATCH": func(c *api.Client) error {
			_, err := c.UpdateStep(context.Background(), "seq_1", "stp_1", api.StepUpdate{Type: api.Email, Subject: str("Hi")})
			return err
		},
		"POST": func(c *api.Client) error {
			_, err := c.AddStep(context.Background(), "seq_1", api.NewStep{StepUpdate: api.StepUpdate{Type: api.Phone}})
			return err
		},
		"DELETE": func(c *api.Client) error { return c.DeleteStep(context.Background(), "seq_1", "stp_1") },
	}
	for _, status := range []int{301, 302, 303, 307, 308, 300, 304} {
		for method, change := range changes {
			t.Run(method+"/"+http.StatusText(status), func(t *testing.T) {
				target := newFake(t, func(w http.ResponseWriter, r *http.Request) {
					writeJSON(w, 200, `{"_id":"stp_2","type":"email","subject":"Hi"}`)
				})
				// The target carries the key in a user name and a query:
				// neither may reach the error.
				location := strings.Replace(target.URL, "http://", "http://u:"+testKey+"@", 1) + "/api/sequences/seq_1/steps/stp_2?key=" + testKey + "#x"
				f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
					w.Header().Set("Location", location)
					w.WriteHeader(status)
				})
				err := change(newTestClient(t, f))
				var re *api.RedirectError
				if !errors.As(err, &re) {
					t.Fatalf("error = %v (%T), want a *api.RedirectError", err, err)
				}
				want := target.URL + "/api/sequences/seq_1/steps/stp_2"
				if re.Status != status || re.Location != want {
					t.Errorf("status %d, location %q; want %d, %q", re.Status, re.Location, status, want)
				}
				msg := err.Error()
				if !strings.Contains(msg, "with a redirect ("+strconv.Itoa(status)+", to "+want+")") ||
					!strings.Contains(msg, "lemstep never follows a redirect for a change, so the change was not made") {
					t.Errorf("error = %q", msg)
				}
				if n := len(f.requests()); n != 1 {
					t.Errorf("the %s was sent %d times, want once", method, n)
				}
				if seen := target.requests(); len(seen) != 0 {
					t.Errorf("the redirect's target received %+v", seen)
				}
				assertNoSecret(t, testKey, "error", msg)
			})
		}
	}
}

// A read follows a redirect on the same host, and only there: the key goes
// to no other host.
func TestRedirectedReadsStayOnTheHost(t *testing.T) {
	other := newFake(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, `{"_id":"tea_9","name":"Elsewhere"}`) })
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/api/team":
			http.Redirect(w, r, "/api/team-moved", http.StatusMovedPermanently)
		case "/api/team-moved":
			writeJSON(w, 200, `{"_id":"tea_1","name":"Acme"}`)
		default:
			http.Redirect(w, r, other.URL+"/api/team", http.StatusFound)
		}
	})
	c := newTestClient(t, f)
	team, err := c.Team(context.Background())
	if err != nil || team.Name != "Acme" {
		t.Fatalf("Team = %+v, %v; want the same-host redirect followed", team, err)
	}
	_, err = c.Sequences(context.Background(), "cam_1")
	var re *api.RedirectError
	if !errors.As(err, &re) || re.Status != http.StatusFound ||
		!strings.Contains(err.Error(), "to another host, which lemstep refused: the API key goes only to the base URL's host") {
		t.Fatalf("error = %v, want the redirect to another host refused", err)
	}
	if seen := other.requests(); len(seen) != 0 {
		t.Errorf("the other host received %d requests", len(seen))
	}
	if n := len(f.requests()); n != 3 {
		t.Errorf("the server saw %d requests, want 3 (no retry of a refused redirect)", n)
	}
}

// Ids are escaped as one path segment in every request: "/", "?", "#" and
// "%" cannot reach another route or a query, and "." or ".." cannot step
// out of the route.
func TestIdsAreEscapedInEveryRequest(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.Method {
		case http.MethodPatch, http.MethodPost:
			writeJSON(w, 200, `{"_id":"../x/y?z#%","type":"phone"}`)
		default:
			writeJSON(w, 200, `{}`)
		}
	})
	c := newTestClient(t, f)
	ctx := context.Background()
	ids := map[string]string{
		"..":       "%2E%2E",
		".":        "%2E",
		"a/b":      "a%2Fb",
		"a?b=1":    "a%3Fb=1",
		"a#b":      "a%23b",
		"100%":     "100%25",
		"../x/y?z": "..%2Fx%2Fy%3Fz",
	}
	for id, seg := range ids {
		_, _ = c.Sequences(ctx, id)
		_, _ = c.Campaign(ctx, id)
		_, _ = c.UpdateStep(ctx, id, id, api.StepUpdate{Type: api.Phone, Message: str("x")})
		_, _ = c.AddStep(ctx, id, api.NewStep{StepUpdate: api.StepUpdate{Type: api.Phone}})
		_ = c.DeleteStep(ctx, id, id)
		want := []string{
			"GET /api/campaigns/" + seg + "/sequences",
			"GET /api/campaigns/" + seg,
			"PATCH /api/sequences/" + seg + "/steps/" + seg,
			"POST /api/sequences/" + seg + "/steps",
			"DELETE /api/sequences/" + seg + "/steps/" + seg,
		}
		var got []string
		for _, ex := range f.requests() {
			if ex.RawQuery != "" {
				t.Errorf("id %q: the request carried a query %q", id, ex.RawQuery)
			}
			got = append(got, ex.Method+" "+ex.Path)
		}
		f.mu.Lock()
		f.seen = nil
		f.mu.Unlock()
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("id %q: requests\n%s\nwant\n%s", id, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
