package cli

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"lemstep/api"
	"lemstep/internal/journal"
	"lemstep/ui/changeview"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// Only y or yes agree; anything else, an empty line or no answer at all
// keeps the step as it is.
func TestConfirmAgreesOnlyToYes(t *testing.T) {
	for answer, want := range map[string]bool{
		"y\n": true, "YES\n": true, " yes \n": true, "y": true,
		"\n": false, "n\n": false, "yep\n": false, "": false, "no\n": false,
	} {
		var out bytes.Buffer
		got, err := confirm(strings.NewReader(answer), &out, "Undo these changes? [y/N] ")
		if err != nil || got != want {
			t.Errorf("answer %q: got %v, %v; want %v", answer, got, err, want)
		}
		if out.String() != "Undo these changes? [y/N] " {
			t.Errorf("the question was %q", out.String())
		}
	}
}

// A field lemlist gave no earlier value for stays out of the undo, and the
// review says so.
func TestUndoReviewNamesFieldsThatStay(t *testing.T) {
	delay, before := 4, "Old words"
	e := journal.Entry{ID: 7, CampaignID: "cam_1", CampaignName: "Spring", SequenceID: "seq_1", StepID: "stp_1", Type: api.Phone,
		After:  api.StepUpdate{Type: api.Phone, Message: text("New words"), Delay: &delay},
		Before: api.StepUpdate{Type: api.Phone, Message: &before}}
	now := api.Step{ID: "stp_1", Type: api.Phone, Message: "New words", Delay: &delay}
	var out bytes.Buffer
	writeUndoReview(&out, e, now, e.Before, changeview.Options{})
	got := out.String()
	want := "From what lemlist has now, [-taken away-] {+put back+}:\nMessage\n  [-New-]{+Old+} words\n" +
		"(delay stays as it is: lemlist gave no earlier value for it.)\n"
	if !strings.HasSuffix(got, want) || !strings.HasPrefix(got, "Undo entry #7 of ") ||
		!strings.Contains(got, `: "Spring" › Phone call stp_1.`) {
		t.Errorf("review:\n%s\nwant it to end with:\n%s", got, want)
	}
	if cs := movedSince(e, now); len(cs) != 0 {
		t.Errorf("a step still holding the entry's values has conflicts %+v", cs)
	}
	now.Message = "Theirs"
	cs := movedSince(e, now)
	if len(cs) != 1 || cs[0].Field != api.FieldMessage || cs[0].Loaded != "New words" || cs[0].Current != "Theirs" || cs[0].Yours != "Old words" {
		t.Errorf("conflicts %+v, want message: New words, Theirs, Old words", cs)
	}
}

func TestUndoneByFollowsUndosOfUndos(t *testing.T) {
	entries := []journal.Entry{{ID: 1}, {ID: 2, Undoes: 1}, {ID: 3, Undoes: 2}, {ID: 4}, {ID: 5, Undoes: 3}}
	for _, c := range []struct {
		id     int
		by     int
		undone bool
	}{
		{1, 5, true},  // #2 undid it, #3 put it back, #5 undid that again
		{2, 5, false}, // #3 undid it, #5 undid #3: in effect again
		{3, 5, true},  // #5 undid it
		{4, 0, false}, // never undone
		{5, 0, false},
	} {
		by, undone := undoneBy(entries, c.id)
		if by != c.by || undone != c.undone {
			t.Errorf("undoneBy(#%d) = #%d, %v; want #%d, %v", c.id, by, undone, c.by, c.undone)
		}
	}
	if _, undone := undoneBy(entries[:3], 1); undone {
		t.Error("#1 undone by #2 and put back by #3 counts as undone")
	}
}
