package cli

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/dustin/go-humanize"
	"github.com/spf13/cobra"

	"lemstep/api"
	"lemstep/internal/draft"
	"lemstep/internal/safetext"
	"lemstep/theme"
)

func (a *app) draftsCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "drafts",
		Short: "List the edits kept as drafts, newest first",
		Long: "Lists the edits the editor kept because they were not sent: the step, its campaign,\n" +
			"when the draft was saved and the fields it changes. Open the step in the editor to\n" +
			"restore or discard a draft, or discard it here with `lemstep drafts discard STEP_ID`.\n" +
			"It reads only $XDG_STATE_HOME/lemstep/drafts: no network, no API key.",
		Example: "  lemstep drafts\n" +
			"  lemstep drafts --json | jq '.[0].edited.subject'\n" +
			"  lemstep drafts discard stp_1",
		Args: noArgs,
		RunE: func(*cobra.Command, []string) error {
			listed, err := a.drafts().List()
			if err != nil {
				return err
			}
			ds, damaged := splitDamaged(listed)
			for _, l := range damaged {
				fmt.Fprintf(a.io.ErrOut, "Warning: the draft of step %s is damaged: %s. `lemstep drafts discard %s` removes it.\n",
					safetext.Line(l.StepID), safetext.Line(l.Err.Error()), safetext.Line(l.StepID))
			}
			if asJSON {
				return writeJSON(a.io.Out, ds)
			}
			if len(listed) == 0 {
				_, err := fmt.Fprintln(a.io.Out, "No drafts: every edit made in the editor was sent or discarded.")
				return err
			}
			return writeDrafts(a.styledOut(), a.theme(), ds, damaged, time.Now())
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the drafts, with the step as loaded and as edited, as a JSON array")
	cmd.AddCommand(a.discardDraftCommand())
	return cmd
}

func (a *app) discardDraftCommand() *cobra.Command {
	return &cobra.Command{
		Use:               "discard STEP_ID",
		Short:             "Throw away the draft of one step",
		Args:              exactArgs("`lemstep drafts` lists the steps that have one"),
		ValidArgsFunction: a.completeDraftStep,
		RunE: func(_ *cobra.Command, args []string) error {
			// A damaged draft can be discarded too: that is what it is for.
			removed, err := a.drafts().Discard(args[0])
			switch {
			case errors.Is(err, draft.ErrBusy):
				return fmt.Errorf("another lemstep is editing step %s: its draft is kept; close the step there first", safetext.Line(args[0]))
			case err != nil:
				return err
			case len(removed) == 0:
				return usageError("step %s has no draft; `lemstep drafts` lists them", safetext.Line(args[0]))
			case len(removed) > 1:
				_, err = fmt.Fprintf(a.io.Out, "Discarded the %d drafts of step %s.\n", len(removed), safetext.Line(args[0]))
				return err
			}
			_, err = fmt.Fprintf(a.io.Out, "Discarded the draft of step %s.\n", safetext.Line(args[0]))
			return err
		},
	}
}

// splitDamaged separates the drafts that read back (never nil, so --json
// prints []) from the damaged ones.
func splitDamaged(listed []draft.Listed) (ds []draft.Draft, damaged []draft.Listed) {
	ds = []draft.Draft{}
	for _, l := range listed {
		if l.Err != nil {
			damaged = append(damaged, l)
		} else {
			ds = append(ds, l.Draft)
		}
	}
	return ds, damaged
}

// writeDrafts prints one draft per row, then a row for each damaged one; a
// column says where each step lives when the drafts come from more than
// one workspace.
func writeDrafts(w io.Writer, th *theme.Theme, ds []draft.Draft, damaged []draft.Listed, now time.Time) error {
	many := manyWorkspaces(ds, func(d draft.Draft) string { return d.Workspace })
	header := []string{"STEP", "CAMPAIGN", "TYPE", "SAVED", "CHANGED"}
	if many {
		header = slices.Insert(header, 1, "WORKSPACE")
	}
	rows := [][]string{header}
	for _, d := range ds {
		row := []string{
			draftStep(d),
			ansi.Truncate(campaignName(d.CampaignName, d.CampaignID), campaignColumn, "…"),
			safetext.Line(string(d.Loaded.Type)),
			humanize.RelTime(d.SavedAt, now, "ago", "from now"),
			draftChanges(d),
		}
		if many {
			row = slices.Insert(row, 1, safetext.Line(d.Workspace))
		}
		rows = append(rows, row)
	}
	for _, l := range damaged {
		row := []string{safetext.Line(l.StepID), "?", "?", "?", "damaged: cannot be read"}
		if many {
			row = slices.Insert(row, 1, "?")
		}
		rows = append(rows, row)
	}
	return writeTable(w, th, rows, nil)
}

// draftStep names the step a draft edits, and says when it is variant B.
func draftStep(d draft.Draft) string {
	if d.Variant != nil {
		return safetext.Line(d.StepID()) + " (B)"
	}
	return safetext.Line(d.StepID())
}

// draftChanges lists the fields a draft changes.
func draftChanges(d draft.Draft) string {
	if d.Variant != nil {
		if u, err := api.DiffVariant(d.Variant.Loaded, d.Variant.Edited); err == nil {
			return strings.Join(fieldNames(u.Fields()), ", ")
		}
		return "nothing"
	}
	if u, err := api.Diff(d.Loaded, d.Edited); err == nil {
		return fieldList(u)
	}
	return "nothing"
}
