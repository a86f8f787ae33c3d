package api_test

import (
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"lemstep/api"
)

func demoB() api.ABVariant {
	return api.ABVariant{StepID: "stp_x", Subject: "Hi", Message: "<p>Hi</p>", CC: []string{"a@acme.com"}}
}

func TestDiffVariantSendsChangedFieldsOnly(t *testing.T) {
	orig := demoB()
	edited := orig.Clone()
	edited.Subject = "Hello"
	edited.CC = nil
	edited.PlainText = true
	u, err := api.DiffVariant(orig, edited)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(u)
	if string(body) != `{"subject":"Hello","cc":[],"plainText":true}` {
		t.Errorf("body = %s", body)
	}
	if _, err := api.DiffVariant(orig, orig.Clone()); !errors.Is(err, api.ErrNoChange) {
		t.Errorf("no change: err = %v", err)
	}
	noCC := orig.Clone()
	noCC.CC = nil
	empty := noCC.Clone()
	empty.CC = []string{}
	if _, err := api.DiffVariant(noCC, empty); !errors.Is(err, api.ErrNoChange) {
		t.Errorf("nil and empty cc differ: %v", err)
	}
}

func TestPreviousVariantUndoes(t *testing.T) {
	orig := demoB()
	subject, plain := "New", true
	u := api.VariantUpdate{Subject: &subject, PlainText: &plain, AltMessage: &subject}
	after := u.Apply(orig)
	back := api.PreviousVariant(orig, u).Apply(after)
	if !reflect.DeepEqual(back, orig) {
		t.Errorf("undo gives %+v, want %+v", back, orig)
	}
}

func TestVariantValidate(t *testing.T) {
	for _, tc := range []struct {
		cc   []string
		want int
	}{
		{[]string{"ana@acme.com", "b.c+tag@sub.acme.io"}, 0},
		{[]string{"Ana <ana@acme.com>"}, 1},
		{[]string{"ana"}, 1},
		{[]string{" ana@acme.com"}, 1},
		{[]string{"ana@acme.com", ""}, 1},
	} {
		cc := tc.cc
		if got := (api.VariantUpdate{CC: &cc}).Validate(); len(got) != tc.want {
			t.Errorf("cc %q: %d violations (%v), want %d", tc.cc, len(got), got, tc.want)
		}
	}
	ok := string(make([]rune, api.MaxTextLength))
	if vs := (api.VariantUpdate{Subject: &ok}).Validate(); len(vs) != 0 {
		t.Errorf("400 characters refused: %v", vs)
	}
}

func TestParseVariantUpdate(t *testing.T) {
	u, vs := api.ParseVariantUpdate([]byte(`{"subject":"S","cc":["a@acme.com"],"plainText":false}`))
	if len(vs) != 0 || *u.Subject != "S" || len(*u.CC) != 1 || *u.PlainText {
		t.Fatalf("u = %+v, vs = %v", u, vs)
	}
	for body, want := range map[string]string{
		`{"subject":3}`:        "Match error: Expected string, got number",
		`{"message":null}`:     "Match error: Expected string, got null",
		`{"cc":"a@acme.com"}`:  "Match error: Expected array, got string",
		`{"cc":[1]}`:           "Match error: Expected string, got number in field cc",
		`{"plainText":"true"}`: "Match error: Expected boolean, got string",
		`{"type":"email"}`:     "Match error: Unknown key in field type",
		`[1]`:                  "The body must be a JSON object.",
	} {
		_, vs := api.ParseVariantUpdate([]byte(body))
		if len(vs) != 1 || vs[0].Message != want {
			t.Errorf("%s: %v, want %q", body, vs, want)
		}
	}
}

func TestVariantConflicts(t *testing.T) {
	loaded := demoB()
	current := loaded.Clone()
	current.Subject = "Theirs"
	mine := "Mine"
	if cs := api.VariantConflicts(loaded, current, api.VariantUpdate{Subject: &mine}); len(cs) != 1 || cs[0].Loaded != "Hi" {
		t.Errorf("conflicts = %+v", cs)
	}
	if cs := api.VariantConflicts(loaded, current, api.VariantUpdate{Message: &mine}); len(cs) != 0 {
		t.Errorf("a field the update leaves alone conflicts: %+v", cs)
	}
	same := "Theirs"
	if cs := api.VariantConflicts(loaded, current, api.VariantUpdate{Subject: &same}); len(cs) != 0 {
		t.Errorf("the user's own value conflicts: %+v", cs)
	}
}

// A field lemlist already has the user's value for is no conflict, for B's
// switch and copies too, whichever way their absence is written.
func TestVariantConflictsIgnoreTheUsersOwnValue(t *testing.T) {
	loaded := api.ABVariant{StepID: "stp_1", PlainText: true, CC: []string{"a@b.co"}}
	current := api.ABVariant{StepID: "stp_1"}
	off, none := false, []string{}
	if cs := api.VariantConflicts(loaded, current, api.VariantUpdate{PlainText: &off, CC: &none}); len(cs) != 0 {
		t.Fatalf("conflicts = %+v, want none: lemlist already has the user's values", cs)
	}
	on := true
	cs := api.VariantConflicts(api.ABVariant{StepID: "stp_1"}, api.ABVariant{StepID: "stp_1", CC: []string{"x@y.co"}},
		api.VariantUpdate{PlainText: &on, CC: &[]string{"me@y.co"}})
	if len(cs) != 1 || cs[0].Field != api.FieldCC {
		t.Fatalf("conflicts = %+v, want cc alone", cs)
	}
	if !api.VariantFieldEqual(api.ABVariant{CC: nil}, api.ABVariant{CC: []string{}}, api.FieldCC) {
		t.Error("no copies and an empty list of copies differ")
	}
}
