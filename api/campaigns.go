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
	// maxCampaignPages stops a server that keeps saying more pages follow
	// from keeping the client paging forever (it is 100,000 campaigns).
	maxCampaignPages = 1000
)

// CampaignQuery narrows GET /campaigns. Zero fields mean "all".
type CampaignQuery struct {
	Status    string // one of CampaignStatuses' values
	SortOrder string // "asc" or "desc", by creation date
}

// values is the query of one page. Both `offset` and `page` are sent: the
// published spec pages by offset, while clients of version=v2 page by page,
// and a server honours whichever it knows.
func (q CampaignQuery) values(offset, page int) (url.Values, error) {
	v := url.Values{
		// The endpoint still defaults to the deprecated v1.
		"version": {"v2"},
		"limit":   {strconv.Itoa(campaignPageSize)},
		"offset":  {strconv.Itoa(offset)},
		"page":    {strconv.Itoa(page)},
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
//
// The reading stops when the server says there is no more (a pagination
// object whose nextPage is null, or whose currentPage reached totalPage), or,
// when no pagination says otherwise, on a page shorter than asked for. A
// campaign already read is not given twice; a page holding only campaigns
// already read means the server ignored both offset and page.
func (c *Client) CampaignPages(ctx context.Context, q CampaignQuery, fn func(page []Campaign, done bool) error) error {
	seen := map[string]bool{}
	offset, page := 0, 1
	for n := 1; ; n++ {
		query, err := q.values(offset, page)
		if err != nil {
			return err
		}
		items, next, err := c.campaignPage(ctx, query, page)
		if err != nil {
			return err
		}
		fresh := unseenCampaigns(items, seen)
		if len(items) > 0 && len(fresh) == 0 {
			return fmt.Errorf("lemlist sent the same page of campaigns twice (it ignored both offset and page); lemstep stopped reading.")
		}
		more := next > 0 && len(items) > 0
		if more && n == maxCampaignPages {
			return fmt.Errorf("lemlist kept sending pages of campaigns after %d pages; lemstep stopped reading.", n)
		}
		if err := fn(fresh, !more); err != nil {
			return err
		}
		if !more {
			return nil
		}
		offset += len(items)
		page = next
	}
}

// unseenCampaigns returns the campaigns of page not yet in seen, and adds
// them. A campaign without an id is always new.
func unseenCampaigns(page []Campaign, seen map[string]bool) []Campaign {
	fresh := make([]Campaign, 0, len(page))
	for _, c := range page {
		if c.ID != "" && seen[c.ID] {
			continue
		}
		seen[c.ID] = true
		fresh = append(fresh, c)
	}
	return fresh
}

// campaignPage reads page number page and returns the number of the page
// to read next, 0 when there is none.
func (c *Client) campaignPage(ctx context.Context, query url.Values, page int) ([]Campaign, int, error) {
	const path = "/campaigns"
	var raw json.RawMessage
	if err := c.getJSON(ctx, path, query, &raw); err != nil {
		return nil, 0, err
	}
	items, p, err := decodeCampaignPage(raw)
	if err != nil {
		return nil, 0, &Error{Status: http.StatusOK, Method: http.MethodGet, Path: path, Message: err.Error()}
	}
	return items, p.next(page, len(items)), nil
}

// pageInfo is what a page says of the pages after it. A bare array says
// nothing (known is false).
type pageInfo struct {
	known    bool // a pagination object said something usable
	last     bool // it said this is the last page
	nextPage int  // the page it named as next (0 when it named none)
}

// next is the page to read after page, which held n campaigns: the one the
// pagination names, else the following one when the pagination says more
// follow or, without usable pagination, when the page was full.
func (p pageInfo) next(page, n int) int {
	switch {
	case p.last:
		return 0
	case p.nextPage > page:
		return p.nextPage
	case p.known, n >= campaignPageSize:
		return page + 1
	}
	return 0
}

// decodeCampaignPage accepts both shapes lemlist is known to send: a bare
// array (the published spec) and {campaigns, pagination} (what v2 is
// reported to answer), and reads what the pagination says.
func decodeCampaignPage(raw json.RawMessage) ([]Campaign, pageInfo, error) {
	raw = bytes.TrimSpace(raw)
	if bytes.HasPrefix(raw, []byte("[")) {
		page, err := decodeCampaignList(raw)
		return page, pageInfo{}, err
	}
	var env map[string]json.RawMessage
	if err := json.Unmarshal(raw, &env); err != nil || env == nil {
		return nil, pageInfo{}, fmt.Errorf("data that is not a campaign list")
	}
	for _, key := range []string{"campaigns", "data", "results"} {
		list, ok := env[key]
		if !ok {
			continue
		}
		page, err := decodeCampaignList(list)
		if err != nil {
			return nil, pageInfo{}, err
		}
		info := readPagination(env["pagination"])
		if !info.known {
			info = readPagination(raw) // totalPage at the top level, as n8n reads it
		}
		return page, info, nil
	}
	return nil, pageInfo{}, fmt.Errorf("data that is not a campaign list (no campaigns in it)")
}

func decodeCampaignList(raw json.RawMessage) ([]Campaign, error) {
	var page []Campaign
	if err := json.Unmarshal(raw, &page); err != nil {
		return nil, fmt.Errorf("a campaign list lemstep could not read (%s)", cleanWords(err.Error()))
	}
	return page, nil
}

// readPagination reads a pagination object leniently: numbers may come as
// strings, nextPage is null (or 0) on the last page, and currentPage may
// reach totalPage instead.
func readPagination(raw json.RawMessage) pageInfo {
	var p map[string]json.RawMessage
	if json.Unmarshal(raw, &p) != nil || p == nil {
		return pageInfo{}
	}
	var info pageInfo
	if next, ok := p["nextPage"]; ok {
		n, isNum := looseInt(next)
		switch {
		case isNull(next) || (isNum && n <= 0) || bytes.Equal(bytes.TrimSpace(next), []byte("false")):
			return pageInfo{known: true, last: true}
		case isNum:
			info = pageInfo{known: true, nextPage: n}
		}
	}
	current, okCurrent := looseInt(firstOf(p, "currentPage", "page"))
	total, okTotal := looseInt(firstOf(p, "totalPage", "totalPages"))
	if okCurrent && okTotal {
		info.known = true
		info.last = current >= total
	}
	return info
}

func firstOf(p map[string]json.RawMessage, keys ...string) json.RawMessage {
	for _, k := range keys {
		if v, ok := p[k]; ok {
			return v
		}
	}
	return nil
}

func looseInt(raw json.RawMessage) (int, bool) {
	if raw == nil {
		return 0, false
	}
	n, ok := looseWhole(raw)
	return n, ok
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
