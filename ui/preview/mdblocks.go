package preview

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// blockCacheSize bounds the rendered Markdown blocks kept: a few long
// emails' paragraphs at a few widths.
const blockCacheSize = 4096

// blockKey names one rendered block: its Markdown, the width and the style.
type blockKey struct {
	md    string
	width int
	style string
}

// mdBlocks splits an email's Markdown into its top-level blocks, each a
// paragraph or a list, so each can be rendered (and cached) on its own: a
// one-word edit then re-renders one paragraph, not the email. ok is false
// when the document holds any other kind of block (headings, quotes, code,
// tables, lists in lists), whose spacing glamour draws differently: such a
// document is rendered whole.
//
// Rendering the blocks one by one and joining them with a blank line gives
// the bytes glamour gives for the whole document (TestBlocksRenderAsTheWhole).
func mdBlocks(md string) (blocks []string, ok bool) {
	src := []byte(md)
	doc := blockParser().Parse(text.NewReader(src))
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n.Kind() {
		case ast.KindParagraph:
		case ast.KindList:
			if hasNestedList(n) {
				return nil, false // glamour ends it with one more blank line
			}
		default:
			return nil, false
		}
		start, stop, found := blockSpan(n)
		if !found {
			return nil, false
		}
		// From the start of the block's first line: a list's marker comes
		// before its first text.
		start = strings.LastIndexByte(md[:start], '\n') + 1
		blocks = append(blocks, md[start:stop])
	}
	// Whatever lies between the blocks must be blank: a block whose span
	// misses text (a list's empty item) is not cut out safely.
	if len(blocks) == 0 || !coversAll(md, blocks) {
		return nil, false
	}
	return blocks, true
}

// coversAll reports whether blocks, in order, hold every non-blank byte
// of md.
func coversAll(md string, blocks []string) bool {
	rest := md
	for _, b := range blocks {
		i := strings.Index(rest, b)
		if i < 0 || strings.TrimSpace(rest[:i]) != "" {
			return false
		}
		rest = rest[i+len(b):]
	}
	return strings.TrimSpace(rest) == ""
}

// hasNestedList reports a list inside list.
func hasNestedList(list ast.Node) bool {
	nested := false
	_ = ast.Walk(list, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && c != list && c.Kind() == ast.KindList {
			nested = true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return nested
}

// blockParser is goldmark's CommonMark parser, as glamour configures it
// (without the extensions glamour adds, which only matter inside a block).
func blockParser() parser.Parser { return goldmark.New().Parser() }

// blockSpan is the source bytes a block's lines cover, its descendants'
// included.
func blockSpan(n ast.Node) (start, stop int, found bool) {
	start, stop = -1, -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		lines := c.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			if start < 0 || seg.Start < start {
				start = seg.Start
			}
			stop = max(stop, seg.Stop)
		}
		return ast.WalkContinue, nil
	})
	return start, stop, start >= 0
}

// renderBlocks renders md block by block through the block cache; see
// mdBlocks. ok is false when md must be rendered whole.
func (r *Renderer) renderBlocks(md string, width int) (string, bool) {
	blocks, ok := mdBlocks(md)
	if !ok {
		return "", false
	}
	out := make([]string, len(blocks))
	for i, b := range blocks {
		k := blockKey{md: b, width: width, style: r.styleKey}
		if s, hit := r.blocks.get(k); hit {
			out[i] = s
			continue
		}
		s, err := r.term(width).Render(b)
		if err != nil {
			return "", false
		}
		out[i] = tidy(keepSGR(s))
		r.blocks.put(k, out[i])
	}
	return strings.Join(out, "\n\n"), true
}
