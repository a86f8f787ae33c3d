package sandbox

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"lemstep/api"
)

type envelope struct {
	Campaigns  []api.Campaign `json:"campaigns"`
	Pagination struct {
		TotalRecords int  `json:"totalRecords"`
		CurrentPage  int  `json:"currentPage"`
		NextPage     *int `json:"nextPage"`
		TotalPage    int  `json:"totalPage"`
	} `json:"pagination"`
}

func (h harness) listArray(query string) []api.Campaign {
	h.t.Helper()
	rec := h.call("GET", "/api/campaigns?"+query, nil)
	expectStatus(h.t, rec, 200)
	var out []api.Campaign
	decode(h.t, rec, &out)
	return out
}

func (h harness) listEnvelope(query string) envelope {
	h.t.Helper()
	rec := h.call("GET", "/api/campaigns?"+query, nil)
	expectStatus(h.t, rec, 200)
	var out envelope
	decode(h.t, rec, &out)
	return out
}

func ids(cs []api.Campaign) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ID
	}
	return out
}

func TestTeam(t *testing.T) {
	h := newHarness(t, Options{})
	var v1, v2 api.Team
	decode(t, h.call("GET", "/api/team", nil), &v1)
	decode(t, h.call("GET", "/api/team?version=v2", nil), &v2)
	if v1.Name != "Northwind Growth" || v1.ID == "" {
		t.Fatalf("team %+v", v1)
	}
	if len(v1.Users) != 0 || len(v2.Users) != 3 {
		t.Fatalf("users only come with version=v2: v1 has %d, v2 has %d", len(v1.Users), len(v2.Users))
	}
}

func TestListShapes(t *testing.T) {
	cases := []struct {
		shape    ListShape
		query    string
		envelope bool
	}{
		{ListByVersion, "", false},
		{ListByVersion, "version=v2", true},
		{ListByVersion, "version=v1", false},
		{ListArray, "version=v2", false},
		{ListEnvelope, "", true},
	}
	for _, c := range cases {
		h := newHarness(t, Options{ListShape: c.shape})
		rec := h.call("GET", "/api/campaigns?"+c.query, nil)
		expectStatus(t, rec, 200)
		isEnvelope := strings.HasPrefix(rec.Body.String(), "{")
		if isEnvelope != c.envelope {
			t.Errorf("shape %d query %q: envelope=%v, want %v", c.shape, c.query, isEnvelope, c.envelope)
		}
	}
	h := newHarness(t, Options{})
	env := h.listEnvelope("version=v2")
	if len(env.Campaigns) != 11 || env.Pagination.TotalRecords != 11 || env.Pagination.CurrentPage != 1 ||
		env.Pagination.TotalPage != 1 || env.Pagination.NextPage != nil {
		t.Fatalf("one-page envelope: %d campaigns, pagination %+v", len(env.Campaigns), env.Pagination)
	}
	if !strings.Contains(h.call("GET", "/api/campaigns?version=v2", nil).Body.String(), `"nextPage":null`) {
		t.Fatal("nextPage is null on the last page")
	}
}

func TestListPaging(t *testing.T) {
	h := newHarness(t, Options{})
	all := ids(h.listArray(""))
	cases := []struct {
		query          string
		want           []string
		current, total int
		next           int // 0 = null
	}{
		{"limit=3", all[0:3], 1, 4, 2},
		{"offset=3&limit=3", all[3:6], 2, 4, 3},
		{"page=2&limit=3", all[3:6], 2, 4, 3},
		{"page=4&limit=3", all[9:11], 4, 4, 0},
		{"page=2&offset=0&limit=3", all[3:6], 2, 4, 3},
		{"offset=8", all[8:11], 1, 1, 0},
		{"page=9&limit=3", []string{}, 9, 4, 0},
	}
	for _, c := range cases {
		t.Run(c.query, func(t *testing.T) {
			if got := ids(h.listArray(c.query)); !slices.Equal(got, c.want) {
				t.Fatalf("array: %v, want %v", got, c.want)
			}
			env := h.listEnvelope("version=v2&" + c.query)
			p := env.Pagination
			next := 0
			if p.NextPage != nil {
				next = *p.NextPage
			}
			if !slices.Equal(ids(env.Campaigns), c.want) || p.CurrentPage != c.current || p.TotalPage != c.total || next != c.next || p.TotalRecords != 11 {
				t.Fatalf("envelope: %v %+v (next %d)", ids(env.Campaigns), p, next)
			}
		})
	}
	if body := h.call("GET", "/api/campaigns?page=9&limit=3", nil).Body.String(); body != "[]" {
		t.Fatalf("a page past the end is [], not %s", body)
	}
}

func TestListLimitIsCapped(t *testing.T) {
	h := newHarness(t, Options{Workspace: GenerateWorkspace(250, 2, 1)})
	if n := len(h.listArray("limit=500")); n != 100 {
		t.Fatalf("limit=500 gave %d campaigns, want the cap of 100", n)
	}
	env := h.listEnvelope("version=v2")
	if len(env.Campaigns) != 100 || env.Pagination.TotalPage != 3 || *env.Pagination.NextPage != 2 {
		t.Fatalf("default page: %d campaigns, %+v", len(env.Campaigns), env.Pagination)
	}
}

