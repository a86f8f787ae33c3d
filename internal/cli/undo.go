package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"lemstep/api"
	"lemstep/internal/journal"
	"lemstep/internal/safetext"
	"lemstep/ui/changeview"
)

// undoOptions are the flags of `lemstep undo`.
type undoOptions struct {
	yes    bool
	force  bool
	asJSON bool
}

func (a *app) undoCommand() *cobra.Command {
	var opts undoOptions
	cmd := &cobra.Command{
		Use:   "undo [ENTRY | bBATCH]",
		Short: "Put back the values a journal entry changed",
		Long: "Undoes one update of the journal (`lemstep history` lists them; without ENTRY, the\n" +
			"latest change, as below): the step is read from lemlist, and the fields the update\n" +
			"changed must still hold the values it sent. If someone changed them since, their values\n" +
			"are shown and nothing is sent (exit 1) unless --force is given. Then the change is shown\n" +
			"field by field, now and after the undo, and confirmed: on a terminal by answering y, in\n" +
			"a script with --yes. The undo is one PATCH with the step's type and the earlier values,\n" +
			"and is written to the journal as an entry of its own, which can be undone in turn.\n\n" +
			"An entry can only be undone on the workspace it was sent to (the same base URL, or the\n" +
			"demo). With --json, the result (or what stopped it) is printed as JSON on stdout, and the\n" +
			"review goes to stderr.\n\n" +
			"bBATCH (b12, as `lemstep history` shows it) undoes every step of a batch sent by\n" +
			"`lemstep replace`, with one confirmation: each step is checked as above, a step changed\n" +
			"since is left as it is, and the summary names the steps that were not undone (exit 1).\n" +
			"The undo is a batch of its own.\n\n" +
			"Without ENTRY, undo takes back the latest change, the first line of `lemstep history`:\n" +
			"when the latest entry belongs to a batch, that is the whole batch, as `lemstep undo bN`\n" +
			"would undo it, and the review says so (`lemstep undo ENTRY` takes back one entry alone).",
		Example: "  lemstep undo\n" +
			"  lemstep undo b1 --yes\n" +
			"  lemstep undo 3\n" +
			"  lemstep undo 3 --yes --json",
		Args: maximumArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return a.undoLatest(cmd.Context(), opts)
			}
			if isBatchName(args[0]) {
				return a.undoBatchArg(cmd.Context(), args[0], opts)
			}
			id, err := strconv.Atoi(strings.TrimPrefix(args[0], "#"))
			if err != nil || id < 1 || id > journal.MaxID {
				return usageError("%q is not a journal entry number; `lemstep history` lists them", safetext.Line(args[0]))
			}
			e, err := a.undoable(id, opts.force)
			if err != nil {
				return err
			}
			return a.undoEntry(cmd.Context(), e, opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.yes, "yes", "y", false, "undo without asking (required when stdin is not a terminal)")
	cmd.Flags().BoolVar(&opts.force, "force", false, "undo even when someone changed the fields on lemlist since the entry")
	cmd.Flags().BoolVar(&opts.asJSON, "json", false, "print the new journal entry and the step as JSON")
	return cmd
}

// undoResult is what --json prints after an undo.
type undoResult struct {
	Undid int            `json:"undid"`
	Entry *journal.Entry `json:"entry"` // null when the journal could not be written
	Step  api.Step       `json:"step"`
}

// undoEntry undoes journal entry e, which undoable found.
func (a *app) undoEntry(ctx context.Context, e journal.Entry, opts undoOptions) error {
	if e.IsVariant() {
		return a.undoVariant(ctx, e, opts)
	}
	if e.IsABAction() {
		return a.undoABAction(ctx, e, opts)
	}
	restore := e.Before
	restore.Type = e.Type
	s, err := a.connectFor(e)
	if err != nil {
		return err
	}
	defer s.close()
	now, err := s.client.Step(ctx, e.CampaignID, e.SequenceID, e.StepID)
	if err != nil {
		return stepGone(err, e)
	}
	if cs := movedSince(e, now); len(cs) > 0 {
		if !opts.force {
			return a.movedFailure(e, now, cs, opts.asJSON)
		}
		fmt.Fprintf(a.io.ErrOut, "Warning: %s changed on lemlist after entry #%d; --force puts the earlier values back over that.\n",
			conflictFields(cs), e.ID)
	}
	campaigns := targetCampaigns(ctx, s.client, restore, e.After)
	if err := a.confirmUndo(e, now, restore, campaigns, opts); err != nil {
		return err
	}
	step, before, err := sendStep(ctx, s.client, e.CampaignID, now, restore, opts.force)
	if err != nil {
		return a.sendFailure(err, opts.asJSON, sentLabels)
	}
	entry, recorded := a.recordUpdate(s, api.Campaign{ID: e.CampaignID, Name: e.CampaignName}, before, restore, e.ID)
	if opts.asJSON {
		res := undoResult{Undid: e.ID, Step: step}
		if recorded {
			res.Entry = &entry
		}
		return writeJSON(a.io.Out, res)
	}
	a.writeUndone(e, restore.Fields(), entry, recorded)
	return nil
}

