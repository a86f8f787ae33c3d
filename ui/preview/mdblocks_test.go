package preview

import (
	"fmt"
	"strings"
	"testing"

	"pgregory.net/rapid"

	"lemstep/api"
	"lemstep/api/sandbox"
	"lemstep/theme"
)

// wholeRender is md rendered as one document, as before blocks existed.
func wholeRender(r *Renderer, md string, width int) string {
	out, err := r.term(width).Render(md)
	if err != nil {
		panic(err)
	}
	return tidy(keepSGR(out))
}

func themes() map[string]*theme.Theme {
	return map[string]*theme.Theme{
		"plain": theme.New(true, true), "dark": theme.New(true, false), "light": theme.New(false, false),
	}
}

// checkBlocks fails when md rendered block by block differs from md
// rendered whole, in any style, at a narrow and a wide width.
func checkBlocks(t interface{ Fatalf(string, ...any) }, md string) {
	for name, th := range themes() {
		r := NewRenderer(th, DefaultCacheSize)
		for _, width := range []int{38, 80} {
			got, ok := r.renderBlocks(md, width)
			if !ok {
				continue
			}
			if want := wholeRender(r, md, width); got != want {
				t.Fatalf("%s at %d: blocks give\n%q\nthe whole gives\n%q\nfor %q", name, width, got, want, md)
			}
		}
	}
}

// TestBlocksRenderAsTheWhole: every message of the demo workspace, and
// the benchmark email, render the same block by block as whole.
func TestBlocksRenderAsTheWhole(t *testing.T) {
	r := NewRenderer(theme.New(true, true), 0)
	var mds []string
	ws := sandbox.DemoWorkspace()
	for _, c := range ws.Campaigns {
		for _, seq := range ws.Sequences[c.ID] {
			for _, st := range seq.Steps {
				if st.Type.IsEmail() && st.Message != "" {
					a := analyze(api.Email, st.Subject, st.Message, Leads()[0], r.sender)
					md, err := r.converter.ConvertString(a.messageOut)
					if err != nil {
						t.Fatal(err)
					}
					mds = append(mds, md)
				}
			}
		}
	}
	a := analyze(api.Email, "x", lemlistEmail(10*1024), Leads()[0], r.sender)
	md, _ := r.converter.ConvertString(a.messageOut)
	mds = append(mds, md)
	split := 0
	for _, md := range mds {
		if _, ok := mdBlocks(md); ok {
			split++
		}
		checkBlocks(t, md)
	}
	if split < len(mds)/2 {
		t.Fatalf("only %d of %d emails split into blocks", split, len(mds))
	}
}

// TestGeneratedMarkdownRendersAsTheWhole draws paragraphs and lists of
// the kinds the HTML converter writes.
func TestGeneratedMarkdownRendersAsTheWhole(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		words := rapid.SliceOfN(rapid.SampledFrom([]string{
			"Hi", "{{firstName}},", "**bold**", "*it*", "[link](https://x.example/a)", "teams", "—", "déjà",
			"a-very-long-word-that-wraps-somewhere-in-the-middle", "`code`", "1.", "-", "👋",
		}), 1, 30)
		var blocks []string
		for i := range rapid.IntRange(1, 6).Draw(t, "blocks") {
			switch rapid.IntRange(0, 3).Draw(t, fmt.Sprint("kind", i)) {
			case 0, 1:
				blocks = append(blocks, strings.Join(words.Draw(t, fmt.Sprint("p", i)), " "))
			case 2:
				var items []string
				for j := range rapid.IntRange(1, 4).Draw(t, fmt.Sprint("items", i)) {
					items = append(items, "- "+strings.Join(words.Draw(t, fmt.Sprint("li", i, j)), " "))
				}
				blocks = append(blocks, strings.Join(items, "\n"))
			case 3:
				lines := []string{strings.Join(words.Draw(t, fmt.Sprint("l1", i)), " "), strings.Join(words.Draw(t, fmt.Sprint("l2", i)), " ")}
				blocks = append(blocks, strings.Join(lines, "  \n"))
			}
		}
		checkBlocks(t, strings.Join(blocks, "\n\n"))
	})
}