func TestListStatusFilter(t *testing.T) {
	h := newHarness(t, Options{})
	want := map[string][]string{
		"running":  {foundersCampaign, inboundCampaign, nurtureCampaign, scoringCampaign},
		"draft":    {partnersCampaign},
		"paused":   {webinarCampaign, "cam_5gx8jRmYSjRWy2n8M"},
		"ended":    {"cam_JPk2oLJ5AqR67Dnsh", holidayCampaign},
		"errors":   {"cam_YRDuCMofjT46Zjca4", "cam_5gx8jRmYSjRWy2n8M"},
		"archived": {holidayCampaign, "cam_TdmnozAQzmz8xqMW6"},
	}
	for status, w := range want {
		got := ids(h.listArray("status=" + status))
		slices.Sort(got)
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Errorf("status=%s: %v, want %v", status, got, w)
		}
	}
}

func TestListSortAndCreator(t *testing.T) {
	h := newHarness(t, Options{})
	asc := h.listArray("sortBy=createdAt")
	desc := h.listArray("sortBy=createdAt&sortOrder=desc")
	if !slices.IsSortedFunc(asc, func(a, b api.Campaign) int { return strings.Compare(a.CreatedAt, b.CreatedAt) }) {
		t.Fatalf("ascending: %v", ids(asc))
	}
	rev := slices.Clone(ids(desc))
	slices.Reverse(rev)
	if !slices.Equal(rev, ids(asc)) {
		t.Fatalf("descending is not the reverse of ascending: %v", ids(desc))
	}
	mine := h.listArray("createdBy=usr_rTFkeRRgCXoYdP9Y7")
	if len(mine) != 3 {
		t.Fatalf("Priya created 3 campaigns, got %v", ids(mine))
	}
	for _, c := range mine {
		if c.CreatedBy != "usr_rTFkeRRgCXoYdP9Y7" {
			t.Fatalf("createdBy filter let %s through", c.ID)
		}
	}
	if found := h.listArray("search=NURTURE"); len(found) != 1 || found[0].ID != nurtureCampaign {
		t.Fatalf("search: %v", ids(found))
	}
}

func TestListItemsAreLean(t *testing.T) {
	h := newHarness(t, Options{})
	for _, c := range h.listArray("") {
		if c.Creator != nil || c.Senders != nil || c.SequenceID != "" || c.TeamID != "" {
			t.Fatalf("list item %s carries detail-only fields: %+v", c.ID, c)
		}
	}
}

func TestListBadParams(t *testing.T) {
	h := newHarness(t, Options{})
	for _, q := range []string{"limit=0", "limit=ten", "offset=-1", "page=0", "status=live", "sortBy=name"} {
		expectText(t, h.call("GET", "/api/campaigns?"+q, nil), 400, "Bad params")
	}
}

func TestGetCampaign(t *testing.T) {
	h := newHarness(t, Options{})
	var c api.Campaign
	decode(t, h.call("GET", "/api/campaigns/"+foundersCampaign, nil), &c)
	if c.Name != "Q4 SaaS founders — multichannel" || c.Creator == nil || len(c.Senders) == 0 || c.SequenceID != foundersMain {
		t.Fatalf("campaign %+v", c)
	}
	expectText(t, h.call("GET", "/api/campaigns/cam_doesNotExist12345", nil), 404, "Campaign not found")
	expectText(t, h.call("GET", "/api/campaigns/cam_doesNotExist12345/sequences", nil), 404, "Campaign not found")
}

func TestOtherTeamsCampaign(t *testing.T) {
	ws := DemoWorkspace()
	ws.Campaigns[1].TeamID = "tea_someOtherTeam12345"
	h := newHarness(t, Options{Workspace: ws})
	expectText(t, h.call("GET", "/api/campaigns/"+webinarCampaign, nil), 400, "Bad team")
	expectText(t, h.call("GET", "/api/campaigns/"+webinarCampaign+"/sequences", nil), 400, "Bad team")
	seqID := ws.Campaigns[1].SequenceID
	stepID := ws.Sequences[webinarCampaign][seqID].Steps[0].ID
	expectText(t, h.patch(seqID, stepID, `{"type":"email","delay":1}`), 400, "Bad team")
	if slices.Contains(ids(h.listArray("")), webinarCampaign) {
		t.Fatal("another team's campaign is listed")
	}
}

func TestSequencesShape(t *testing.T) {
	h := newHarness(t, Options{})
	rec := h.call("GET", "/api/campaigns/"+foundersCampaign+"/sequences", nil)
	var raw map[string]json.RawMessage
	decode(t, rec, &raw)
	if len(raw) != 5 {
		t.Fatalf("the founders campaign has a main sequence and 4 branches; got %d entries", len(raw))
	}
	seqs := h.sequences(foundersCampaign)
	for id, s := range seqs {
		if s.ID != id {
			t.Fatalf("entry %s has _id %s", id, s.ID)
		}
	}
	if _, err := api.BuildTree(seqs); err != nil {
		t.Fatal(err)
	}
}

func TestCampaignWithoutSequence(t *testing.T) {
	ws := DemoWorkspace()
	delete(ws.Sequences, partnersCampaign)
	h := newHarness(t, Options{Workspace: ws})
	expectText(t, h.call("GET", "/api/campaigns/"+partnersCampaign+"/sequences", nil), 400, "Campaign has no sequence")
}