// undoable finds the entry to undo: it must be in the journal, change a
// field whose earlier value is known, and not be undone already (unless
// force).
func (a *app) undoable(id int, force bool) (journal.Entry, error) {
	entries, err := a.readJournal()
	if err != nil {
		return journal.Entry{}, err
	}
	return undoableIn(entries, id, force)
}

// undoableIn is undoable in the entries read.
func undoableIn(entries []journal.Entry, id int, force bool) (journal.Entry, error) {
	e, err := journal.Find(entries, id)
	if errors.Is(err, journal.ErrNoEntry) {
		return journal.Entry{}, fmt.Errorf("nothing to undo: %w; `lemstep history` lists the entries", err)
	}
	if err != nil {
		return journal.Entry{}, err
	}
	if by, undone := undoneBy(entries, e.ID); undone && !force {
		return journal.Entry{}, fmt.Errorf("entry #%d was already undone by #%d; `lemstep undo %d` puts its change back",
			e.ID, by, by)
	}
	if e.Before.Empty() && !e.IsVariant() && !e.IsABAction() {
		return journal.Entry{}, fmt.Errorf("entry #%d changed only fields lemlist gave no earlier value for (%s), so there is nothing to put back",
			e.ID, fieldList(e.After))
	}
	return e, nil
}

// undoneBy follows the undos of entry id (an undo of it, an undo of that
// undo, and so on) and reports whether its change is undone now, and by
// which entry: an undo of an undo puts the change back.
func undoneBy(entries []journal.Entry, id int) (by int, undone bool) {
	for cur := id; ; {
		next := 0
		for _, e := range entries {
			if e.Undoes == cur {
				next = e.ID
				break
			}
		}
		if next == 0 {
			return by, undone
		}
		undone, by, cur = !undone, next, next
	}
}

