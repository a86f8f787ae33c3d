package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"lemstep/api"
	"lemstep/internal/findreplace"
	"lemstep/internal/safetext"
	"lemstep/internal/steptext"
	"lemstep/theme"
)

func (a *app) grepCommand() *cobra.Command {
	var f searchFlags
	cmd := &cobra.Command{
		Use:   "grep PATTERN",
		Short: "Find text in the steps of your campaigns",
		Long: "Looks for PATTERN in every text field of every step of the chosen campaigns: subject,\n" +
			"message, altMessage, title, skillName and url, and variant B's subject, message and\n" +
			"altMessage where an A/B test runs. Each campaign is one request (plus one per A/B test),\n" +
			"read a few at a time within lemlist's rate limit. Nothing is changed.\n\n" +
			"In an email the HTML is searched, and each match says whether it is in the text a\n" +
			"reader sees (text) or in the markup, such as a link's address (html); a match a reader\n" +
			"sees across a tag or an entity (\"Acme <b>Robotics</b>\") is listed too. A match that\n" +
			"`lemstep replace` could not change without breaking an HTML tag or a Liquid expression\n" +
			"says so.\n\n" +
			"Without --campaign or --status every campaign but archived ones is searched. The exit\n" +
			"code is 0 when something matched, 1 when nothing did (or lemlist failed), 2 for bad usage.",
		Example: "  lemstep grep 'Acme Robotics'\n" +
			"  lemstep grep -i 'calendly.com/old' --field message --status running\n" +
			"  lemstep grep --regex '\\bteh\\b' --campaign cam_1 --campaign cam_2 --json",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error { return a.runGrep(cmd.Context(), args[0], f) },
	}
	f.register(cmd, "print the matches as a JSON array")
	return cmd
}

// errNoMatch ends a search that found nothing with exit code 1, as grep does.
var errNoMatch = errors.New("no match")

func (a *app) runGrep(ctx context.Context, pattern string, f searchFlags) error {
	s, r, err := a.search(ctx, pattern, f)
	if err != nil {
		return err
	}
	defer s.close()
	found := r.found
	if f.asJSON {
		if err := writeJSON(a.io.Out, matchesJSON(found, false)); err != nil {
			return err
		}
	} else {
		writeMatches(a.styledOut(), a.theme(), found, false)
	}
	fmt.Fprintln(a.io.ErrOut, searchSummary(found, r.searched))
	if len(found) == 0 {
		return &exitError{code: exitFailure, err: errNoMatch}
	}
	return nil
}

// searchSummary counts what a search found: "5 matches in 3 steps of 2
// campaigns (40 campaigns searched)."
func searchSummary(found []findreplace.Found, searched int) string {
	matches, camps := 0, map[string]bool{}
	steps := map[string]bool{}
	for _, f := range found {
		matches += len(f.Matches)
		camps[f.Campaign.ID] = true
		steps[f.Step.ID] = true
	}
	return fmt.Sprintf("%s in %s of %s (%s searched).", steptext.Count(matches, "match", "matches"),
		steptext.Count(len(steps), "step", "steps"), steptext.Count(len(camps), "campaign", "campaigns"),
		steptext.Count(searched, "campaign", "campaigns"))
}

// writeMatches prints the matches under their campaign, one line each:
// where the match is, then the match in its context. withOutcome says
// whether each line tells if the replacement is written into it.
func writeMatches(w io.Writer, th *theme.Theme, found []findreplace.Found, withOutcome bool) {
	last := ""
	for _, f := range found {
		if f.Campaign.ID != last {
			if last != "" {
				fmt.Fprintln(w)
			}
			fmt.Fprintln(w, campaignLabel(f.Campaign))
			last = f.Campaign.ID
		}
		for _, mt := range f.Matches {
			fmt.Fprintf(w, "  %s: %s\n", matchPlace(f.Target, mt), matchInContext(th, mt))
			switch {
			case mt.Skip != "":
				fmt.Fprintf(w, "      not replaceable: %s\n", mt.Skip)
			case withOutcome && !mt.Replaced:
				fmt.Fprintln(w, "      left as it is")
			}
		}
	}
}

// matchPlace names where a match is: "step Yes · 2 · email · message:1:40
// (text)"; variant B's fields are "B subject".
func matchPlace(t findreplace.Target, mt findreplace.Match) string {
	field := string(mt.Field)
	if t.B != nil {
		field = "B " + field
	}
	place := fmt.Sprintf("step %s · %s · %s:%d:%d", safetext.Line(t.Path), safetext.Line(string(t.Step.Type)), field, mt.Line, mt.Column)
	if mt.Where != findreplace.InPlain {
		place += " (" + string(mt.Where) + ")"
	}
	return place
}

// matchInContext is the match between a little of the text around it,
// the match in brackets, or highlighted on a terminal.
func matchInContext(th *theme.Theme, mt findreplace.Match) string {
	text := "[" + safetext.Line(mt.Text) + "]"
	if th != nil {
		text = th.DiffAdd.Render(safetext.Line(mt.Text))
	}
	return safetext.LinePart(mt.Before) + text + safetext.LinePart(mt.After)
}

// matchJSON is one match as --json prints it.
type matchJSON struct {
	targetJSON
	Field       api.Field         `json:"field"`
	Line        int               `json:"line"`
	Column      int               `json:"column"`
	Where       findreplace.Where `json:"where"`
	Match       string            `json:"match"`
	Before      string            `json:"before"`
	After       string            `json:"after"`
	Replaceable bool              `json:"replaceable"`
	Skip        string            `json:"skip,omitempty"`
	Replaced    *bool             `json:"replaced,omitempty"`
}

// matchesJSON lists every match; withOutcome adds whether each is replaced.
func matchesJSON(found []findreplace.Found, withOutcome bool) []matchJSON {
	out := []matchJSON{}
	for _, f := range found {
		for _, mt := range f.Matches {
			j := matchJSON{
				targetJSON: targetJSONOf(f.Target), Field: mt.Field,
				Line: mt.Line, Column: mt.Column, Where: mt.Where, Match: mt.Text, Before: mt.Before, After: mt.After,
				Replaceable: mt.Skip == "", Skip: mt.Skip,
			}
			if withOutcome {
				replaced := mt.Replaced
				j.Replaced = &replaced
			}
			out = append(out, j)
		}
	}
	return out
}
