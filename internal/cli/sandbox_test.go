package cli

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"lemstep/api"
	"lemstep/api/sandbox"
)

// `lemstep sandbox --workspace odd --paging page` serves 150 campaigns a
// client reads in full although the server ignores offset.
func TestSandboxFlags(t *testing.T) {
	opts, err := sandboxOptions(sandboxFlags{plan: "emailPro", paging: "page", workspace: "odd"})
	if err != nil {
		t.Fatal(err)
	}
	opts.Keys = []string{"k"}
	opts.RateLimit, opts.RateWindow = 1000, 10*time.Millisecond
	ts := httptest.NewServer(sandbox.New(opts))
	defer ts.Close()
	c, err := api.NewClient(api.Config{BaseURL: ts.URL + "/api", APIKey: "k", RateLimit: 1000, RateWindow: 10 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	camps, err := c.Campaigns(context.Background(), api.CampaignQuery{})
	if err != nil || len(camps) != 150 {
		t.Fatalf("%d campaigns, err %v", len(camps), err)
	}
	for _, bad := range []sandboxFlags{{plan: "emailPro", paging: "cursor", workspace: "demo"}, {plan: "emailPro", paging: "both", workspace: "huge"}, {plan: "gold", paging: "both", workspace: "demo"}} {
		if _, err := sandboxOptions(bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}

// `lemstep sandbox --campaigns N` serves a generated workspace of N
// campaigns, each with its sequences, read in full by the client; with
// --workspace odd, N odd ones. Out of range is a usage error.
func TestSandboxGeneratesCampaigns(t *testing.T) {
	for _, workspace := range []string{"demo", "odd"} {
		opts, err := sandboxOptions(sandboxFlags{plan: "emailPro", paging: "both", workspace: workspace, campaigns: 250})
		if err != nil {
			t.Fatal(err)
		}
		opts.Keys = []string{"k"}
		opts.RateLimit, opts.RateWindow = 1000, 10*time.Millisecond
		ts := httptest.NewServer(sandbox.New(opts))
		c, err := api.NewClient(api.Config{BaseURL: ts.URL + "/api", APIKey: "k", RateLimit: 1000, RateWindow: 10 * time.Millisecond})
		if err != nil {
			t.Fatal(err)
		}
		camps, err := c.Campaigns(context.Background(), api.CampaignQuery{})
		if err != nil || len(camps) != 250 {
			t.Fatalf("%s: %d campaigns, err %v", workspace, len(camps), err)
		}
		seqs, err := c.Sequences(context.Background(), camps[len(camps)-1].ID)
		if err != nil || len(seqs) == 0 {
			t.Fatalf("%s: the last campaign's sequences: %v, %v", workspace, seqs, err)
		}
		ts.Close()
	}
	for _, n := range []int{-1, maxSandboxCampaigns + 1} {
		_, err := sandboxOptions(sandboxFlags{plan: "emailPro", paging: "both", workspace: "demo", campaigns: n})
		var ee *exitError
		if !errors.As(err, &ee) || ee.code != exitUsage || !strings.Contains(err.Error(), "--campaigns must be from 1 to 100000") {
			t.Errorf("--campaigns %d: %v", n, err)
		}
	}
	if got := (sandboxFlags{workspace: "demo", campaigns: 50000}).workspaceLabel(); got != "workspace of 50000 generated campaigns" {
		t.Errorf("banner names %q", got)
	}
}
