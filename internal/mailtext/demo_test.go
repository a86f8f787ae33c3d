package mailtext

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"lemstep/api"
	"lemstep/api/sandbox"
)

// emailMessages lists every email message of a workspace, variant B
// included, by where it lives.
func emailMessages(ws *sandbox.Workspace) map[string]string {
	msgs := map[string]string{}
	for campID, seqs := range ws.Sequences {
		for seqID, seq := range seqs {
			for _, st := range seq.Steps {
				if st.Type.IsEmail() && st.Message != "" {
					msgs[campID+"/"+seqID+"/"+st.ID] = st.Message
				}
			}
		}
	}
	for stepID, b := range ws.ABVariants {
		if b.Message != "" {
			msgs["variant B of "+stepID] = b.Message
		}
	}
	return msgs
}

// TestDemoMessagesRoundTrip: every email of the demo workspace, and of a
// generated one, is edited as text and gives back its HTML unchanged.
func TestDemoMessagesRoundTrip(t *testing.T) {
	for name, ws := range map[string]*sandbox.Workspace{
		"demo":      sandbox.DemoWorkspace(),
		"generated": sandbox.GenerateWorkspace(20, 6, 7),
	} {
		msgs := emailMessages(ws)
		if len(msgs) < 10 {
			t.Fatalf("%s: only %d email messages", name, len(msgs))
		}
		for _, where := range slices.Sorted(maps.Keys(msgs)) {
			html := msgs[where]
			doc, ok, why := Decode(html)
			if !ok {
				t.Errorf("%s %s: declined (%s)", name, where, why)
				continue
			}
			if got := doc.Encode(doc.Text()); got != html {
				t.Errorf("%s %s: round trip changed it\n in: %q\nout: %q", name, where, html, got)
			}
			if got := encode(doc.d.toks, parseText(doc.Text(), doc.d.layout), doc.d.style, 0); got != html {
				t.Errorf("%s %s: parse and encode changed it\n in: %q\nout: %q", name, where, html, got)
			}
			if strings.Contains(doc.Text(), "<") {
				t.Errorf("%s %s: the text still shows markup: %q", name, where, doc.Text())
			}
		}
	}
}

// TestDemoEmailAsText pins what a copywriter sees of the richest demo
// email, and what an edit of it sends.
func TestDemoEmailAsText(t *testing.T) {
	html := ""
	for _, seq := range sandbox.DemoWorkspace().Sequences["cam_pdWtC9WkcuDo9qhM2"] {
		for _, st := range seq.Steps {
			if st.Type == api.Email && strings.Contains(st.Message, "<ul>") {
				html = st.Message
			}
		}
	}
	if html == "" {
		t.Fatal("the demo has no email with a list")
	}
	doc, ok, why := Decode(html)
	if !ok {
		t.Fatalf("declined: %s", why)
	}
	want := "Hi {{firstName}},\n\n" +
		"Thanks again for connecting on LinkedIn. {% if companyName %}I spent ten minutes signing up for {{companyName}} as a brand-new user{% else %}I spent ten minutes going through your sign-up flow as a brand-new user{% endif %}, and three things stood out:\n\n" +
		"- **Time to first value:** eleven clicks before anything useful shows up.\n" +
		"- **Empty states:** the dashboard asks for data before it shows why it matters.\n" +
		"- **Team invites:** teammates land on a blank page instead of the shared workspace.\n\n" +
		"Brightwave's growth team fixed the same three with [this activation playbook](https://northwind.example/playbooks/activation) and lifted week-one retention by 18%.\n\n" +
		"Worth a 15-minute walkthrough next week?\n\n" +
		"Maya\nHead of Growth, Northwind"
	if doc.Text() != want {
		t.Fatalf("text:\n%s\nwant:\n%s", doc.Text(), want)
	}
	edited := strings.Replace(want, "Worth a 15-minute walkthrough next week?",
		"Worth a 15-minute walkthrough next week?\n\nP.S. The **playbook** is free & short.", 1)
	edited = strings.Replace(edited, "- **Team invites:**", "- **Team invites** (the big one):", 1)
	got := doc.Encode(edited)
	wantHTML := strings.Replace(html, `<p style="margin: 0 0 12px;">Worth a 15-minute walkthrough next week?</p>`,
		`<p style="margin: 0 0 12px;">Worth a 15-minute walkthrough next week?</p><p style="margin: 0 0 12px;">P.S. The <b>playbook</b> is free &amp; short.</p>`, 1)
	wantHTML = strings.Replace(wantHTML, "<li><b>Team invites:</b>", "<li><b>Team invites</b> (the big one):", 1)
	if got != wantHTML {
		t.Fatalf("edit written as\n%s\nwant\n%s", got, wantHTML)
	}
}
