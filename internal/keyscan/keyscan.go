// Package keyscan finds an API key in text in any of the forms lemstep could
// leak it in, so tests can check that output, logs, drafts and the journal
// never hold it. It is imported by tests only; it lives outside a _test file
// so that tests in every package can share it.
//
// The forms are a superset of what the API client scrubs from the text it
// lets out: the key as is and URL-encoded, and base64 of ":key" (the Basic
// credentials) and of the key alone, in the standard and URL-safe alphabets,
// padded and not, each also URL-encoded and with "/" escaped as "\/" (as JSON
// encoders in other languages write it).
package keyscan

import (
	"bytes"
	"cmp"
	"encoding/base64"
	"net/url"
	"slices"
	"strings"
)

// variant is one way the key can be written, with words for it that do not
// give the key away.
type variant struct {
	text, desc string
}

var encodings = []struct {
	enc  *base64.Encoding
	desc string
}{
	{base64.StdEncoding, "standard base64"},
	{base64.RawStdEncoding, "standard base64 without padding"},
	{base64.URLEncoding, "URL-safe base64"},
	{base64.RawURLEncoding, "URL-safe base64 without padding"},
}

// variants lists every form of key once, in the order of the package comment.
// A form that comes out the same as an earlier one keeps the earlier words.
func variants(key string) []variant {
	if key == "" {
		// Every text holds the empty string: a check with no key would
		// fail everything or, worse, be written to pass everything.
		panic("keyscan: empty key")
	}
	list := []variant{{key, "the key"}, {url.QueryEscape(key), "the key URL-encoded"}}
	for _, payload := range []struct{ text, desc string }{
		{":" + key, `the Basic credentials (":" and the key)`},
		{key, "the key"},
	} {
		for _, e := range encodings {
			b64 := e.enc.EncodeToString([]byte(payload.text))
			desc := payload.desc + " in " + e.desc
			list = append(list,
				variant{b64, desc},
				variant{strings.ReplaceAll(b64, "/", `\/`), desc + `, with "/" escaped as "\/"`},
				variant{url.QueryEscape(b64), desc + ", URL-encoded"})
		}
	}
	seen := map[string]bool{}
	return slices.DeleteFunc(list, func(f variant) bool {
		dup := seen[f.text]
		seen[f.text] = true
		return dup
	})
}

// Forms returns every form key could leak in, the key itself first. It
// panics on an empty key.
func Forms(key string) []string {
	var out []string
	for _, f := range variants(key) {
		out = append(out, f.text)
	}
	return out
}

// Find reports whether text holds key in any of its forms and, if so, words
// for the form found (such as "the key in URL-safe base64"), never the key
// itself, so that the words can go in a test failure. Longer forms are
// looked for first, so a padded form is reported as padded rather than as
// the unpadded form it begins with. It panics on an empty key.
func Find(text []byte, key string) (form string, found bool) {
	list := variants(key)
	slices.SortStableFunc(list, func(a, b variant) int { return cmp.Compare(len(b.text), len(a.text)) })
	for _, f := range list {
		if bytes.Contains(text, []byte(f.text)) {
			return f.desc, true
		}
	}
	return "", false
}
