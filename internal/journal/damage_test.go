package journal

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// appendRaw writes text to the journal as another program (or a bad disk)
// would, behind lemstep's back.
func appendRaw(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// An update with a 20 MB message makes a line past the 16 MiB a line could
// once have: it reads back whole, and so do the entries around it.
func TestLinesOfAnyLengthReadBack(t *testing.T) {
	j := Open(filepath.Join(t.TempDir(), "journal.jsonl"))
	huge := strings.Repeat("Hello there. ", 20<<20/13)
	for _, step := range []string{"stp_before", "stp_huge", "stp_after"} {
		e := entry(step)
		if step == "stp_huge" {
			e.After.Message = ptr(huge)
		}
		if _, err := j.Append(e); err != nil {
			t.Fatal(err)
		}
	}
	es, damage, err := j.Read()
	if err != nil || len(damage) != 0 || len(es) != 3 {
		t.Fatalf("Read = %d entries, damage %v, %v; want 3 entries", len(es), damage, err)
	}
	if es[1].After.Message == nil || *es[1].After.Message != huge || es[2].StepID != "stp_after" || es[2].ID != 3 {
		t.Fatalf("entries read back wrong: #%d %s", es[2].ID, es[2].StepID)
	}
}

// A line with an id out of range or out of order is damage: reported with
// its line number, skipped, and never the base of the next id, so ids never
// wrap and undo never picks a line that claims another's id.
func TestDamagedIDsAreReportedAndNeverWrap(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := Open(path)
	for _, step := range []string{"stp_1", "stp_2"} {
		if _, err := j.Append(entry(step)); err != nil {
			t.Fatal(err)
		}
	}
	appendRaw(t, path, `{"id":9223372036854775807,"stepId":"stp_max"}`+"\n"+
		`{"id":99999999999999999999,"stepId":"stp_huge"}`+"\n"+
		`{"id":0,"stepId":"stp_zero"}`+"\n"+
		`{"id":-4,"stepId":"stp_neg"}`+"\n"+
		`{"id":2,"stepId":"stp_again"}`+"\n"+
		`{"id":1.5,"stepId":"stp_half"}`+"\n"+
		"not json\n")
	e, err := j.Append(entry("stp_3"))
	if err != nil || e.ID != 3 {
		t.Fatalf("append after damage = #%d, %v; want #3", e.ID, err)
	}
	es, damage, err := j.Read()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range es {
		ids = append(ids, fmt.Sprintf("#%d %s", e.ID, e.StepID))
	}
	if got := strings.Join(ids, ", "); got != "#1 stp_1, #2 stp_2, #3 stp_3" {
		t.Fatalf("entries = %s", got)
	}
	var lines []string
	for _, d := range damage {
		lines = append(lines, d.String())
	}
	want := []string{
		"line 3 has the id 9223372036854775807, not a whole number from 1 to 9007199254740991",
		"line 4 has an id that is not a whole number from 1 to 9007199254740991",
		"line 5 has the id 0, not a whole number from 1 to 9007199254740991",
		"line 6 has the id -4, not a whole number from 1 to 9007199254740991",
		"line 7 has the id 2, which does not follow #2 before it",
		"line 8 has an id that is not a whole number from 1 to 9007199254740991",
		"line 9 is not a journal entry (not valid JSON)",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("damage:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if latest, err := Find(es, 0); err != nil || latest.StepID != "stp_3" {
		t.Fatalf("the latest entry is %+v, %v; want stp_3", latest, err)
	}
	if second, err := Find(es, 2); err != nil || second.StepID != "stp_2" {
		t.Fatalf("entry #2 is %s, %v; want stp_2", second.StepID, err)
	}
}

// At the highest id an append fails rather than wrap.
func TestTheLastIDIsRefusedNotWrapped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	appendRaw(t, path, fmt.Sprintf(`{"id":%d,"stepId":"stp_last"}`+"\n", MaxID))
	j := Open(path)
	if _, err := j.Append(entry("stp_next")); err == nil || !strings.Contains(err.Error(), "highest entry number") {
		t.Fatalf("append past MaxID: %v", err)
	}
	es, err := j.Entries()
	if err != nil || len(es) != 1 || es[0].ID != MaxID {
		t.Fatalf("entries = %+v, %v", es, err)
	}
}

// The last id kept beside the journal is only trusted while the journal has
// the size it recorded: lines added behind its back, a sidecar gone or
// garbled, all still number the next entry right.
func TestTheLastIDFollowsTheJournalNotTheSidecar(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := Open(path)
	if _, err := j.Append(entry("stp_1")); err != nil {
		t.Fatal(err)
	}
	appendRaw(t, path, `{"id":7,"stepId":"stp_7"}`+"\n")
	if e, err := j.Append(entry("stp_8")); err != nil || e.ID != 8 {
		t.Fatalf("after a line added by hand: #%d, %v; want #8", e.ID, err)
	}
	if err := os.Remove(path + ".last"); err != nil {
		t.Fatal(err)
	}
	if e, err := j.Append(entry("stp_9")); err != nil || e.ID != 9 {
		t.Fatalf("with no sidecar: #%d, %v; want #9", e.ID, err)
	}
	if err := os.WriteFile(path+".last", []byte(`{"id":-1,"si`), 0o600); err != nil {
		t.Fatal(err)
	}
	if e, err := j.Append(entry("stp_10")); err != nil || e.ID != 10 {
		t.Fatalf("with a garbled sidecar: #%d, %v; want #10", e.ID, err)
	}
	if e, err := j.Append(entry("stp_11")); err != nil || e.ID != 11 {
		t.Fatalf("with the sidecar: #%d, %v; want #11", e.ID, err)
	}
}

// A link at the journal would send the record of updates (and its writes)
// wherever the link points: it is refused.
func TestAppendRefusesALinkAtTheJournal(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "elsewhere")
	if err := os.WriteFile(target, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "journal.jsonl")
	if err := os.Symlink(target, path); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path).Append(entry("stp_1"))
	if err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Fatalf("append through a link: %v", err)
	}
	if b, _ := os.ReadFile(target); len(b) != 0 {
		t.Fatalf("the link's target was written: %q", b)
	}
}

