package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
	"pgregory.net/rapid"
)

// filterText draws row texts and filter terms from a small alphabet, with
// capitals, separators and a few non-ASCII letters, so that matches, ties
// and every bonus of the scoring are common.
func filterText(max int) *rapid.Generator[string] {
	return rapid.StringOfN(rapid.RuneFrom([]rune("aabAB -_/éÉſK"+"\u212a")), 0, max, -1)
}

// The campaign list's own fuzzy ranking is bubbles' list.DefaultFilter,
// row for row: the same rows, in its order within each word tier (whole
// words first, then word starts, then inside words, then scattered
// letters).
func TestFuzzyRankingIsDefaultFilters(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		targets := rapid.SliceOfN(filterText(6), 0, 80).Draw(t, "targets")
		term := filterText(2).Draw(t, "term")
		var f rowFilter
		f.ranked = true
		all := make([]int32, len(targets))
		for i := range all {
			all[i] = int32(i)
		}
		got := f.apply(term, searchTexts(targets), all)
		var want []int32
		if term != "" {
			for _, r := range list.DefaultFilter(term, targets) {
				want = append(want, int32(r.Index))
			}
			word := asciiLower(strings.TrimSpace(term))
			slices.SortStableFunc(want, func(a, b int32) int {
				return wordTier(asciiLower(targets[b]), word) - wordTier(asciiLower(targets[a]), word)
			})
		}
		if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("term %q: got %v, DefaultFilter %v", term, got, want)
		}
	})
}

// Typing, erasing and rows arriving in any order give the rows a filter
// run afresh over the whole list gives, ranked or by words.
func TestNarrowingFilterMatchesAFreshOne(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		ranked := rapid.Bool().Draw(t, "ranked")
		f := rowFilter{ranked: ranked}
		var search []searchText
		var rows []int32
		term := ""
		var shown []int32
		for step := range rapid.IntRange(1, 30).Draw(t, "steps") {
			switch rapid.IntRange(0, 3).Draw(t, "action") {
			case 0: // a page of rows arrives
				var added []int32
				for _, s := range rapid.SliceOfN(filterText(10), 1, 8).Draw(t, "page") {
					search = append(search, newSearchText(s))
					added = append(added, int32(len(search)-1))
				}
				rows = append(rows, added...)
				if term != "" {
					shown = f.extend(search, added)
				}
				continue
			case 1: // a key typed
				term += filterText(1).Filter(func(s string) bool { return s != "" }).Draw(t, "key")
			case 2: // a key erased
				if term == "" {
					continue
				}
				r := []rune(term)
				term = string(r[:len(r)-1])
			case 3: // the term replaced
				term = filterText(3).Draw(t, "term")
			}
			if term == "" {
				f.reset()
				shown = nil
				continue
			}
			shown = f.apply(term, search, rows)
			fresh := rowFilter{ranked: ranked}
			if want := fresh.apply(term, search, rows); !slices.Equal(shown, want) {
				t.Fatalf("step %d, term %q: narrowed %v, fresh %v", step, term, shown, want)
			}
		}
		if term != "" {
			fresh := rowFilter{ranked: ranked}
			if want := fresh.apply(term, search, rows); !slices.Equal(shown, want) {
				t.Fatalf("at the end, term %q: narrowed %v, fresh %v", term, shown, want)
			}
		}
	})
}

// The campaign list as pages arrive: the count of archived campaigns
// follows the pages, the filter applies to campaigns arriving after it was
// typed, and the cursor stays on its campaign while rows are added above
// and below it in the filtered order.
func TestCampaignListGrowsPageByPage(t *testing.T) {
	m := campaignsModel()
	camps := generatedCampaigns(1_000)
	loadPages(m, camps[:300], nil)
	archived := 0
	for _, cp := range camps {
		if cp.IsArchived() {
			archived++
		}
	}
	m.Update(tea.KeyPressMsg{Code: '/', Text: "/"})
	for _, r := range "revops" {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	m.Update(tea.KeyPressMsg{Code: tea.KeyDown})
	before, ok := m.campaigns.list.Selected()
	if !ok {
		t.Fatal("nothing selected under the filter")
	}
	loadPages(m, camps[300:], nil)
	after, ok := m.campaigns.list.Selected()
	if !ok || after.ID != before.ID {
		t.Fatalf("the cursor moved from %s to %s as pages arrived", before.Name, after.Name)
	}
	var texts []string
	for _, cp := range camps {
		if !cp.IsArchived() {
			texts = append(texts, m.campaigns.list.filterOn(cp))
		}
	}
	var want []string
	for _, r := range list.DefaultFilter("revops", texts) {
		want = append(want, texts[r.Index])
	}
	var got []string
	for _, i := range m.campaigns.list.visible {
		got = append(got, m.campaigns.list.search[i].original())
	}
	if !slices.Equal(got, want) {
		t.Fatalf("filtered rows after loading differ from a filter over the whole list:\n got %d rows\nwant %d rows", len(got), len(want))
	}
	if line, want := m.campaigns.statusLine(), fmt.Sprintf("1000 campaigns · %d archived hidden", archived); archived == 0 || !strings.Contains(line, want) {
		t.Errorf("status line %q, want %q", line, want)
	}
}

func searchTexts(texts []string) []searchText {
	out := make([]searchText, len(texts))
	for i, t := range texts {
		out[i] = newSearchText(t)
	}
	return out
}

// The byte-wise matcher scores exactly as the rune-wise one whenever it is
// used: an ASCII term, and a text without a NUL or a rune folding to ASCII.
func TestFuzzyScoreASCIIIsFuzzyScore(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		text := filterText(rapid.SampledFrom([]int{14, 70}).Draw(t, "length")).Draw(t, "text")
		term := filterText(4).Draw(t, "term")
		p, st := newFuzzyPattern(term), newSearchText(text)
		if p.lower == nil || st.slow {
			t.Skip("the rune-wise matcher handles these")
		}
		if st.original() != text {
			t.Fatalf("the prepared text gives back %q, not %q", st.original(), text)
		}
		want, wantOK := fuzzyScore(p.runes, text)
		got, gotOK := fuzzyScoreASCII(p.lower, st)
		if got != want || gotOK != wantOK {
			t.Fatalf("term %q in %q: byte-wise %d %v, rune-wise %d %v", term, text, got, gotOK, want, wantOK)
		}
	})
}

func TestWordsAndTheirStartsRankFirst(t *testing.T) {
	targets := []string{"Inbound demo requests — fast lane inbound", "Series A fintech — heads of product", "Refinance", "fin"}
	var f rowFilter
	f.ranked = true
	got := f.apply("fin", searchTexts(targets), []int32{0, 1, 2, 3})
	if want := []int32{3, 1, 2, 0}; !slices.Equal(got, want) {
		t.Fatalf("fin ranks %v, want %v (the word, a word's start, inside a word, scattered letters)", got, want)
	}
}
