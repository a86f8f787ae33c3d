package api_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"lemstep/api"
)

// loadSequences decodes a captured GET /campaigns/{id}/sequences answer.
func loadSequences(t *testing.T, name string) api.Sequences {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", "sequences", name))
	if err != nil {
		t.Fatal(err)
	}
	var seqs api.Sequences
	if err := json.Unmarshal(data, &seqs); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return seqs
}

func mustStep(t *testing.T, seqs api.Sequences, id string) api.Step {
	t.Helper()
	st, ok := seqs.FindStep(id)
	if !ok {
		t.Fatalf("step %s not found", id)
	}
	return st
}

func TestOddShapesLoadEveryStep(t *testing.T) {
	seqs := loadSequences(t, "odd_shapes.json")
	main := seqs["seq_oddMainAaaaaaaaaa"]
	if len(main.Steps) != 8 {
		t.Fatalf("%d steps read, want all 8", len(main.Steps))
	}
	if string(main.Extra["createdAt"]) != `"2026-05-02T08:31:17.402Z"` {
		t.Errorf("unknown sequence field not kept: %v", main.Extra)
	}

	media := mustStep(t, seqs, "stp_mediaObjectsAaaaa")
	wantImages := []string{"https://media.lemlist.example/img/pricing.png", "https://media.lemlist.example/img/team.jpg"}
	if !reflect.DeepEqual(media.Images, wantImages) || !reflect.DeepEqual(media.Videos, []string{"https://media.lemlist.example/vid/demo.mp4"}) {
		t.Errorf("media objects read as %q / %q, want their URLs", media.Images, media.Videos)
	}
	if media.HasUnreadable() || len(api.LockedFields(media)) != 0 {
		t.Errorf("media given as objects with a url are readable and editable: %v", api.LockedFields(media))
	}

	str := mustStep(t, seqs, "stp_stringDelayAaaaaa")
	if str.Delay == nil || *str.Delay != 2 || str.Index != 2 || str.Subject != "Quick question about {{companyName}}" {
		t.Errorf("string delay step = delay %v index %d subject %q", str.Delay, str.Index, str.Subject)
	}
	if _, odd := str.Unreadable["abTest"]; !odd || str.ABTest.Active() {
		t.Errorf("abTest 1 should be kept raw and not read: %v %+v", str.Unreadable, str.ABTest)
	}
	if string(str.Extra["openTracking"]) != "true" {
		t.Errorf("unknown field not kept: %v", str.Extra)
	}
	if got := api.EditableFieldsOf(str); !reflect.DeepEqual(got, []api.Field{api.FieldSubject, api.FieldMessage, api.FieldDelay}) {
		t.Errorf("an odd abTest must not lock the step's fields: %v", got)
	}

	ab := mustStep(t, seqs, "stp_abTestObjectAaaaa")
	if _, odd := ab.Unreadable["abTest"]; !odd || ab.Subject != "Following up" || ab.EmailTemplateBID != "etp_abTestObjectBbbbb" {
		t.Errorf("abTest object: %+v", ab)
	}

	endorse := mustStep(t, seqs, "stp_endorseStringAaaa")
	if endorse.EndorseAnyFallback != nil || endorse.SkillName != "Pricing" {
		t.Errorf("endorseAnyFallback %q read as %v", "sometimes", endorse.EndorseAnyFallback)
	}
	if why := api.LockedFields(endorse)[api.FieldEndorseAnyFallback]; !strings.Contains(why, "endorseAnyFallback arrived in a form lemstep does not know; this field is read-only") {
		t.Errorf("lock reason = %q", why)
	}
	if got := api.EditableFieldsOf(endorse); !reflect.DeepEqual(got, []api.Field{api.FieldDelay, api.FieldSkillName}) {
		t.Errorf("editable = %v, want delay and skillName", got)
	}

	send := mustStep(t, seqs, "stp_mediaUnknownAaaaa")
	if send.Message != "Thanks for connecting!" || send.Images != nil || send.Videos != nil {
		t.Errorf("media of unknown shapes: %+v", send)
	}
	notices := strings.Join(api.UnreadableNotices(send), "\n")
	for _, want := range []string{"images arrived in a form lemstep does not know; this field is read-only.", "videos arrived in a form"} {
		if !strings.Contains(notices, want) {
			t.Errorf("notices %q lack %q", notices, want)
		}
	}

	unknown := mustStep(t, seqs, "stp_unknownTypeAaaaaa")
	if unknown.Supported() || unknown.Delay == nil || *unknown.Delay != 1 || len(unknown.Extra) != 2 {
		t.Errorf("unknown type step: %+v", unknown)
	}

	sms := mustStep(t, seqs, "stp_delayOddAaaaaaaaa")
	if sms.Delay != nil || sms.Message == "" || sms.EndorseAnyFallback != nil {
		t.Errorf("unreadable delay: %+v", sms)
	}
	if got := api.EditableFieldsOf(sms); !reflect.DeepEqual(got, []api.Field{api.FieldMessage}) {
		t.Errorf("editable = %v, want message only", got)
	}

	whole := main.Steps[7]
	if whole.Supported() || len(api.UnreadableNotices(whole)) != 1 || !strings.Contains(api.UnreadableNotices(whole)[0], "This step arrived in a form") {
		t.Errorf("a step that is not an object: %+v %q", whole, api.UnreadableNotices(whole))
	}
}

