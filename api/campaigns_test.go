package api_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"testing"
	"time"

	"lemstep/api"
)

// campaignServer serves total campaigns with offset paging, as a bare array
// or inside the {campaigns, pagination} envelope.
func campaignServer(total int, envelope bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		offset, _ := strconv.Atoi(q.Get("offset"))
		limit, _ := strconv.Atoi(q.Get("limit"))
		page := []api.Campaign{}
		for i := offset; i < min(offset+limit, total); i++ {
			page = append(page, api.Campaign{ID: fmt.Sprintf("cam_%03d", i), Name: fmt.Sprintf("Campaign %d", i)})
		}
		var body any = page
		if envelope {
			current, pages := offset/limit+1, (total+limit-1)/limit
			var next any
			if current < pages {
				next = current + 1
			}
			body = map[string]any{"campaigns": page, "pagination": map[string]any{
				"totalRecords": total, "currentPage": current, "nextPage": next, "totalPage": pages,
			}}
		}
		b, _ := json.Marshal(body)
		writeJSON(w, 200, string(b))
	}
}

func TestCampaignsReadsEveryPage(t *testing.T) {
	tests := []struct {
		total    int
		envelope bool
		offsets  []string
	}{
		{250, false, []string{"0", "100", "200"}},
		{250, true, []string{"0", "100", "200"}},
		{0, false, []string{"0"}},
		{0, true, []string{"0"}},
		{37, true, []string{"0"}},
		// A full last page: the array needs an empty page to know it ended,
		// the envelope's pagination says so.
		{200, false, []string{"0", "100", "200"}},
		{200, true, []string{"0", "100"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%d envelope=%v", tt.total, tt.envelope), func(t *testing.T) {
			f := newFake(t, campaignServer(tt.total, tt.envelope))
			got, err := newTestClient(t, f).Campaigns(context.Background(), api.CampaignQuery{})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.total {
				t.Fatalf("got %d campaigns, want %d", len(got), tt.total)
			}
			for i, camp := range got {
				if want := fmt.Sprintf("cam_%03d", i); camp.ID != want {
					t.Fatalf("campaign %d is %s, want %s", i, camp.ID, want)
				}
			}
			reqs := f.requests()
			if len(reqs) != len(tt.offsets) {
				t.Fatalf("server saw %d requests, want %d", len(reqs), len(tt.offsets))
			}
			for i, req := range reqs {
				q, _ := url.ParseQuery(req.RawQuery)
				if q.Get("offset") != tt.offsets[i] || q.Get("limit") != "100" || q.Get("version") != "v2" || req.Path != "/api/campaigns" {
					t.Errorf("request %d = %s?%s", i, req.Path, req.RawQuery)
				}
			}
		})
	}
}

func TestCampaignsSendsTheQuery(t *testing.T) {
	f := newFake(t, campaignServer(1, false))
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
	serve := campaignServer(150, true)
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
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
		serve(w, r)
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
	f := newFake(t, campaignServer(250, false))
	stop := errors.New("enough")
	err := newTestClient(t, f).CampaignPages(context.Background(), api.CampaignQuery{}, func([]api.Campaign, bool) error { return stop })
	if !errors.Is(err, stop) || len(f.requests()) != 1 {
		t.Errorf("err %v after %d requests, want the callback's error after 1", err, len(f.requests()))
	}
}

func TestCampaignsStopsOnAServerThatIgnoresOffset(t *testing.T) {
	full := campaignServer(100, false)
	f := newFake(t, func(w http.ResponseWriter, r *http.Request) {
		r.URL.RawQuery = "limit=100&offset=0" // always the same full page
		full(w, r)
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
