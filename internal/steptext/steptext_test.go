package steptext

import (
	"testing"

	"lemstep/api"
)

func TestPlain(t *testing.T) {
	for _, tc := range []struct {
		name string
		t    api.StepType
		msg  string
		want string
	}{
		{"email tags go, block ends break lines", api.Email,
			"<p>Hi <b>{{firstName}}</b>,</p><div>Line two<br>three<BR /></div><ul><li>one</li></ul><h2>Title</h2>end",
			"Hi {{firstName}},\nLine two\nthree\n\none\nTitle\nend"},
		{"email entities are decoded after the tags go", api.Email,
			"Fish &amp; chips &lt;b&gt; &eacute;t&eacute;", "Fish & chips <b> été"},
		{"an escape written as an entity is still stripped", api.Email,
			"Hello &#27;[2Jthere", "Hello there"},
		{"other types keep their text as written", api.LinkedinSend,
			"<b>hi</b> &amp; bye", "<b>hi</b> &amp; bye"},
		{"controls go from every type", api.SMS,
			"Hello \x1b[31mred\x1b[0m\ttab\nline", "Hello red\ttab\nline"},
		{"an empty message stays empty", api.Email, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Plain(tc.t, tc.msg); got != tc.want {
				t.Errorf("Plain(%s, %q) = %q, want %q", tc.t, tc.msg, got, tc.want)
			}
		})
	}
}