// What lemstep could not read goes back out as it came: `steps --json`
// shows the step whole, and a step stored and read again keeps it.
func TestOddShapesRoundTrip(t *testing.T) {
	seqs := loadSequences(t, "odd_shapes.json")
	out, err := json.Marshal(seqs)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"abTest":1`, `"openTracking":true`, `"endorseAnyFallback":"sometimes"`,
		`"images":"https://media.lemlist.example/img/one.png"`, `"videos":[{"id":"vid_1","duration":12}]`,
		`"delay":"two"`, `"question":"Which plan?"`, `"createdAt":"2026-05-02T08:31:17.402Z"`,
		`"abTest":{"variant":"A","startedAt":"2026-05-03T10:00:00.000Z"}`,
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("re-encoded answer lacks %s", want)
		}
	}
	var again api.Sequences
	if err := json.Unmarshal(out, &again); err != nil {
		t.Fatal(err)
	}
	out2, err := json.Marshal(again)
	if err != nil || string(out2) != string(out) {
		t.Errorf("a second round trip changed the answer:\n%s\n%s", out, out2)
	}
	// A field that could not be read is written once, as it came.
	sms, _ := json.Marshal(mustStep(t, seqs, "stp_delayOddAaaaaaaaa"))
	if n := strings.Count(string(sms), `"delay"`); n != 1 {
		t.Errorf("delay written %d times: %s", n, sms)
	}
}

func TestMultiBranchConditionsDecode(t *testing.T) {
	seqs := loadSequences(t, "multi_branch.json")
	cond := mustStep(t, seqs, "stp_scoreCondAaaaaaaa")
	if len(cond.Conditions) != 4 || len(cond.BranchConditions()) != 3 {
		t.Fatalf("conditions = %+v", cond.Conditions)
	}
	warm := cond.Conditions[1]
	if warm.Label != "Warm" || warm.ScoreComparator != "gte" || warm.ScoreThreshold == nil || *warm.ScoreThreshold != 40 {
		t.Errorf("warm branch = %+v", warm)
	}
	cold := cond.Conditions[2]
	if cold.Name != "Cold leads" || string(cold.Extra["selector"]) != `{"any": true}` {
		t.Errorf("cold branch = %+v", cold)
	}
	if !cond.Conditions[3].Fallback {
		t.Error("fallback entry not read")
	}
	industry := mustStep(t, seqs, "stp_industryCondAaaaa")
	if _, fb := industry.Branches(); fb == nil || fb.SequenceID != "seq_industryElseAaaaa" {
		t.Errorf(`"fallback": "true" not read as the else: %+v`, industry.Conditions)
	}
	if got := industry.Conditions[0].CustomValues; !reflect.DeepEqual(got, []string{"SaaS", "Fintech"}) {
		t.Errorf("customValues = %q", got)
	}
}

func TestSequencesAnswerMustBeAnObject(t *testing.T) {
	for _, body := range []string{`[]`, `"x"`, `3`, `true`} {
		var seqs api.Sequences
		if err := json.Unmarshal([]byte(body), &seqs); err == nil {
			t.Errorf("%s decoded as sequences", body)
		}
	}
	var seqs api.Sequences
	if err := json.Unmarshal([]byte(`{"seq_a":{"level":"0","steps":"none"},"seq_b":5}`), &seqs); err != nil {
		t.Fatal(err)
	}
	if seqs["seq_a"].ID != "seq_a" || string(seqs["seq_a"].Unreadable["steps"]) != `"none"` || seqs["seq_b"].ID != "seq_b" {
		t.Errorf("lenient entries = %+v", seqs)
	}
	if api.MainSequenceID(seqs) != "seq_a" {
		t.Errorf("main = %q; an entry that is not an object cannot be the main sequence", api.MainSequenceID(seqs))
	}
}
