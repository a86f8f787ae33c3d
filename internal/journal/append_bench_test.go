package journal

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// writeEntries writes n entries straight to path, as n earlier appends
// would have, without paying for n appends.
func writeEntries(tb testing.TB, path string, n int) {
	tb.Helper()
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	at := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 1; i <= n; i++ {
		e := entry("stp_bench")
		e.ID, e.Time = i, at.Add(time.Duration(i)*time.Second)
		line, err := json.Marshal(e)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(append(line, '\n'))
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkJournalAppend is one update recorded in a journal that already
// holds 50,000 entries: it must not cost more as the journal grows.
func BenchmarkJournalAppend(b *testing.B) {
	path := filepath.Join(b.TempDir(), "journal.jsonl")
	writeEntries(b, path, 50_000)
	j := Open(path)
	if _, err := j.Append(entry("stp_first")); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if _, err := j.Append(entry("stp_bench")); err != nil {
			b.Fatal(err)
		}
	}
}
