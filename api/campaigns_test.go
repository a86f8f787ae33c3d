package api_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"lemstep/api"
	"lemstep/api/sandbox"
)

// campaignSandbox serves a generated workspace of total campaigns, listed
// in the given shape, and returns the campaigns in the order it lists them.
// The fake around it records the requests; handle, when set, stands between
// the two to hold back or rewrite a request.
func campaignSandbox(t *testing.T, total int, shape sandbox.ListShape, handle func(http.ResponseWriter, *http.Request, http.Handler)) (*fakeLemlist, []api.Campaign) {
	t.Helper()
	srv := sandbox.New(sandbox.Options{
		Keys:      []string{testKey},
		Workspace: sandbox.GenerateWorkspace(total, 1, 1),
		ListShape: shape,
		RateLimit: 1000, RateWindow: 10 * time.Millisecond,
	})
	if handle == nil {
		return newFake(t, srv.ServeHTTP), srv.Campaigns()
	}
	return newFake(t, func(w http.ResponseWriter, r *http.Request) { handle(w, r, srv) }), srv.Campaigns()
}

// listShapes names each shape of GET /campaigns and whether the client,
// which asks for version=v2, gets the {campaigns, pagination} envelope.
var listShapes = []struct {
	name     string
	shape    sandbox.ListShape
	envelope bool
}{
	{"array", sandbox.ListArray, false},
	{"envelope", sandbox.ListEnvelope, true},
	{"by version", sandbox.ListByVersion, true},
}

func TestCampaignsReadsEveryPage(t *testing.T) {
	tests := []struct {
		total                         int
		arrayOffsets, envelopeOffsets []string
	}{
		{250, []string{"0", "100", "200"}, []string{"0", "100", "200"}},
		{0, []string{"0"}, []string{"0"}},
		{37, []string{"0"}, []string{"0"}},
		// A full last page: the array needs an empty page to know it ended,
		// the envelope's pagination says so.
		{200, []string{"0", "100", "200"}, []string{"0", "100"}},
	}
	for _, tt := range tests {
		for _, ls := range listShapes {
			t.Run(fmt.Sprintf("%d %s", tt.total, ls.name), func(t *testing.T) {
				f, camps := campaignSandbox(t, tt.total, ls.shape, nil)
				offsets := tt.arrayOffsets
				if ls.envelope {
					offsets = tt.envelopeOffsets
				}
				got, err := newTestClient(t, f).Campaigns(context.Background(), api.CampaignQuery{})
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != tt.total || len(camps) != tt.total {
					t.Fatalf("got %d campaigns, want %d", len(got), tt.total)
				}
				for i, camp := range got {
					if want := camps[i].ID; camp.ID != want {
						t.Fatalf("campaign %d is %s, want %s", i, camp.ID, want)
					}
				}
				reqs := f.requests()
				if len(reqs) != len(offsets) {
					t.Fatalf("server saw %d requests, want %d", len(reqs), len(offsets))
				}
				for i, req := range reqs {
					q, _ := url.ParseQuery(req.RawQuery)
					if q.Get("offset") != offsets[i] || q.Get("limit") != "100" || q.Get("version") != "v2" || req.Path != "/api/campaigns" {
						t.Errorf("request %d = %s?%s", i, req.Path, req.RawQuery)
					}
				}
			})
		}
	}
}

func TestCampaignsSendsTheQuery(t *testing.T) {
	f, _ := campaignSandbox(t, 3, sandbox.ListArray, nil)
	c := newTestClient(t, f)
	if _, err := c.Campaigns(context.Background(), api.CampaignQuery{Status: "paused", SortOrder: "desc"}); err != nil {
		t.Fatal(err)
	}
	q, _ := url.ParseQuery(f.requests()[0].RawQuery)
	for k, want := range map[string]string{"status": "paused", "sortBy": "createdAt", "sortOrder": "desc"} {
		if q.Get(k) != want {
			t.Errorf("%s = %q, want %q", k, q.Get(k), want)
		}
	}
	for _, bad := range []api.CampaignQuery{{Status: "live"}, {SortOrder: "newest"}} {
		if _, err := c.Campaigns(context.Background(), bad); err == nil {
			t.Errorf("query %+v accepted", bad)
		}
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("invalid queries were sent: %d requests", n)
	}
}

