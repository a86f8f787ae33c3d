package sandbox

import (
	"encoding/json"
	"fmt"
	"sort"

	"lemstep/api"
)

// GenerateOddWorkspace is GenerateWorkspace with the shapes lemlist's GET
// answers are not documented to avoid (see WithOddShapes), for trying a
// client against a workspace that is real in the ways that break clients.
func GenerateOddWorkspace(campaigns, stepsPerSequence int, seed int64) *Workspace {
	ws := GenerateWorkspace(campaigns, stepsPerSequence, seed)
	ws.WithOddShapes()
	return ws
}

// WithOddShapes makes some steps of every campaign answer GET in shapes the
// docs leave open: LinkedIn media as objects {url, name} (every LinkedIn
// invite and message gets one image), every third step's delay as a string
// ("2"), email steps with an unknown field and, every other one, abTest as
// an object; endorseAnyFallback as the string "true". A step holds its value
// as usual; the odd form is kept in the step's Unreadable map, which the
// step's JSON writes in place of the field, until an update sets the field.
func (ws *Workspace) WithOddShapes() {
	for _, campID := range sortedCampaignIDs(ws) {
		seqs := ws.Sequences[campID]
		n := 0
		for _, seqID := range sortedSequenceIDs(seqs) {
			q := seqs[seqID]
			for i := range q.Steps {
				oddStep(&q.Steps[i], n)
				n++
			}
			seqs[seqID] = q
		}
	}
}

func oddStep(st *api.Step, n int) {
	set := func(field string, v any) {
		raw, err := json.Marshal(v)
		if err != nil {
			panic(fmt.Sprintf("sandbox: odd value of %s: %v", field, err)) // values below are plain data
		}
		if st.Unreadable == nil {
			st.Unreadable = map[string]json.RawMessage{}
		}
		st.Unreadable[field] = raw
	}
	switch st.Type {
	case api.LinkedinInvite, api.LinkedinSend:
		url := fmt.Sprintf("https://media.generated.example/img/%s.png", st.ID)
		st.Images = []string{url}
		set("images", []map[string]any{{"url": url, "name": st.ID + ".png", "size": 48213}})
	case api.Email:
		if st.Extra == nil {
			st.Extra = map[string]json.RawMessage{}
		}
		st.Extra["openTracking"] = json.RawMessage("true")
		if n%2 == 0 {
			set("abTest", map[string]string{"variant": "A"})
		}
	case api.LinkedinEndorse:
		b := true
		st.EndorseAnyFallback = &b
		set("endorseAnyFallback", "true")
	}
	if n%3 == 2 && st.Delay != nil {
		set("delay", fmt.Sprint(*st.Delay))
	}
}

func sortedCampaignIDs(ws *Workspace) []string {
	ids := make([]string, 0, len(ws.Sequences))
	for id := range ws.Sequences {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func sortedSequenceIDs(seqs api.Sequences) []string {
	ids := make([]string, 0, len(seqs))
	for id := range seqs {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