// connectFor connects to the workspace journal entry e was made in, and
// refuses any other: an undo never lands in another team's lemlist.
func (a *app) connectFor(e journal.Entry) (*session, error) {
	s, err := a.connect()
	if err != nil {
		return nil, err
	}
	if err := sameWorkspace(s, e); err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

// sameWorkspace refuses an entry sent to another workspace than the
// session's: its step ids mean nothing here.
func sameWorkspace(s *session, e journal.Entry) error {
	here := s.workspace()
	if e.Workspace == here {
		return nil
	}
	names := workspaceNamer{}
	there := safetext.Line(names.name(e.Workspace))
	if _, profile, ok := strings.Cut(e.Workspace, profileMark); ok {
		return usageError("entry #%d was sent to %s, not to %s where this session is connected; undo it with --profile %s",
			e.ID, there, safetext.Line(names.name(here)), safetext.Line(profile))
	}
	there = safetext.Line(e.Workspace)
	if e.Workspace == demoWorkspace {
		return usageError("entry #%d changed the demo workspace, not %s where this session is connected; "+
			"the demo keeps its own journal now, and `lemstep history --demo` lists what can be undone with `lemstep undo --demo`", e.ID, safetext.Line(here))
	}
	return usageError("entry #%d was sent to %s, not to %s where this session is connected; "+
		"undo it with --base-url %s (and that workspace's API key)", e.ID, there, safetext.Line(here), there)
}

// stepGone explains a step that cannot be read any more.
func stepGone(err error, e journal.Entry) error {
	if api.IsNotFound(err) {
		return fmt.Errorf("step %s of entry #%d is no longer in sequence %s of campaign %s: %w",
			safetext.Line(e.StepID), e.ID, safetext.Line(e.SequenceID), safetext.Line(e.CampaignID), err)
	}
	return err
}

// conflictFields names the fields of cs as a sentence does.
func conflictFields(cs []api.Conflict) string {
	fs := make([]api.Field, len(cs))
	for i, c := range cs {
		fs[i] = c.Field
	}
	return api.JoinAnd(fieldNames(fs))
}

// movedSince lists the fields the entry changed that no longer hold the
// values it sent: loaded is the entry's value, yours what the undo would
// put back (nil when nothing would).
func movedSince(e journal.Entry, now api.Step) []api.Conflict {
	var cs []api.Conflict
	for _, f := range e.After.Fields() {
		sent, _ := e.After.UpdateValue(f)
		current, ok := api.StepValue(now, f)
		if api.ValuesEqual(sent, true, current, ok) {
			continue
		}
		earlier, _ := e.Before.UpdateValue(f)
		cs = append(cs, api.Conflict{Field: f, Loaded: sent, Current: current, Yours: earlier})
	}
	return cs
}

func (a *app) movedFailure(e journal.Entry, now api.Step, cs []api.Conflict, asJSON bool) error {
	heading := fmt.Sprintf("step %s changed on lemlist after entry #%d; nothing was sent", safetext.Line(e.StepID), e.ID)
	if asJSON {
		ce := &api.ConflictError{StepID: e.StepID, Current: now, Conflicts: cs}
		if err := writeJSON(a.io.Out, conflictJSON(ce, e.ID, heading)); err != nil {
			return err
		}
		return &exitError{code: exitFailure, err: errors.New(heading)}
	}
	labels := changeview.ConflictLabels{Loaded: fmt.Sprintf("entry #%d set", e.ID), Current: "lemlist now", Yours: "undo puts back"}
	return conflictFailure(heading, cs, labels, fmt.Sprintf("Pass --force to put back the values from before #%d anyway.", e.ID))
}

// reviewOut is where an undo's review and question go: stdout, or stderr
// when stdout carries --json.
func (a *app) reviewOut(opts undoOptions) io.Writer {
	if opts.asJSON {
		return a.io.ErrOut
	}
	return a.io.Out
}

// confirmUndo shows the change and asks for it, unless --yes. A script
// (stdin not a terminal) must say --yes: there is nobody to answer.
func (a *app) confirmUndo(e journal.Entry, now api.Step, restore api.StepUpdate, campaigns []api.Campaign, opts undoOptions) error {
	out := a.reviewOut(opts)
	writeUndoReview(out, e, now, restore, a.changeOptions(out, campaigns))
	return a.askUndo(out, opts.yes)
}

// writeUndoReview prints what the undo changes: each field as lemlist has
// it now, merged with the value the undo puts back.
func writeUndoReview(w io.Writer, e journal.Entry, now api.Step, restore api.StepUpdate, o changeview.Options) {
	fmt.Fprintf(w, "%s\n\n", undoHeading(e, ""))
	fmt.Fprintln(w, "From what lemlist has now, [-taken away-] {+put back+}:")
	fmt.Fprintln(w, changeview.Render(changeview.Changes(now, restore), o))
	if skipped := missingFrom(e.After, restore); skipped != "" {
		fmt.Fprintf(w, "(%s stays as it is: lemlist gave no earlier value for it.)\n", skipped)
	}
}

// missingFrom lists the fields after sets that restore does not.
func missingFrom(after, restore api.StepUpdate) string {
	return strings.Join(fieldNames(slices.DeleteFunc(after.Fields(), restore.Has)), ", ")
}

// confirm asks question on w and reads one line from r: only y or yes
// (in any case) agrees.
func confirm(r io.Reader, w io.Writer, question string) (bool, error) {
	fmt.Fprint(w, question)
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && line == "" && !errors.Is(err, io.EOF) {
		return false, err
	}
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes":
		return true, nil
	}
	return false, nil
}

// askUndo has the person at the terminal confirm an undo, unless yes; a
// script must say --yes, since nobody can answer.
func (a *app) askUndo(out io.Writer, yes bool) error {
	if yes {
		return nil
	}
	if !a.io.IsStdinTTY() {
		return usageError("stdin is not a terminal, so nobody can confirm the undo; pass --yes to undo without asking")
	}
	ok, err := confirm(a.io.In, out, "Undo these changes? [y/N] ")
	if err != nil {
		return err
	}
	if !ok {
		return &exitError{code: exitFailure, err: errors.New("nothing was sent: the undo was not confirmed")}
	}
	return nil
}

// writeUndone says what an undo put back, and when it was journaled, how
// to take the undo back.
func (a *app) writeUndone(e journal.Entry, fields []api.Field, entry journal.Entry, recorded bool) {
	fmt.Fprintf(a.io.Out, "Undid entry #%d: %s has its earlier %s back.\n",
		e.ID, entryPlace(e), api.JoinAnd(fieldNames(fields)))
	if recorded {
		fmt.Fprintf(a.io.Out, "Journal entry #%d records the undo; `lemstep undo %d` puts the change back.\n", entry.ID, entry.ID)
	}
}
