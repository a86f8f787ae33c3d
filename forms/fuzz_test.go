package forms

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"lemstep/api"
)

// FuzzChanges puts arbitrary text in every widget of a random step type, as
// typing or a pasted draft could, and checks that Changes and Problems never
// panic and that any body Changes builds survives the api's strict parser
// with its type and fields intact.
func FuzzChanges(f *testing.F) {
	f.Add(uint8(0), "subject", "message", "3", "https://c.example/a.png", true)
	f.Add(uint8(3), "GET", "ftp://x", "-1", "", false)
	f.Add(uint8(5), "\x1b[2J", "a\r\nb", "1501", "http://x\n\nhttps://y.example/v.mov", true)
	f.Add(uint8(13), "cam_old", "", "007", "\t", false)
	f.Add(uint8(14), "emailsOpened", "waitUntil", "99999999999999999999", " ", true)
	f.Fuzz(func(t *testing.T, typeIndex uint8, a, b, days, links string, flag bool) {
		types := api.StepTypes()
		st := types[int(typeIndex)%len(types)]
		form := New(sampleStep(st), testOptions(80))
		texts := []string{a, b}
		for i, bd := range form.bindings {
			switch bd.spec.kind {
			case kindYesNo:
				bd.flag = flag
			case kindDays:
				bd.current = days
			case kindMedia:
				bd.current = links
			default:
				bd.current = texts[i%2]
			}
		}
		_ = form.Problems()
		_ = form.View()
		u, err := form.Changes()
		if errors.Is(err, api.ErrNoChange) {
			return
		}
		if err != nil {
			t.Fatalf("Changes: %v", err)
		}
		body, err := json.Marshal(u)
		if err != nil {
			t.Fatal(err)
		}
		parsed, vs := api.ParseStepUpdate(body)
		if len(vs) > 0 {
			t.Fatalf("body %s does not parse: %v", body, vs)
		}
		if parsed.Type != st || !slices.Equal(parsed.Fields(), u.Fields()) {
			t.Fatalf("round trip changed the body: %s -> %+v", body, parsed)
		}
		for _, fld := range u.Fields() {
			if !api.CanEdit(st, fld) {
				t.Fatalf("a %s body carries %s", st, fld)
			}
			want, _ := u.UpdateValue(fld)
			got, _ := parsed.UpdateValue(fld)
			if !api.ValuesEqual(want, true, got, true) {
				t.Fatalf("%s: sent %#v, read back %#v", fld, want, got)
			}
		}
		if tv := parsed.Validate(api.Target{Type: st}).For(api.FieldType); len(tv) > 0 {
			t.Fatalf("type check: %v", tv)
		}
	})
}
