package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"

	"charm.land/bubbles/v2/progress"
	"github.com/charmbracelet/x/ansi"

	"lemstep/api"
	"lemstep/internal/findreplace"
	"lemstep/internal/journal"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
)

// sendPlan sends the changes, journaling each one lemlist takes in one
// batch, and tells how it goes on stderr: a line per step, and on a
// terminal a bar below them.
func (a *app) sendPlan(ctx context.Context, s *session, changes []findreplace.Change) ([]findreplace.Outcome, *journal.Batch) {
	batch := a.journal().NewBatch()
	r := a.newBatchReporter(len(changes))
	outcomes := findreplace.Send(ctx, s.client, changes, func(_ int, o findreplace.Outcome) {
		if o.Note != "" {
			r.line("lemstep: " + safetext.Clean(o.Note))
		}
		if o.Sent {
			a.recordInBatch(batch, s, o)
		}
		r.done(outcomeLine(o))
	})
	r.finish()
	return outcomes, batch
}

// recordInBatch journals a change lemlist took as an entry of batch. The
// change is made whatever happens here, so a failure to write is a warning.
func (a *app) recordInBatch(batch *journal.Batch, s *session, o findreplace.Outcome) {
	ch := o.Change
	e := journal.Record(s.workspace(), ch.Campaign, o.Before, ch.Update)
	if ch.B != nil {
		e = journal.RecordVariant(s.workspace(), ch.Campaign, ch.Step.SequenceID, o.BeforeB, ch.VariantUpdate)
	}
	a.appendToBatch(batch, e)
}

// appendToBatch writes e in batch, warning on stderr when it cannot.
func (a *app) appendToBatch(batch *journal.Batch, e journal.Entry) {
	if _, err := batch.Append(e); err != nil {
		fmt.Fprintf(a.io.ErrOut, "Warning: step %s was updated, but lemstep could not write the update to its journal (%s); "+
			"`lemstep undo` will not know about it.\n", safetext.Line(e.StepID), safetext.Line(err.Error()))
	}
}

// batchReporter tells on stderr how a batch goes: a line per step as it
// completes, and on a terminal a bar redrawn below them.
type batchReporter struct {
	mu    sync.Mutex
	w     io.Writer
	total int
	n     int
	bar   *progress.Model
	width int
	drawn bool
}

func (a *app) newBatchReporter(total int) *batchReporter {
	r := &batchReporter{w: a.io.ErrOut, total: total}
	r.bar, r.width = a.progressBar(a.io.ErrOut)
	return r
}

// done counts one more change done and says what happened to it, in line.
func (r *batchReporter) done(line string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.n++
	r.clear()
	fmt.Fprintf(r.w, "[%d/%d] %s\n", r.n, r.total, line)
	if r.bar != nil && r.n < r.total {
		line := fmt.Sprintf("%s %d/%d", r.bar.ViewAs(float64(r.n)/float64(r.total)), r.n, r.total)
		fmt.Fprint(r.w, ansi.Truncate(line, max(1, r.width-1), "…"))
		r.drawn = true
	}
}

func (r *batchReporter) line(s string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clear()
	fmt.Fprintln(r.w, s)
}

func (r *batchReporter) finish() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clear()
}

func (r *batchReporter) clear() {
	if r.drawn {
		fmt.Fprint(r.w, "\r\x1b[K")
		r.drawn = false
	}
}

// outcomeKind is what happened to one change, in the words the summaries
// and --json use: updated, skipped (a conflict), failed or not sent.
func outcomeKind(o findreplace.Outcome) string {
	switch {
	case o.Sent:
		return "updated"
	case o.IsConflict():
		return "skipped"
	case o.Err != nil:
		return "failed"
	}
	return "not sent"
}

// outcomeLine says what happened to one change of a replace.
func outcomeLine(o findreplace.Outcome) string {
	label := changeLabel(o.Change)
	switch kind := outcomeKind(o); kind {
	case "updated":
		return fmt.Sprintf("updated: %s (%s)", label, strings.Join(fieldNames(changedOf(o.Change)), ", "))
	case "skipped", "failed":
		return kind + ": " + label + ": " + safetext.Line(o.Err.Error())
	}
	return "not sent: " + label
}