func TestCampaignListShapes(t *testing.T) {
	tests := []struct {
		body string
		want int
		ok   bool
	}{
		{`[{"_id":"cam_1","name":"A"}]`, 1, true},
		{`{"campaigns":[{"_id":"cam_1"},{"_id":"cam_2"}],"pagination":{"currentPage":"1","totalPage":"1","nextPage":null}}`, 2, true},
		{`{"data":[{"_id":"cam_1"}]}`, 1, true},
		{`{"campaigns":[]}`, 0, true},
		{`{"success":true}`, 0, false},
		{`"campaigns"`, 0, false},
		{`[{"_id":1}]`, 0, false},
		{`{"campaigns":{"_id":"cam_1"}}`, 0, false},
	}
	for _, tt := range tests {
		f := newFake(t, func(w http.ResponseWriter, r *http.Request) { writeJSON(w, 200, tt.body) })
		got, err := newTestClient(t, f).Campaigns(context.Background(), api.CampaignQuery{})
		if (err == nil) != tt.ok || len(got) != tt.want {
			t.Errorf("%s: got %d campaigns, err %v", tt.body, len(got), err)
		}
		if !tt.ok && api.StatusOf(err) != 200 {
			t.Errorf("%s: error %v is not a 200 *api.Error", tt.body, err)
		}
	}
}

