package findreplace

import (
	"context"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"lemstep/api"
	"lemstep/api/sandbox"
)

const benchKey = "bench-key-0123456789"

// A rate window shrunk from lemlist's 2 s, so a run of hundreds of
// requests takes seconds; the limit is lemlist's 20. The client's limiter
// sends 20 per window plus one answer's latency, so the shorter the window
// the more a loaded machine's latency weighs: at 400 ms a 20 ms answer
// costs 5%, at lemlist's 2 s it costs 1%.
const (
	benchLimit  = api.DefaultRateLimit
	benchWindow = 400 * time.Millisecond
)

// benchSession serves ws on a loopback sandbox with the shrunk window and
// returns a client keeping to it.
func benchSession(b *testing.B, ws *sandbox.Workspace) (*sandbox.Server, *api.Client, func()) {
	b.Helper()
	srv := sandbox.New(sandbox.Options{Keys: []string{benchKey}, Workspace: ws, RateLimit: benchLimit, RateWindow: benchWindow})
	hs := httptest.NewServer(srv)
	c, err := api.NewClient(api.Config{BaseURL: hs.URL + "/api", APIKey: benchKey, RateLimit: benchLimit, RateWindow: benchWindow})
	if err != nil {
		b.Fatal(err)
	}
	return srv, c, hs.Close
}

// shortest is the least time n requests can take at the ceiling: the first
// limit go at once, then limit more each window.
func shortest(n int) time.Duration {
	return time.Duration((n+benchLimit-1)/benchLimit-1) * benchWindow
}

// BenchmarkGrep500Campaigns lists and reads 500 generated campaigns and
// searches them, as `lemstep grep` does, and reports the time taken as a
// multiple of the ceiling's time for the requests made (the goal is at
// most 1.05) and the 429s the server sent (the goal is 0).
func BenchmarkGrep500Campaigns(b *testing.B) {
	ws := sandbox.GenerateWorkspace(500, 6, 19)
	var ratio float64
	var rejected int
	for b.Loop() {
		srv, c, stop := benchSession(b, ws)
		m, err := Compile(Query{Pattern: "onboarding", IgnoreCase: true})
		if err != nil {
			b.Fatal(err)
		}
		began := time.Now()
		camps, err := c.Campaigns(context.Background(), api.CampaignQuery{})
		if err != nil {
			b.Fatal(err)
		}
		read := Read(context.Background(), c, camps, nil)
		if found := m.SearchAll(read); len(found) == 0 {
			b.Fatal("nothing found")
		}
		elapsed := time.Since(began)
		stats := srv.Stats()
		ratio += elapsed.Seconds() / shortest(stats.Requests).Seconds()
		rejected += stats.RateLimited
		stop()
	}
	b.ReportMetric(ratio/float64(b.N), "x-ceiling-time")
	b.ReportMetric(float64(rejected)/float64(b.N), "server-429s")
}

// bigEmail is an email of about size bytes: paragraphs of generated copy,
// links and Liquid; the product's name appears in about one paragraph in
// six, in a link or in the text (7 times in 10 KB).
func bigEmail(i, size int) string {
	var sb strings.Builder
	for n := 0; sb.Len() < size; n++ {
		fmt.Fprintf(&sb, `<p style="margin: 0 0 12px;">Hi {{firstName | default: "there"}}, teams like {{companyName}} usually lose a third of their trials in week one (note %d-%d). `+
			`<a href="https://acme.example/playbooks/%d">Read the playbook</a>. {%% if companyName %%}Happy to send the numbers.{%% endif %%}</p>`, i, n, n)
		if n%6 == 3 {
			sb.WriteString(`<p><a href="https://northwind.example/cal">Book a call</a></p>`)
		}
		if n%6 == 5 {
			sb.WriteString("<p>Northwind Growth</p>")
		}
	}
	return sb.String()
}

// BenchmarkMatch5000Steps finds a word in 5,000 email steps of 10 KB each,
// once read: the goal is at most 200 ms per search.
func BenchmarkMatch5000Steps(b *testing.B) {
	read := make([]CampaignSteps, 50)
	for c := range read {
		camp := api.Campaign{ID: fmt.Sprintf("cam_%d", c), Name: "Generated"}
		read[c].Campaign = camp
		for s := range 100 {
			st := api.Step{ID: fmt.Sprintf("stp_%d_%d", c, s), SequenceID: "seq", Type: api.Email,
				Subject: "A question for {{companyName}}", Message: bigEmail(s, 10<<10)}
			read[c].Targets = append(read[c].Targets, Target{Campaign: camp, Path: fmt.Sprint(s + 1), Step: st})
		}
	}
	m, err := Compile(Query{Pattern: "Northwind", IgnoreCase: true})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if found := m.SearchAll(read); len(found) != 5000 {
			b.Fatalf("found in %d steps, want 5000", len(found))
		}
	}
}

// replaceWorkspace is 30 campaigns whose email steps name the product:
// 200 such steps in all.
func replaceWorkspace() *sandbox.Workspace {
	ws := sandbox.GenerateWorkspace(30, 2, 7)
	n := 0
	for _, camp := range ws.Campaigns {
		seqs := ws.Sequences[camp.ID]
		main := api.MainSequenceID(seqs)
		seq := seqs[main]
		for k := 0; k < 7 && n < 200; k++ {
			seq.Steps = append(seq.Steps, api.Step{ID: fmt.Sprintf("stp_bench%03d", n), Type: api.Email, SequenceID: main,
				Subject: "Northwind for {{companyName}}", Message: "<p>Hi {{firstName}}, Northwind helps.</p>"})
			n++
		}
		seqs[main] = seq
	}
	return ws
}

// BenchmarkReplace200Steps plans and sends a replacement in 200 steps of 30
// campaigns (30 reads for the plan, 30 for the check before sending, 200
// PATCHes) and reports the rate reached as a fraction of the ceiling (the
// goal is at least 0.95) and the 429s (the goal is 0).
func BenchmarkReplace200Steps(b *testing.B) {
	var fraction float64
	var rejected int
	for b.Loop() {
		b.StopTimer()
		srv, c, stop := benchSession(b, replaceWorkspace())
		camps := srv.Campaigns()
		m, err := Compile(Query{Pattern: "Northwind"})
		if err != nil {
			b.Fatal(err)
		}
		time.Sleep(benchWindow) // the setup's requests (none) and the window start afresh
		b.StartTimer()
		began := time.Now()
		changes, err := m.Plan(m.SearchAll(Read(context.Background(), c, camps, nil)), "Southwind", nil)
		if err != nil {
			b.Fatal(err)
		}
		sent := 0
		for _, o := range Send(context.Background(), c, changes, nil) {
			if o.Err != nil {
				b.Fatal(o.Err)
			}
			if o.Sent {
				sent++
			}
		}
		elapsed := time.Since(began)
		if sent != 200 {
			b.Fatalf("%d steps sent, want 200", sent)
		}
		stats := srv.Stats()
		fraction += shortest(stats.Requests).Seconds() / elapsed.Seconds()
		rejected += stats.RateLimited
		stop()
	}
	b.ReportMetric(fraction/float64(b.N), "ceiling-fraction")
	b.ReportMetric(float64(rejected)/float64(b.N), "server-429s")
}