// changedOf is the fields a change sends.
func changedOf(ch findreplace.Change) []api.Field {
	if ch.B != nil {
		return ch.VariantUpdate.Fields()
	}
	return ch.Update.Fields()
}

// writeReplaceSummary counts what was done and names what was not, and the
// batch that undoes it.
func writeReplaceSummary(w io.Writer, outcomes []findreplace.Outcome, batch *journal.Batch) {
	counts := map[string][]findreplace.Outcome{}
	for _, o := range outcomes {
		counts[outcomeKind(o)] = append(counts[outcomeKind(o)], o)
	}
	fmt.Fprintf(w, "Sent %d of %s.", len(counts["updated"]), steptext.Count(len(outcomes), "update", "updates"))
	for _, kind := range []string{"skipped", "failed", "not sent"} {
		if n := len(counts[kind]); n > 0 {
			fmt.Fprintf(w, " %d %s.", n, kind)
		}
	}
	fmt.Fprintln(w)
	for _, kind := range []string{"skipped", "failed", "not sent"} {
		for _, o := range counts[kind] {
			fmt.Fprintf(w, "  %s\n", outcomeLine(o))
		}
	}
	if id := batch.ID(); id > 0 {
		fmt.Fprintf(w, "Journal batch b%d; `lemstep undo b%d` puts every step of it back.\n", id, id)
	}
}

// replaceReport is what --json prints: the plan, what it leaves out, and
// after sending, what happened to each change.
type replaceReport struct {
	Pattern        string              `json:"pattern"`
	Replacement    string              `json:"replacement"`
	DryRun         bool                `json:"dryRun"`
	Plan           []plannedJSON       `json:"plan"`
	LeftOut        []leftOutJSON       `json:"leftOut"`
	NotReplaceable []matchJSON         `json:"notReplaceable"`
	Results        []replaceResultJSON `json:"results,omitempty"`
	Batch          int                 `json:"batch,omitempty"`
}

// plannedJSON is one PATCH of the plan, with its exact body.
type plannedJSON struct {
	targetJSON
	Matches int             `json:"matches"`
	Body    json.RawMessage `json:"body"`
}

type leftOutJSON struct {
	plannedJSON
	Problems []string `json:"problems"`
}

type replaceResultJSON struct {
	StepID  string      `json:"stepId"`
	Variant api.Variant `json:"variant,omitempty"`
	Status  string      `json:"status"` // updated, skipped (a conflict), failed, not sent
	Error   string      `json:"error,omitempty"`
}

func plannedOf(ch findreplace.Change) plannedJSON {
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	enc.SetEscapeHTML(false) // the body as sent; writeJSON escapes controls
	var v any = ch.Update
	if ch.B != nil {
		v = ch.VariantUpdate
	}
	_ = enc.Encode(v) // a body of strings and numbers always encodes
	return plannedJSON{targetJSON: targetJSONOf(ch.Target), Matches: ch.Replaced(), Body: bytes.TrimSpace(body.Bytes())}
}

func (r *replaceReport) fill(p replacePlan, found []findreplace.Found) {
	r.Plan, r.LeftOut, r.NotReplaceable = []plannedJSON{}, []leftOutJSON{}, []matchJSON{}
	for _, ch := range p.send {
		r.Plan = append(r.Plan, plannedOf(ch))
	}
	for _, l := range p.leftOut {
		r.LeftOut = append(r.LeftOut, leftOutJSON{plannedJSON: plannedOf(l.change), Problems: l.problems})
	}
	var skipped []findreplace.Found
	for _, ch := range planned(p) {
		f := findreplace.Found{Target: ch.Target}
		for _, mt := range ch.Matches {
			if mt.Skip != "" {
				f.Matches = append(f.Matches, mt)
			}
		}
		if len(f.Matches) > 0 {
			skipped = append(skipped, f)
		}
	}
	r.NotReplaceable = matchesJSON(skipped, false)
}

func (r *replaceReport) results(outcomes []findreplace.Outcome, batch *journal.Batch) {
	for _, o := range outcomes {
		res := replaceResultJSON{StepID: o.Change.Step.ID, Variant: o.Change.Variant(), Status: outcomeKind(o)}
		if o.Err != nil {
			res.Error = o.Err.Error()
		}
		r.Results = append(r.Results, res)
	}
	r.Batch = batch.ID()
}
