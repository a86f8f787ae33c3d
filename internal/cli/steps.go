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
			"its type, its id and an excerpt; a condition's yes and no lanes are indented under it,\n" +
			"each headed by its sequence id (what `lemstep update` needs).\n" +
			"With --json, prints every sequence with every field, keyed by sequence id.",
		Example: "  lemstep steps cam_A1b2C3d4E5f6G7h8\n" +
			"  lemstep steps cam_A1b2C3d4E5f6G7h8 --json | jq '.[].steps[] | select(.type == \"email\") | ._id'",
		Args: cobra.ExactArgs(1),
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
	if opts.asJSON {
		return writeJSON(a.io.Out, seqs)
	}
	camp, err := s.client.Campaign(ctx, opts.campaignID)
	if err != nil {
		return err
	}
	return writeTree(a.io.Out, camp, seqs)
}

// writeTree prints the campaign's heading and its tree.
func writeTree(w io.Writer, camp api.Campaign, seqs api.Sequences) error {
	tree, err := api.BuildTree(seqs)
	if err != nil {
		return fmt.Errorf("cannot show campaign %s: %w", safetext.Line(camp.ID), err)
	}
	tw := treeWriter{typeWidth: typeWidth(tree)}
	tw.printf("Campaign %s (%s), %s\n\n", safetext.Line(camp.Name), safetext.Line(camp.ID), safetext.Line(camp.Status))
	tw.printf("Main sequence %s\n", safetext.Line(tree.Main.SequenceID))
	tw.lane(tree.Main, 1)
	_, err = io.WriteString(w, tw.b.String())
	return err
}

// typeWidth is the widest type label in the tree, so the ids line up.
func typeWidth(t api.Tree) int {
	w := 0
	t.Walk(func(n api.Node, _ int) { w = max(w, ansi.StringWidth(n.Step.Type.Label())) })
	return w
}

type treeWriter struct {
	b         strings.Builder
	typeWidth int
}

func (tw *treeWriter) printf(format string, args ...any) {
	fmt.Fprintf(&tw.b, format, args...)
}

// lane prints a lane's steps at the given depth (two spaces per level),
// and under each condition its two lanes one level deeper.
func (tw *treeWriter) lane(l api.Lane, depth int) {
	indent := strings.Repeat("  ", depth)
	if l.Missing {
		tw.printf("%s(this sequence is missing from lemlist's answer)\n", indent)
		return
	}
	if len(l.Nodes) == 0 {
		tw.printf("%s(no steps)\n", indent)
		return
	}
	for _, n := range l.Nodes {
		label := n.Step.Type.Label()
		pad := strings.Repeat(" ", max(0, tw.typeWidth-ansi.StringWidth(label)))
		line := fmt.Sprintf("%sDay %-4d %s%s  %s  %s", indent, n.Day, label, pad, safetext.Line(n.Step.ID), excerpt(n.Step))
		tw.printf("%s\n", strings.TrimRight(line, " "))
		if n.Step.Type == api.Conditional {
			tw.branch("Yes", n.Yes, depth+1)
			tw.branch("No", n.No, depth+1)
		}
	}
}

func (tw *treeWriter) branch(name string, l *api.Lane, depth int) {
	indent := strings.Repeat("  ", depth)
	if l == nil || (l.Missing && l.SequenceID == "") {
		tw.printf("%s%s: (no lane)\n", indent, name)
		return
	}
	tw.printf("%s%s: sequence %s\n", indent, name, safetext.Line(l.SequenceID))
	tw.lane(*l, depth+1)
}
