package sandbox

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"lemstep/api"
)

// maxPageSize is lemlist's cap on `limit` for GET /campaigns.
const maxPageSize = 100

const msgBadParams = "Bad params"

// listQuery is the parsed query of GET /campaigns.
type listQuery struct {
	envelope   bool
	offset     int
	limit      int
	status     string
	createdBy  string
	search     string
	sortByDate bool
	descending bool
}

// parseListQuery reads the query; ok is false when a parameter is malformed.
// Which of page and offset counts depends on o.Paging; by default a page,
// when given, wins over offset, as on lemlist's other paged routes.
func parseListQuery(q url.Values, o Options) (listQuery, bool) {
	shape := o.ListShape
	lq := listQuery{
		limit:      maxPageSize,
		status:     q.Get("status"),
		createdBy:  q.Get("createdBy"),
		search:     strings.ToLower(q.Get("search")),
		descending: q.Get("sortOrder") == "desc",
	}
	switch shape {
	case ListEnvelope:
		lq.envelope = true
	case ListByVersion:
		lq.envelope = q.Get("version") == "v2"
	}
	limit, ok1 := intParam(q, "limit", 1, maxPageSize)
	offset, ok2 := intParam(q, "offset", 0, 0)
	page, ok3 := intParam(q, "page", 1, 1)
	if !ok1 || !ok2 || !ok3 {
		return lq, false
	}
	lq.limit = min(limit, maxPageSize)
	if o.PageSize > 0 {
		lq.limit = min(lq.limit, o.PageSize)
	}
	switch {
	case o.Paging == PagingPage, o.Paging == PagingBoth && q.Has("page"):
		lq.offset = (page - 1) * lq.limit
	default:
		lq.offset = offset
	}
	switch q.Get("sortBy") {
	case "":
	case "createdAt":
		lq.sortByDate = true
	default:
		return lq, false
	}
	if lq.status != "" && !api.IsChoice(api.CampaignStatuses, lq.status) {
		return lq, false
	}
	return lq, true
}

// intParam reads an integer parameter of at least lo; absent gives def.
func intParam(q url.Values, name string, lo, def int) (int, bool) {
	if !q.Has(name) {
		return def, true
	}
	n, err := strconv.Atoi(q.Get(name))
	if err != nil || n < lo {
		return 0, false
	}
	return n, true
}

// matches reports whether a campaign passes the filters. A campaign can be
// in several states at once: archived campaigns may say "ended", and a
// paused campaign may also have errors.
func (lq listQuery) matches(c *api.Campaign) bool {
	switch {
	case lq.createdBy != "" && c.CreatedBy != lq.createdBy:
		return false
	case lq.search != "" && !strings.Contains(strings.ToLower(c.Name), lq.search):
		return false
	}
	switch lq.status {
	case "":
		return true
	case "archived":
		return c.IsArchived()
	case "errors":
		return c.Status == "errors" || c.HasError
	}
	return c.Status == lq.status
}

// listCampaigns answers GET /campaigns.
func (s *Server) listCampaigns(c call) reply {
	lq, ok := parseListQuery(c.query, s.opts)
	if !ok {
		return textReply(http.StatusBadRequest, msgBadParams)
	}
	found := make([]*api.Campaign, 0, len(s.ws.Campaigns))
	for i := range s.ws.Campaigns {
		camp := &s.ws.Campaigns[i]
		if !s.foreign(camp) && lq.matches(camp) {
			found = append(found, camp)
		}
	}
	if lq.sortByDate {
		slices.SortStableFunc(found, func(a, b *api.Campaign) int {
			if lq.descending {
				return strings.Compare(b.CreatedAt, a.CreatedAt)
			}
			return strings.Compare(a.CreatedAt, b.CreatedAt)
		})
	}
	page := pageOf(found, lq.offset, lq.limit)
	if !lq.envelope {
		return jsonReply(page)
	}
	return jsonReply(campaignEnvelope{Campaigns: page, Pagination: paginate(len(found), lq.offset, lq.limit)})
}

// pageOf returns the list items of one page, never nil so it encodes as [].
func pageOf(all []*api.Campaign, offset, limit int) []api.Campaign {
	out := []api.Campaign{}
	for i := offset; i < len(all) && i < offset+limit; i++ {
		out = append(out, listItem(*all[i]))
	}
	return out
}

// listItem keeps the fields lemlist shows in the list; the creator, senders
// and sequence come with GET /campaigns/{id} only.
func listItem(c api.Campaign) api.Campaign {
	c = api.CloneCampaign(c)
	c.Creator, c.Senders, c.SequenceID, c.ScheduleIDs, c.TeamID = nil, nil, "", nil, ""
	return c
}

// campaignEnvelope is the v2 body of GET /campaigns.
type campaignEnvelope struct {
	Campaigns  []api.Campaign `json:"campaigns"`
	Pagination pagination     `json:"pagination"`
}

// pagination follows the envelope of GET /schedules: nextPage is null on the
// last page.
type pagination struct {
	TotalRecords int  `json:"totalRecords"`
	CurrentPage  int  `json:"currentPage"`
	NextPage     *int `json:"nextPage"`
	TotalPage    int  `json:"totalPage"`
}

func paginate(total, offset, limit int) pagination {
	p := pagination{
		TotalRecords: total,
		CurrentPage:  offset/limit + 1,
		TotalPage:    (total + limit - 1) / limit,
	}
	if offset+limit < total {
		next := p.CurrentPage + 1
		p.NextPage = &next
	}
	return p
}