// The sidecar is one fixed-width record written in place: the file keeps
// its size from one append to the next (no truncate, which ext4 follows
// with a flush to disk), a record whose sum does not match what it says is
// not trusted, and the shorter record of older lemsteps still is.
func TestTheSidecarIsWrittenInPlaceAndChecked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := Open(path)
	for _, id := range []string{"stp_1", "stp_2"} {
		if _, err := j.Append(entry(id)); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(path + ".last")
		if err != nil || info.Size() != lastIDWidth {
			t.Fatalf("sidecar size %v, %v; want %d", info.Size(), err, lastIDWidth)
		}
	}
	journalInfo, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	size := journalInfo.Size()
	// A mixed record that parses but claims another id: its sum gives it away.
	forged := fmt.Sprintf(`{"id":40,"size":%d,"sum":%d}`, size, lastID{ID: 2, Size: size}.sum())
	if err := os.WriteFile(path+".last", []byte(forged), 0o600); err != nil {
		t.Fatal(err)
	}
	if e, err := j.Append(entry("stp_3")); err != nil || e.ID != 3 {
		t.Fatalf("with a record whose sum does not match: #%d, %v; want #3", e.ID, err)
	}
	journalInfo, err = os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	// An older lemstep's record, with no sum, is trusted while the size matches.
	old := fmt.Sprintf(`{"id":41,"size":%d}`, journalInfo.Size())
	if err := os.WriteFile(path+".last", []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	if e, err := j.Append(entry("stp_42")); err != nil || e.ID != 42 {
		t.Fatalf("after an older lemstep's record: #%d, %v; want #42", e.ID, err)
	}
	data, err := os.ReadFile(path + ".last")
	if err != nil || len(data) != lastIDWidth {
		t.Fatalf("the older record was not replaced by a whole one: %q, %v", data, err)
	}
}
