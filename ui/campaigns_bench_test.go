package ui

import (
	"runtime"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"lemstep/api"
	"lemstep/api/sandbox"
	"lemstep/internal/cputime"
)

// generatedCampaigns is the campaign list of a generated workspace of n
// campaigns, as lemlist would page it.
func generatedCampaigns(n int) []api.Campaign {
	return sandbox.GenerateWorkspace(n, 1, 1).Campaigns
}

// campaignsModel is the interface at 120x40 with the campaign list loading.
func campaignsModel() *Model {
	m := New(Config{NoColor: true})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.campaigns.loading = true
	return m
}

// loadPages gives the campaign list its pages of 100 as the client reads
// them, drawing the screen after each as the program does, and calls
// after with each page's number.
func loadPages(m *Model, camps []api.Campaign, after func(page int)) {
	s := m.campaigns
	for i, page := 0, 0; i < len(camps); i, page = i+100, page+1 {
		end := min(len(camps), i+100)
		m.Update(campaignsPageMsg{replyTo: replyTo{s}, page: camps[i:end], done: end == len(camps), gen: s.gen})
		_ = m.View()
		if after != nil {
			after(page)
		}
	}
}

// BenchmarkCampaignListLoad loads 5,000 and 50,000 campaigns into the list,
// page by page, with a screen drawn after each page: the CPU a load costs
// must grow with the campaigns, not with their square. cpu-ms/op is the
// process's CPU time (user and system, the garbage collector's included),
// which a busy machine inflates less than the wall-clock ns/op.
// peak-heap-MB is the most heap in use after any page and retained-MB what
// stays once the list is loaded, both above what the model and the pages
// themselves hold.
func BenchmarkCampaignListLoad(b *testing.B) {
	for _, n := range []struct {
		name  string
		count int
	}{{"5000", 5_000}, {"50000", 50_000}} {
		b.Run(n.name, func(b *testing.B) {
			camps := generatedCampaigns(n.count)
			var peak, retained uint64
			var ms runtime.MemStats
			var cpu time.Duration
			b.ReportAllocs()
			for b.Loop() {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				base := ms.HeapAlloc
				began := cputime.Now()
				m := campaignsModel()
				loadPages(m, camps, func(page int) {
					if page%10 == 0 {
						runtime.ReadMemStats(&ms)
						peak = max(peak, ms.HeapAlloc-min(base, ms.HeapAlloc))
					}
				})
				cpu += cputime.Now() - began
				runtime.GC()
				runtime.ReadMemStats(&ms)
				retained = ms.HeapAlloc - min(base, ms.HeapAlloc)
				runtime.KeepAlive(m)
			}
			b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			b.ReportMetric(float64(retained)/(1<<20), "retained-MB")
		})
	}
}

// BenchmarkCampaignFilterKey types a word into the filter of a list of
// 50,000 campaigns and erases it, one key at a time, each key followed by
// the screen drawn: ns/key is the cost of one key of the filter as the
// user feels it, cpu-ms/key the process's CPU time for it (less inflated
// by a busy machine).
func BenchmarkCampaignFilterKey(b *testing.B) {
	m := campaignsModel()
	loadPages(m, generatedCampaigns(50_000), nil)
	m.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
	const word = "revops"
	keys := make([]tea.KeyPressMsg, 0, 2*len(word))
	for _, r := range word {
		keys = append(keys, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	for range word {
		keys = append(keys, tea.KeyPressMsg{Code: tea.KeyBackspace})
	}
	b.ReportAllocs()
	began := cputime.Now()
	for b.Loop() {
		for _, k := range keys {
			m.Update(k)
			_ = m.View()
		}
	}
	keystrokes := float64(b.N * len(keys))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/keystrokes, "ns/key")
	b.ReportMetric(float64((cputime.Now()-began).Microseconds())/1000/keystrokes, "cpu-ms/key")
}
