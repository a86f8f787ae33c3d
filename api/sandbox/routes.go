package sandbox

import "strings"

// endpoint names a route of the lemlist API the sandbox knows.
type endpoint int

const (
	epTeam      endpoint = iota + 1 // /team
	epCampaigns                     // /campaigns
	epCampaign                      // /campaigns/{campaignId}
	epSequences                     // /campaigns/{campaignId}/sequences
	epSteps                         // /sequences/{sequenceId}/steps
	epStep                          // /sequences/{sequenceId}/steps/{stepId}
	epABTest                        // /sequences/{sequenceId}/steps/{stepId}/ab-test
	epABWinner                      // /sequences/{sequenceId}/steps/{stepId}/ab-test/winner
)

// route is a matched path with its parameters.
type route struct {
	ep         endpoint
	campaignID string
	sequenceID string
	stepID     string
}

// relativePath strips the /api mount point lemlist's base URL carries, so the
// sandbox answers the same whether the client's base URL ends in /api or not.
func relativePath(p string) string {
	if p == "/api" {
		return "/"
	}
	if rest, ok := strings.CutPrefix(p, "/api/"); ok {
		return "/" + rest
	}
	return p
}

// matchRoute finds the route of a path relative to the base URL. One
// trailing slash is tolerated, as lemlist's Express server does; doubled
// slashes are not, so a client joining URLs badly finds out.
func matchRoute(rel string) (route, bool) {
	rel = strings.TrimPrefix(rel, "/")
	rel = strings.TrimSuffix(rel, "/")
	segs := strings.Split(rel, "/")
	for _, s := range segs {
		if s == "" {
			return route{}, false
		}
	}
	switch {
	case len(segs) == 1 && segs[0] == "team":
		return route{ep: epTeam}, true
	case len(segs) == 1 && segs[0] == "campaigns":
		return route{ep: epCampaigns}, true
	case len(segs) == 2 && segs[0] == "campaigns":
		return route{ep: epCampaign, campaignID: segs[1]}, true
	case len(segs) == 3 && segs[0] == "campaigns" && segs[2] == "sequences":
		return route{ep: epSequences, campaignID: segs[1]}, true
	case len(segs) == 3 && segs[0] == "sequences" && segs[2] == "steps":
		return route{ep: epSteps, sequenceID: segs[1]}, true
	case len(segs) == 4 && segs[0] == "sequences" && segs[2] == "steps":
		return route{ep: epStep, sequenceID: segs[1], stepID: segs[3]}, true
	case len(segs) >= 5 && segs[0] == "sequences" && segs[2] == "steps":
		return matchABRoute(segs)
	}
	return route{}, false
}

// handler answers one request; it runs with the server's lock held.
type handler func(s *Server, c call) reply

// handlerFor returns the handler of a route for an HTTP method, nil when the
// route does not accept the method.
func handlerFor(ep endpoint, method string) handler {
	switch {
	case ep == epTeam && method == "GET":
		return (*Server).getTeam
	case ep == epCampaigns && method == "GET":
		return (*Server).listCampaigns
	case ep == epCampaign && method == "GET":
		return (*Server).getCampaign
	case ep == epSequences && method == "GET":
		return (*Server).getSequences
	case ep == epSteps && method == "POST":
		return (*Server).createStep
	case ep == epStep && method == "PATCH":
		return (*Server).updateStep
	case ep == epStep && method == "DELETE":
		return (*Server).deleteStep
	}
	return abHandlerFor(ep, method)
}
