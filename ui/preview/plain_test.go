package preview

import (
	"strings"
	"testing"

	"pgregory.net/rapid"

	"lemstep/api"
)

// visibleLines undoes the preview's layout: the document margin, the
// non-breaking spaces that keep indentation and blank lines, and trailing
// spaces.
func visibleLines(body string) []string {
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		l = strings.TrimPrefix(l, strings.Repeat(" ", docMargin))
		lines[i] = strings.TrimRight(strings.ReplaceAll(l, "\u00a0", " "), " ")
	}
	return lines
}

// expectedLines is text as the preview shows it: blank lines before and
// after the message are not drawn, nor spaces at the end of a line.
func expectedLines(text string) []string {
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func TestPlainTextIsShownExactlyAsWritten(t *testing.T) {
	r := NewRenderer(plainTheme(), 0)
	text := "# not a heading\n* not a bullet\n- nor this\n+ nor this\n1. not a list\n> not a quote\n" +
		"```\nnot code\n```\n    four spaces\n---\n===\n| a | b |\n|---|---|\n" +
		"*star* _under_ **bold** ~~strike~~ `tick` [text](https://x.example) ![img](y.png) <b>tag</b> &amp; &#42; \\* https://z.example\n\n\n" +
		"after two blank lines :smile:"
	res := r.Render(Request{Type: api.LinkedinSend, Message: text, Width: 200, Lead: leadNamed(t, "Jordan")})
	got, want := visibleLines(res.Body), expectedLines(text)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("plain text changed:\n got: %q\nwant: %q", got, want)
	}
}

func TestPlainTextPropertyExact(t *testing.T) {
	r := NewRenderer(plainTheme(), 0)
	alphabet := []rune("ab Z09 \n!\"#$&'()*+,-./:;<=>?@[\\]^_`|~éß李🙂")
	rapid.Check(t, func(t *rapid.T) {
		runes := rapid.SliceOfN(rapid.SampledFrom(alphabet), 0, 120).Draw(t, "text")
		text := string(runes)
		if strings.TrimSpace(text) == "" {
			return
		}
		res := r.Render(Request{Type: api.SMS, Message: text, Width: 400})
		got, want := visibleLines(res.Body), expectedLines(text)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Fatalf("plain text changed:\n got: %q\nwant: %q", got, want)
		}
	})
}
