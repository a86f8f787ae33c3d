package cli

import (
	"fmt"
	"slices"

	"github.com/spf13/cobra"

	"lemstep/api"
	"lemstep/internal/journal"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
)

// historyOptions are the flags of `lemstep history`.
type historyOptions struct {
	stepID string // only this step's entries, when set
	asJSON bool
}

func (a *app) historyCommand() *cobra.Command {
	var opts historyOptions
	cmd := &cobra.Command{
		Use:   "history",
		Short: "List the updates lemstep sent, newest first",
		Long: "Lists the journal: every update lemlist accepted from `lemstep update`, `lemstep apply`\n" +
			"and `lemstep undo`, newest first, with its entry number, when it was sent, the campaign,\n" +
			"the step, its type and the fields it changed. An entry that undid another says which.\n" +
			"When the journal holds updates sent to more than one workspace (the demo, or a base URL),\n" +
			"a column says where each went. It reads only the journal file\n" +
			"($XDG_STATE_HOME/lemstep/journal.jsonl): no network, no API key.\n" +
			"`lemstep undo ENTRY` puts back the values an entry changed.",
		Example: "  lemstep history\n" +
			"  lemstep history --step stp_1\n" +
			"  lemstep history --json | jq '.[0].before'",
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error { return a.runHistory(opts) },
	}
	cmd.Flags().StringVar(&opts.stepID, "step", "", "list only the updates of this step")
	_ = cmd.RegisterFlagCompletionFunc("step", a.completeJournalStep)
	cmd.Flags().BoolVar(&opts.asJSON, "json", false, "print the entries, with the values before and after, as a JSON array")
	return cmd
}

// runHistory lists the journal, newest first.
func (a *app) runHistory(opts historyOptions) error {
	entries, err := a.readJournal()
	if err != nil {
		return err
	}
	total := len(entries)
	entries = newestFirst(entries, opts.stepID)
	if opts.asJSON {
		return writeJSON(a.io.Out, entries)
	}
	switch {
	case total == 0:
		_, err = fmt.Fprintln(a.io.Out, "The journal is empty: lemstep has not sent any update yet.")
		return err
	case len(entries) == 0:
		_, err = fmt.Fprintf(a.io.Out, "No journal entry changed step %s (the journal has %s).\n",
			safetext.Line(opts.stepID), steptext.Count(total, "entry", "entries"))
		return err
	}
	return writeHistory(a.styledOut(), a.theme(), entries, workspaceNamer{})
}

// newestFirst returns the entries of stepID (every entry when it is ""),
// the latest first; never nil, so --json prints [].
func newestFirst(entries []journal.Entry, stepID string) []journal.Entry {
	out := []journal.Entry{}
	for _, e := range slices.Backward(entries) {
		if stepID == "" || e.StepID == stepID {
			out = append(out, e)
		}
	}
	return out
}

// manyWorkspaces reports whether items (journal entries, drafts) were sent
// to, or come from, more than one workspace: then a table says which.
func manyWorkspaces[T any](items []T, workspace func(T) string) bool {
	for _, it := range items {
		if workspace(it) != workspace(items[0]) {
			return true
		}
	}
	return false
}

// campaignName names a campaign on one line: its name when it is known,
// else its id.
func campaignName(name, id string) string {
	if name := safetext.Line(name); name != "" {
		return name
	}
	return safetext.Line(id)
}

// changedList is the fields an entry changed, "subject, delay", followed
// by the entry it undid.
func changedList(e journal.Entry) string {
	s := fieldList(e.After)
	if e.IsVariant() {
		s = variantFieldList(*e.VariantAfter)
	}
	if e.IsABAction() {
		s = e.ABSummary()
	}
	if e.Undoes > 0 {
		s += fmt.Sprintf(" (undoes #%d)", e.Undoes)
	}
	return s
}

// recordUpdate writes an update lemlist accepted to the journal: before is
// the step just before it, undoes the entry it undid (0 for none). The
// update is done whatever happens here, so a failure to write is a
// warning on stderr, and ok is false.
func (a *app) recordUpdate(s *session, camp api.Campaign, before api.Step, u api.StepUpdate, undoes int) (journal.Entry, bool) {
	e := journal.Record(s.workspace(), camp, before, u)
	e.Undoes = undoes
	e, err := a.journal().Append(e)
	if err != nil {
		fmt.Fprintf(a.io.ErrOut, "Warning: step %s was updated, but lemstep could not write the update to its journal (%s); "+
			"`lemstep undo` will not know about it.\n", safetext.Line(before.ID), safetext.Line(err.Error()))
		return journal.Entry{}, false
	}
	return e, true
}
