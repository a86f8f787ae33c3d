package keyscan

import (
	"slices"
	"strings"
	"testing"
)

// key is chosen so that every form differs: it needs URL-encoding, and its
// base64, alone and as Basic credentials, holds "+", "/" and padding.
const key = "lemstep-g2??f>>7"

// want lists the forms of key, worked out apart from this package.
var want = []string{
	key,
	"lemstep-g2%3F%3Ff%3E%3E7",
	// ":" + key
	"OmxlbXN0ZXAtZzI/P2Y+Pjc=",
	"OmxlbXN0ZXAtZzI/P2Y+Pjc",
	`OmxlbXN0ZXAtZzI\/P2Y+Pjc=`,
	`OmxlbXN0ZXAtZzI\/P2Y+Pjc`,
	"OmxlbXN0ZXAtZzI%2FP2Y%2BPjc%3D",
	"OmxlbXN0ZXAtZzI%2FP2Y%2BPjc",
	"OmxlbXN0ZXAtZzI_P2Y-Pjc=",
	"OmxlbXN0ZXAtZzI_P2Y-Pjc%3D",
	"OmxlbXN0ZXAtZzI_P2Y-Pjc",
	// key alone
	"bGVtc3RlcC1nMj8/Zj4+Nw==",
	"bGVtc3RlcC1nMj8/Zj4+Nw",
	`bGVtc3RlcC1nMj8\/Zj4+Nw==`,
	`bGVtc3RlcC1nMj8\/Zj4+Nw`,
	"bGVtc3RlcC1nMj8%2FZj4%2BNw%3D%3D",
	"bGVtc3RlcC1nMj8%2FZj4%2BNw",
	"bGVtc3RlcC1nMj8_Zj4-Nw==",
	"bGVtc3RlcC1nMj8_Zj4-Nw%3D%3D",
	"bGVtc3RlcC1nMj8_Zj4-Nw",
}

func TestFormsListsEveryEncodingOnce(t *testing.T) {
	got := Forms(key)
	if len(got) == 0 || got[0] != key {
		t.Fatalf("Forms does not start with the key itself: %q", got)
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("Forms lacks %q", w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("Forms has %q, which is no form of the key", g)
		}
	}
	if len(got) != len(want) {
		t.Errorf("Forms has %d entries, want %d distinct ones", len(got), len(want))
	}
}

// A key that needs no escaping has fewer distinct forms, each listed once.
func TestFormsHasNoDuplicates(t *testing.T) {
	got := Forms("abcdef")
	if got[0] != "abcdef" || !slices.Contains(got, "OmFiY2RlZg==") || !slices.Contains(got, "YWJjZGVm") {
		t.Fatalf("Forms(abcdef) = %q", got)
	}
	sorted := slices.Clone(got)
	slices.Sort(sorted)
	if len(slices.Compact(sorted)) != len(got) {
		t.Fatalf("Forms(abcdef) lists a form twice: %q", got)
	}
}

func TestFindNamesTheFormWithoutGivingItAway(t *testing.T) {
	for _, tc := range []struct{ text, desc string }{
		{"error: invalid key " + key + "\n", "the key"},
		{"GET /api/team?access_token=lemstep-g2%3F%3Ff%3E%3E7 HTTP/1.1", "the key URL-encoded"},
		{"Authorization: Basic OmxlbXN0ZXAtZzI/P2Y+Pjc=\r\n", `the Basic credentials (":" and the key) in standard base64`},
		{`{"auth":"Basic OmxlbXN0ZXAtZzI\/P2Y+Pjc="}`, `the Basic credentials (":" and the key) in standard base64, with "/" escaped as "\/"`},
		{"?auth=OmxlbXN0ZXAtZzI%2FP2Y%2BPjc%3D&x=1", `the Basic credentials (":" and the key) in standard base64, URL-encoded`},
		{"token=bGVtc3RlcC1nMj8_Zj4-Nw.", "the key in URL-safe base64 without padding"},
		{"token=bGVtc3RlcC1nMj8_Zj4-Nw==.", "the key in URL-safe base64"},
	} {
		desc, found := Find([]byte(tc.text), key)
		if !found || desc != tc.desc {
			t.Errorf("Find(%q) = %q, %v; want %q", tc.text, desc, found, tc.desc)
		}
	}
	for _, f := range want {
		desc, found := Find([]byte("before "+f+" after"), key)
		if !found {
			t.Errorf("Find misses %q", f)
		}
		for _, secret := range want {
			if strings.Contains(desc, secret) {
				t.Errorf("Find's words %q give away %q", desc, secret)
			}
		}
	}
}

func TestFindIgnoresTextWithoutTheKey(t *testing.T) {
	other := "lemstep-g2??f>>8"
	for _, text := range append(Forms(other),
		"",
		"lemstep-g2??f>>",
		"Authorization: Basic REDACTED",
		"OmxlbXN0ZXAtZzI/P2Y+P",
	) {
		if desc, found := Find([]byte(text), key); found {
			t.Errorf("Find(%q) = %q, true; the text does not hold the key", text, desc)
		}
	}
}

func TestAnEmptyKeyPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("Find with an empty key did not panic; it would match every text")
		}
	}()
	Find([]byte("anything"), "")
}

func TestFindRunCatchesAnyRunOfTheKey(t *testing.T) {
	// The last 8 characters of the key, after text that holds 7 of its first.
	text := []byte("cut: lemstep… then " + key[len(key)-8:] + " and more")
	desc, at, found := FindRun(text, key, LeakRun)
	if !found || desc != "the key (part of it)" || string(text[at:at+LeakRun]) != key[len(key)-8:] {
		t.Fatalf("FindRun = %q, %d, %v; want the tail of the key found", desc, at, found)
	}
	// Part of the Basic credentials' base64.
	b64 := want[2]
	if desc, _, found := FindRun([]byte("x"+b64[5:13]+"x"), key, LeakRun); !found || !strings.Contains(desc, "Basic credentials") {
		t.Errorf("FindRun = %q, %v; want a run of the Basic credentials found", desc, found)
	}
	if _, _, found := FindRun([]byte(key[:LeakRun-1]+" "+key[LeakRun-1:2*LeakRun-2]), key, LeakRun); found {
		t.Error("FindRun found a run in pieces shorter than the run length")
	}
}
