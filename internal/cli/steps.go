package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// stepsOptions are the arguments and flags of `lemstep steps`.
type stepsOptions struct {
	campaignID string
	asJSON     bool
}

func (a *app) stepsCommand() *cobra.Command {
	var opts stepsOptions
	cmd := &cobra.Command{
		Use:   "steps CAMPAIGN_ID",
		Short: "Show a campaign's sequence tree",
		Long: "Shows the campaign's steps as the lead travels them: the day each step happens,\n" +
			"its path, the day it happens, its type, its id and an excerpt; a condition's lanes\n" +
			"(yes and no, or each branch and the else) are indented under it, each headed by\n" +
			"what it checks, its sequence id (what `lemstep update` needs) and the day a lead can enter it.\n" +
			"An A/B-tested email step has its variant B on the line below (read from lemlist step by\n" +
			"step; when lemlist refuses one, the line says why and the rest is shown all the same).\n" +
			"With --json, prints every sequence with every field, keyed by sequence id; an A/B-tested\n" +
			"step also has variantB, or variantBNote saying why it could not be read.",
		Example: "  lemstep steps cam_1\n" +
			"  lemstep steps cam_1 --json | jq '.[].steps[] | select(.type == \"email\") | ._id'",
		Args:              exactArgs("`lemstep campaigns` lists them"),
		ValidArgsFunction: a.completeCampaignArg,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.campaignID = args[0]
			return a.runSteps(cmd.Context(), opts)
		},
	}
	cmd.Flags().BoolVar(&opts.asJSON, "json", false, "print the sequences with every field as JSON")
	return cmd
}

// runSteps prints a campaign's sequences as a tree, or as JSON.
func (a *app) runSteps(ctx context.Context, opts stepsOptions) error {
	s, err := a.connect()
	if err != nil {
		return err
	}
	defer s.close()
	seqs, err := s.client.Sequences(ctx, opts.campaignID)
	if err != nil {
		return err
	}
	variants := s.client.ABVariantsOf(ctx, api.ABTestedSteps(seqs))
	if opts.asJSON {
		return writeJSON(a.io.Out, withVariants(seqs, variants))
	}
	camp, err := s.client.Campaign(ctx, opts.campaignID)
	if err != nil {
		return err
	}
	return writeTree(a.io.Out, camp, seqs, targetNames(ctx, s.client, seqs), variants)
}

// writeTree prints the campaign's heading and its tree; names maps the
// campaigns that send-to-another-campaign steps target to their names, and
// variants holds variant B of the A/B-tested steps.
func writeTree(w io.Writer, camp api.Campaign, seqs api.Sequences, names map[string]string, variants []api.ABVariantResult) error {
	tree, err := api.BuildTree(seqs)
	if err != nil {
		return fmt.Errorf("cannot show campaign %s: %w", safetext.Line(camp.ID), err)
	}
	tw := treeWriter{typeWidth: typeWidth(tree), names: names, variants: variantsByStep(variants)}
	tw.printf("Campaign %s (%s), %s\n\n", safetext.Line(camp.Name), safetext.Line(camp.ID), safetext.Line(camp.StatusLabel()))
	tw.printf("Main sequence %s\n", safetext.Line(tree.Main.SequenceID))
	tw.lane(tree.Main, 1, false)
	for _, l := range tree.Unplaced {
		q := seqs[l.SequenceID]
		tw.printf("\n%s: sequence %s · %s\n", l.Name, safetext.Line(l.SequenceID), unplacedWhy(q))
		tw.lane(*l, 1, true)
	}
	_, err = io.WriteString(w, tw.b.String())
	return err
}

// unplacedWhy says why a sequence could not be placed under a condition.
func unplacedWhy(q api.Sequence) string {
	if q.ParentID == "" {
		return "a branch whose condition lemlist did not say; its days are unknown"
	}
	return "a branch of " + safetext.Line(q.ParentID) + ", which has no condition there; its days are unknown"
}

// typeWidth is the widest type label in the tree, so the ids line up.
func typeWidth(t api.Tree) int {
	w := 0
	t.Walk(func(n api.Node, _ int) { w = max(w, ansi.StringWidth(stepLabel(n.Step))) })
	return w
}

