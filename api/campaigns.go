package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

const (
	// campaignPageSize is the most GET /campaigns returns per page.
	campaignPageSize = 100
	// maxCampaignPages stops a server that ignores `offset` from keeping
	// the client paging forever (it is 100,000 campaigns).
	maxCampaignPages = 1000
)

// CampaignQuery narrows GET /campaigns. Zero fields mean "all".
type CampaignQuery struct {
	Status    string // one of CampaignStatuses' values
	SortOrder string // "asc" or "desc", by creation date
}

func (q CampaignQuery) values(offset int) (url.Values, error) {
	v := url.Values{
		// The endpoint still defaults to the deprecated v1.
		"version": {"v2"},
		"limit":   {strconv.Itoa(campaignPageSize)},
		"offset":  {strconv.Itoa(offset)},
	}
	if q.Status != "" {
		if !IsChoice(CampaignStatuses, q.Status) {
			return nil, fmt.Errorf("%q is not a campaign status lemlist knows; use one of draft, running, paused, ended, errors or archived.", q.Status)
		}
		v.Set("status", q.Status)
	}
	switch q.SortOrder {
	case "":
	case "asc", "desc":
		v.Set("sortBy", "createdAt")
		v.Set("sortOrder", q.SortOrder)
	default:
		return nil, fmt.Errorf("%q is not a sort order; use asc or desc.", q.SortOrder)
	}
	return v, nil
}

// Campaigns returns every campaign matching q, reading all pages.
func (c *Client) Campaigns(ctx context.Context, q CampaignQuery) ([]Campaign, error) {
	all := []Campaign{}
	err := c.CampaignPages(ctx, q, func(page []Campaign, _ bool) error {
		all = append(all, page...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return all, nil
}

// CampaignPages reads the campaigns matching q page by page, calling fn with
// each page as it arrives; done is true on the last call. An error from fn
// stops the reading and is returned.
func (c *Client) CampaignPages(ctx context.Context, q CampaignQuery, fn func(page []Campaign, done bool) error) error {
	offset, previousFirst := 0, ""
	for n := 1; ; n++ {
		query, err := q.values(offset)
		if err != nil {
			return err
		}
		page, more, err := c.campaignPage(ctx, query)
		if err != nil {
			return err
		}
		if len(page) > 0 && n > 1 && page[0].ID == previousFirst {
			return fmt.Errorf("lemlist sent the same page of campaigns twice (it ignored the offset); lemstep stopped reading.")
		}
		if more && n == maxCampaignPages {
			return fmt.Errorf("lemlist kept sending full pages of campaigns after %d pages; lemstep stopped reading.", n)
		}
		if len(page) > 0 {
			previousFirst = page[0].ID
		}
		if err := fn(page, !more); err != nil {
			return err
		}
		if !more {
			return nil
		}
		offset += len(page)
	}
}

// campaignPage reads one page and says whether another may follow.
func (c *Client) campaignPage(ctx context.Context, query url.Values) ([]Campaign, bool, error) {
	const path = "/campaigns"
	var raw json.RawMessage
	if err := c.getJSON(ctx, path, query, &raw); err != nil {
		return nil, false, err
	}
	page, last, err := decodeCampaignPage(raw)
	if err != nil {
		return nil, false, &Error{Status: http.StatusOK, Method: http.MethodGet, Path: path, Message: err.Error()}
	}
	return page, len(page) == campaignPageSize && !last, nil
}

// decodeCampaignPage accepts both shapes lemlist is known to send: a bare
// array (the published spec) and {campaigns, pagination} (what v2 is
// reported to answer). last is true when the pagination says so.
func decodeCampaignPage(raw json.RawMessage) (page []Campaign, last bool, err error) {
	raw = bytes.TrimSpace(raw)
	if bytes.HasPrefix(raw, []byte("[")) {
		if err := json.Unmarshal(raw, &page); err != nil {
			return nil, false, fmt.Errorf("a campaign list lemstep could not read (%s)", cleanWords(err.Error()))
		}
		return page, false, nil
	}
	var env map[string]json.RawMessage
	if err := json.Unmarshal(raw, &env); err != nil || env == nil {
		return nil, false, fmt.Errorf("data that is not a campaign list")
	}
	for _, key := range []string{"campaigns", "data", "results"} {
		list, ok := env[key]
		if !ok {
			continue
		}
		if err := json.Unmarshal(list, &page); err != nil {
			return nil, false, fmt.Errorf("a campaign list lemstep could not read (%s)", cleanWords(err.Error()))
		}
		return page, lastPage(env["pagination"]), nil
	}
	return nil, false, fmt.Errorf("data that is not a campaign list (no campaigns in it)")
}

// lastPage reads a pagination object leniently: numbers may come as strings,
// and nextPage is null on the last page.
func lastPage(raw json.RawMessage) bool {
	var p map[string]json.RawMessage
	if json.Unmarshal(raw, &p) != nil {
		return false
	}
	if next, ok := p["nextPage"]; ok {
		if n, isNum := looseInt(next); bytes.Equal(bytes.TrimSpace(next), []byte("null")) || (isNum && n <= 0) {
			return true
		}
	}
	current, okCurrent := looseInt(p["currentPage"])
	total, okTotal := looseInt(p["totalPage"])
	return okCurrent && okTotal && current >= total
}

func looseInt(raw json.RawMessage) (int, bool) {
	var n json.Number
	if json.Unmarshal(raw, &n) == nil {
		if i, err := n.Int64(); err == nil {
			return int(i), true
		}
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if i, err := strconv.Atoi(s); err == nil {
			return i, true
		}
	}
	return 0, false
}

// Campaign returns one campaign.
func (c *Client) Campaign(ctx context.Context, id string) (Campaign, error) {
	if id == "" {
		return Campaign{}, fmt.Errorf("a campaign id is needed to read a campaign")
	}
	path := "/campaigns/" + pathSegment(id)
	var camp Campaign
	if err := c.getJSON(ctx, path, nil, &camp); err != nil {
		return Campaign{}, err
	}
	if camp.ID == "" {
		return Campaign{}, &Error{Status: http.StatusOK, Method: http.MethodGet, Path: path,
			Message: "data that is not a campaign (it has no _id)"}
	}
	return camp, nil
}
