package theme

import (
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
)

// GlamourStyle returns the markdown style of the message preview: glamour's
// dark or light style with headings, links and emphasis in this palette's
// colours, or glamour's plain "notty" style when the theme has no colour.
// The plain style is also what golden tests render with.
func (t *Theme) GlamourStyle() ansi.StyleConfig {
	if t.noColor {
		return PlainGlamourStyle()
	}
	cfg := styles.LightStyleConfig
	if t.dark {
		cfg = styles.DarkStyleConfig
	}
	h := t.pal.Hex
	// The text colour goes on text, not on the document: glamour draws a
	// document's margins and line padding space by space, each space in
	// the document's colour with its own escape sequence, which made a
	// 10 KB email 160 KB of output (13,000 escapes) and its render several
	// times slower. Spaces show no colour, so the look is the same.
	cfg.Document.Color = nil
	cfg.Text.Color = strPtr(h.Text)
	cfg.Heading.Color = strPtr(h.Accent)
	cfg.H1.Color = strPtr(h.Text)
	cfg.H1.BackgroundColor = strPtr(h.Accent)
	cfg.Link.Color = strPtr(h.Muted)
	cfg.LinkText.Color = strPtr(h.Accent)
	cfg.Strong.Color = strPtr(h.Text)
	cfg.Code.Color = strPtr(h.Code)
	cfg.Item.Color = strPtr(h.Text)
	cfg.Enumeration.Color = strPtr(h.Accent2)
	cfg.ImageText.Color = strPtr(h.Muted)
	return cfg
}

// PlainGlamourStyle is glamour's colourless "notty" style: text attributes
// only, stable across terminals.
func PlainGlamourStyle() ansi.StyleConfig {
	return styles.NoTTYStyleConfig
}

func strPtr(s string) *string { return &s }