// pathWidth is the widest step path in a lane, so its days line up.
func pathWidth(l api.Lane) int {
	w := 0
	for _, n := range l.Nodes {
		w = max(w, ansi.StringWidth(safetext.Line(n.Path)))
	}
	return w
}

func stepLabel(s api.Step) string {
	if s.Type == "" {
		return "Unreadable step"
	}
	return s.Type.Label()
}

type treeWriter struct {
	b         strings.Builder
	typeWidth int
	names     map[string]string
	variants  map[string]api.ABVariantResult // variant B of A/B-tested steps, by step id
}

func (tw *treeWriter) printf(format string, args ...any) {
	fmt.Fprintf(&tw.b, format, args...)
}

// lane prints a lane's steps at the given depth (two spaces per level), and
// under each condition its lanes one level deeper. Each step line starts
// with its path, so no two steps share a name.
func (tw *treeWriter) lane(l api.Lane, depth int, unplaced bool) {
	indent := strings.Repeat("  ", depth)
	if l.Missing {
		tw.printf("%s(this sequence is missing from lemlist's answer)\n", indent)
		return
	}
	if len(l.Nodes) == 0 {
		tw.printf("%s(no steps)\n", indent)
		return
	}
	pw := pathWidth(l)
	for _, n := range l.Nodes {
		label := stepLabel(n.Step)
		pad := strings.Repeat(" ", max(0, tw.typeWidth-ansi.StringWidth(label)))
		path := safetext.Line(n.Path)
		pathPad := strings.Repeat(" ", max(0, pw-ansi.StringWidth(path)))
		day := fmt.Sprintf("Day %-4d", n.Day)
		if unplaced {
			day = "Day ?   "
		}
		line := fmt.Sprintf("%s%s%s  %s %s%s  %s  %s", indent, path, pathPad, day, label, pad, safetext.Line(n.Step.ID), tw.excerpt(n.Step))
		tw.printf("%s\n", strings.TrimRight(line, " "))
		tw.variantLine(n.Step, indent+strings.Repeat(" ", pw+2+ansi.StringWidth(day)+1))
		for _, notice := range api.UnreadableNotices(n.Step) {
			tw.printf("%s  ! %s\n", indent, safetext.Line(notice))
		}
		for _, sub := range n.Lanes {
			tw.branch(sub, depth+1, unplaced)
		}
	}
}

// excerpt names a target campaign by its name and id.
func (tw *treeWriter) excerpt(s api.Step) string {
	if s.Type == api.SendToAnotherCampaign && tw.names[s.CampaignID] != "" {
		return ansi.Truncate("to campaign "+safetext.Line(tw.names[s.CampaignID])+" ("+safetext.Line(s.CampaignID)+")", excerptWidth+30, "…")
	}
	return excerpt(s)
}

// branch prints a lane's heading: its name, for a branch of several what
// it checks, its sequence and the day a lead can enter it.
func (tw *treeWriter) branch(l *api.Lane, depth int, unplaced bool) {
	indent := strings.Repeat("  ", depth)
	head := indent + safetext.Line(l.Name) + ":"
	if l.Branch != nil && !l.Else && l.Name != "Yes" {
		head += " " + safetext.Line(api.BranchSentence(*l.Branch, "")) + " ·"
	}
	if l.SequenceID == "" {
		tw.printf("%s (no lane)\n", head)
		return
	}
	head += " sequence " + safetext.Line(l.SequenceID)
	if !unplaced {
		head += fmt.Sprintf(" · from Day %d", l.StartDay)
	}
	if l.Unnamed {
		head += " · placed by its parentId (the condition does not name it)"
	}
	tw.printf("%s\n", head)
	tw.lane(*l, depth+1, unplaced)
}

// targetNames looks up the names of the campaigns the steps send leads to;
// a campaign that cannot be read keeps its id.
func targetNames(ctx context.Context, c *api.Client, seqs api.Sequences) map[string]string {
	names := map[string]string{}
	for _, q := range seqs {
		for _, st := range q.Steps {
			id := st.CampaignID
			if st.Type != api.SendToAnotherCampaign || id == "" {
				continue
			}
			if _, done := names[id]; done {
				continue
			}
			names[id] = ""
			if camp, err := c.Campaign(ctx, id); err == nil {
				names[id] = camp.Name
			}
		}
	}
	return names
}
