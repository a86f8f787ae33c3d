package cli

import (
	"context"
	"net/http/httptest"
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
