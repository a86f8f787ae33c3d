package api

import (
	"context"
	"net/http"
	"net/url"
)

// Team returns the team the API key belongs to, with its members. It is the
// cheapest way to check that a key works.
func (c *Client) Team(ctx context.Context) (Team, error) {
	var t Team
	const path = "/team"
	if err := c.getJSON(ctx, path, url.Values{"version": {"v2"}}, &t); err != nil {
		return Team{}, err
	}
	if t.ID == "" {
		return Team{}, &Error{Status: http.StatusOK, Method: http.MethodGet, Path: path,
			Message: "data that is not a team (it has no _id); check the base URL (lemlist's is " + DefaultBaseURL + ")"}
	}
	return t, nil
}
