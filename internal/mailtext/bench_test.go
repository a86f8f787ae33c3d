package mailtext

import (
	"strings"
	"testing"

	"lemstep/internal/cputime"
)

// email10KB is a lemlist-style message of about 10 KB: paragraphs with the
// editor's style, line breaks, marks, links, a list and Liquid.
func email10KB() string {
	var b strings.Builder
	b.WriteString(`<p style="margin: 0 0 12px;">Hi {{firstName | default: "there"}},</p>`)
	for b.Len() < 10_000 {
		b.WriteString(`<p style="margin: 0 0 12px;">We help B2B SaaS teams like {{companyName}} see where new sign-ups stall during onboarding &mdash; usually within the first 48 hours.<br>Most teams lose a third of their trials before the first &quot;aha&quot; moment. <b>Activation</b> is <em>the</em> lever: <a href="https://northwind.example/playbooks/activation?utm_source=lemlist&amp;lead={{email}}">read the playbook</a>.</p>`)
		b.WriteString(`<ul><li><b>Time to first value:</b> eleven clicks.</li><li>Empty states &amp; team invites.</li></ul>`)
	}
	b.WriteString(`<p style="margin: 0;">Thanks,<br>Maya</p>`)
	return b.String()
}

func BenchmarkDecode10KB(b *testing.B) {
	html := email10KB()
	b.SetBytes(int64(len(html)))
	b.ReportAllocs()
	defer cputime.Report(b)()
	for b.Loop() {
		if _, ok, why := Decode(html); !ok {
			b.Fatal(why)
		}
	}
}

// BenchmarkEncode10KBKeystroke is the work of one key typed in the middle
// of a 10 KB message.
func BenchmarkEncode10KBKeystroke(b *testing.B) {
	html := email10KB()
	doc, ok, why := Decode(html)
	if !ok {
		b.Fatal(why)
	}
	text := doc.Text()
	mid := strings.Index(text[len(text)/2:], " ") + len(text)/2
	edited := text[:mid] + " x" + text[mid:]
	b.SetBytes(int64(len(html)))
	b.ReportAllocs()
	defer cputime.Report(b)()
	for b.Loop() {
		_ = doc.Encode(edited)
	}
}

// BenchmarkEncode10KBRewrite is the worst case of one call: every
// paragraph changed (text pasted over, or back from $EDITOR).
func BenchmarkEncode10KBRewrite(b *testing.B) {
	html := email10KB()
	doc, ok, why := Decode(html)
	if !ok {
		b.Fatal(why)
	}
	edited := strings.ReplaceAll(doc.Text(), "the", "a")
	b.SetBytes(int64(len(html)))
	b.ReportAllocs()
	defer cputime.Report(b)()
	for b.Loop() {
		_ = doc.Encode(edited)
	}
}
