package api_test

import (
	"reflect"
	"testing"

	"lemstep/api"
)

// A clone shares nothing with its original: changing every slice, map and
// pointer of the copy leaves the original as it was.
func TestCloneStepSharesNothing(t *testing.T) {
	delay, threshold, fallback := 3, 80.0, true
	orig := api.Step{
		ID: "stp_1", Type: api.Conditional, Delay: &delay, EndorseAnyFallback: &fallback,
		Images: []string{"https://a.example/1.png"}, Videos: []string{"https://a.example/1.mp4"},
		Conditions: []api.Condition{{SequenceID: "seq_hot", Key: "hasScore", Delay: &delay,
			ScoreThreshold: &threshold, CustomValues: []string{"SaaS"}}},
	}
	want := api.CloneStep(orig)
	c := api.CloneStep(orig)
	*c.Delay, *c.EndorseAnyFallback = 9, false
	c.Images[0], c.Videos[0] = "x", "x"
	*c.Conditions[0].Delay, *c.Conditions[0].ScoreThreshold = 9, 9
	c.Conditions[0].CustomValues[0] = "x"
	if !reflect.DeepEqual(orig, want) {
		t.Errorf("changing the clone changed the original:\n%+v\nwant\n%+v", orig, want)
	}
}
