package sandbox

import (
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"lemstep/api"
)

func benchHarness(b *testing.B, campaigns, steps int) (*Server, func(method, path, body string) int) {
	b.Helper()
	srv := New(Options{Keys: []string{testKey}, RateLimit: 1 << 30, Workspace: GenerateWorkspace(campaigns, steps, 1)})
	do := func(method, path, body string) int {
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		req.SetBasicAuth("", testKey)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec.Code
	}
	return srv, do
}

func BenchmarkListCampaignsPage(b *testing.B) {
	_, do := benchHarness(b, 5000, 2)
	for b.Loop() {
		if do("GET", "/api/campaigns?version=v2&limit=100&page=20&sortBy=createdAt&sortOrder=desc", "") != 200 {
			b.Fatal("list failed")
		}
	}
}

func BenchmarkGetSequences300Steps(b *testing.B) {
	srv, do := benchHarness(b, 4, 300)
	path := "/api/campaigns/" + srv.Campaigns()[0].ID + "/sequences"
	for b.Loop() {
		if do("GET", path, "") != 200 {
			b.Fatal("get failed")
		}
	}
}

func BenchmarkPatchStep(b *testing.B) {
	srv, do := benchHarness(b, 2000, 100)
	camp := srv.Campaigns()[1]
	step := srv.Sequences(camp.ID)[api.MainSequenceID(srv.Sequences(camp.ID))].Steps[1]
	path := "/api/sequences/" + step.SequenceID + "/steps/" + step.ID
	i := 0
	for b.Loop() {
		i++
		if do("PATCH", path, fmt.Sprintf(`{"type":%q,"delay":%d}`, step.Type, i%1500)) != 200 {
			b.Fatal("patch failed")
		}
	}
}