func TestCampaignPagesDeliversTheFirstPageBeforeTheRest(t *testing.T) {
	firstShown := make(chan struct{})
	f, _ := campaignSandbox(t, 150, sandbox.ListEnvelope, func(w http.ResponseWriter, r *http.Request, serve http.Handler) {
		if r.URL.Query().Get("offset") != "0" {
			// The second page is held back until the first is on screen;
			// a client that waits for every page would stall here.
			select {
			case <-firstShown:
			case <-time.After(10 * time.Second):
				writeText(w, 500, "first page never delivered")
				return
			}
		}
		serve.ServeHTTP(w, r)
	})
	var sizes []int
	var dones []bool
	err := newTestClient(t, f).CampaignPages(context.Background(), api.CampaignQuery{}, func(page []api.Campaign, done bool) error {
		if len(sizes) == 0 {
			close(firstShown)
		}
		sizes = append(sizes, len(page))
		dones = append(dones, done)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(sizes, dones) != "[100 50] [false true]" {
		t.Errorf("pages %v done %v, want [100 50] [false true]", sizes, dones)
	}
}

func TestCampaignPagesStopsWhenTheCallbackFails(t *testing.T) {
	f, _ := campaignSandbox(t, 250, sandbox.ListArray, nil)
	stop := errors.New("enough")
	err := newTestClient(t, f).CampaignPages(context.Background(), api.CampaignQuery{}, func([]api.Campaign, bool) error { return stop })
	if !errors.Is(err, stop) || len(f.requests()) != 1 {
		t.Errorf("err %v after %d requests, want the callback's error after 1", err, len(f.requests()))
	}
}

func TestCampaignsStopsOnAServerThatIgnoresOffsetAndPage(t *testing.T) {
	f, _ := campaignSandbox(t, 100, sandbox.ListArray, func(w http.ResponseWriter, r *http.Request, serve http.Handler) {
		r.URL.RawQuery = "limit=100&offset=0&page=1" // always the same full page
		serve.ServeHTTP(w, r)
	})
	_, err := newTestClient(t, f).Campaigns(context.Background(), api.CampaignQuery{})
	if err == nil {
		t.Fatal("endless paging was not stopped")
	}
	if n := len(f.requests()); n != 2 {
		t.Errorf("stopped after %d requests, want 2", n)
	}
}

func TestCampaign(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"_id":"cam_1","name":"Q3","status":"running","sequenceId":"seq_1","creator":{"userId":"usr_1","userEmail":"a@b.c"}}`)
	})
	camp, err := newTestClient(t, f).Campaign(context.Background(), "cam_1")
	if err != nil {
		t.Fatal(err)
	}
	if camp.Name != "Q3" || camp.SequenceID != "seq_1" || camp.Creator == nil || camp.Creator.UserEmail != "a@b.c" {
		t.Errorf("campaign = %+v", camp)
	}
	if f.requests()[0].Path != "/api/campaigns/cam_1" {
		t.Errorf("path = %s", f.requests()[0].Path)
	}
}

// Whatever a server pages by (offset, page or either) and however long its
// pages, the client reads every campaign once, in order: it sends offset,
// page and limit together and follows the pagination object, a short page
// ending the list only when no pagination says more follow.
func TestCampaignsReadsEveryPageWhateverTheServerPagesBy(t *testing.T) {
	pagings := map[string]sandbox.Paging{"offset": sandbox.PagingOffset, "page": sandbox.PagingPage, "both": sandbox.PagingBoth}
	for pname, paging := range pagings {
		for _, ls := range listShapes {
			for _, pageSize := range []int{0, 40} {
				if pageSize > 0 && !ls.envelope {
					continue // a short bare array is the end of the list by definition
				}
				for _, total := range []int{250, 200, 37} {
					t.Run(fmt.Sprintf("%s/%s/size %d/%d", pname, ls.name, pageSize, total), func(t *testing.T) {
						srv := sandbox.New(sandbox.Options{
							Keys: []string{testKey}, Workspace: sandbox.GenerateWorkspace(total, 1, 1),
							ListShape: ls.shape, Paging: paging, PageSize: pageSize,
							RateLimit: 1000, RateWindow: 10 * time.Millisecond,
						})
						f := newFake(t, srv.ServeHTTP)
						got, err := newTestClient(t, f).Campaigns(context.Background(), api.CampaignQuery{})
						if err != nil {
							t.Fatal(err)
						}
						want := srv.Campaigns()
						if len(got) != total {
							t.Fatalf("got %d campaigns, want %d", len(got), total)
						}
						for i := range got {
							if got[i].ID != want[i].ID {
								t.Fatalf("campaign %d is %s, want %s", i, got[i].ID, want[i].ID)
							}
						}
						for i, req := range f.requests() {
							q, _ := url.ParseQuery(req.RawQuery)
							if q.Get("page") != fmt.Sprint(i+1) || q.Get("limit") != "100" || q.Get("version") != "v2" || !q.Has("offset") {
								t.Errorf("request %d = %s", i, req.RawQuery)
							}
						}
					})
				}
			}
		}
	}
}

// A page count given at the top level of the answer (as n8n reads it), and
// a page that repeats part of the one before (a campaign created meanwhile
// shifts the offsets): every campaign once.
func TestCampaignPagingEdges(t *testing.T) {
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("page") {
		case "1":
			writeJSON(w, 200, `{"campaigns":[{"_id":"cam_1"},{"_id":"cam_2"}],"page":1,"totalPage":3}`)
		case "2":
			writeJSON(w, 200, `{"campaigns":[{"_id":"cam_2"},{"_id":"cam_3"}],"page":"2","totalPage":"3"}`)
		default:
			writeJSON(w, 200, `{"campaigns":[{"_id":"cam_4"}],"page":3,"totalPage":3}`)
		}
	})
	got, err := newTestClient(t, f).Campaigns(context.Background(), api.CampaignQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range got {
		ids = append(ids, c.ID)
	}
	if fmt.Sprint(ids) != "[cam_1 cam_2 cam_3 cam_4]" || len(f.requests()) != 3 {
		t.Errorf("campaigns %v after %d requests", ids, len(f.requests()))
	}
	// nextPage names the page to read; an empty page ends the list even
	// when the pagination promised more.
	f = newFake(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("page") == "1" {
			writeJSON(w, 200, `{"campaigns":[{"_id":"cam_1"}],"pagination":{"currentPage":1,"nextPage":2,"totalPage":9}}`)
			return
		}
		writeJSON(w, 200, `{"campaigns":[],"pagination":{"currentPage":2,"nextPage":3,"totalPage":9}}`)
	})
	got, err = newTestClient(t, f).Campaigns(context.Background(), api.CampaignQuery{})
	if err != nil || len(got) != 1 || len(f.requests()) != 2 {
		t.Errorf("got %d campaigns after %d requests, err %v", len(got), len(f.requests()), err)
	}
}
