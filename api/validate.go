package api

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"
)

// Violation is one reason the endpoint would refuse an update, with the field
// it concerns and a sentence a copywriter understands.
type Violation struct {
	Field   Field  `json:"field"`
	Message string `json:"message"`
}

// Violations is every reason an update would be refused. It is an error when
// not empty.
type Violations []Violation

func (vs Violations) Error() string {
	msgs := make([]string, len(vs))
	for i, v := range vs {
		msgs[i] = v.Message
	}
	return strings.Join(msgs, "\n")
}

// For returns the violations about field f.
func (vs Violations) For(f Field) Violations {
	var out Violations
	for _, v := range vs {
		if v.Field == f {
			out = append(out, v)
		}
	}
	return out
}

func (vs *Violations) add(f Field, format string, args ...any) {
	*vs = append(*vs, Violation{Field: f, Message: fmt.Sprintf(format, args...)})
}

// CampaignLookup finds a campaign of the team by id.
type CampaignLookup func(id string) (Campaign, bool)

// Target describes what an update is checked against: the step's current type
// ("" when unknown to the caller), the team's campaigns (nil when unknown)
// and the step the update applies to (nil when unknown), whose media list
// counts with the one an update changes.
type Target struct {
	Type      StepType
	Campaigns CampaignLookup
	Base      *Step
}

// Validate returns every reason PATCH /sequences/{id}/steps/{id} would refuse
// u, in the order lemlist checks them. It is nil when u is acceptable.
func (u StepUpdate) Validate(t Target) Violations {
	var vs Violations
	if !checkType(u.Type, t.Type, &vs) {
		return vs
	}
	for _, f := range u.Fields() {
		if !CanEdit(u.Type, f) {
			vs.add(f, "%s", notEditable(u.Type, f))
		}
	}
	checkTexts(u, &vs)
	checkChoices(u, &vs)
	checkDelay(u, &vs)
	checkURL(u.URL, &vs)
	checkMedia(u, t.Base, &vs)
	checkCampaign(u.CampaignID, t.Campaigns, &vs)
	return vs
}

// checkType reports whether the per-field checks can go on.
func checkType(sent, current StepType, vs *Violations) bool {
	switch {
	case sent == "":
		vs.add(FieldType, "The step type is missing: send \"type\" with the step's current type.")
		return false
	case !sent.Supported():
		vs.add(FieldType, "%q is not a step type lemlist knows.", sent)
		return false
	case current != "" && sent != current:
		vs.add(FieldType, "This is a %s step and its type cannot change to %s; delete it and add a new step instead.", current, sent)
		return false
	}
	return true
}

func notEditable(t StepType, f Field) string {
	if t == SendToAnotherCampaign && f == FieldDelay {
		return "A step that sends the lead to another campaign has no delay; only its campaign can change."
	}
	names := make([]string, 0, len(editableFields[t]))
	for _, e := range editableFields[t] {
		names = append(names, string(e))
	}
	return fmt.Sprintf("A %s step has no %s to change; it can change %s.", t, f, JoinAnd(names))
}

// JoinAnd lists words as a sentence does: "subject, message and delay";
// "nothing" when there are none.
func JoinAnd(words []string) string {
	switch len(words) {
	case 0:
		return "nothing"
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

func checkTexts(u StepUpdate, vs *Violations) {
	for _, t := range []struct {
		field Field
		value *string
		name  string
	}{{FieldSubject, u.Subject, "subject"}, {FieldTitle, u.Title, "title"}} {
		if t.value == nil {
			continue
		}
		if n := utf8.RuneCountInString(*t.value); n > MaxTextLength {
			vs.add(t.field, "The %s is %d characters long; lemlist allows at most %d, Liquid tags included.", t.name, n, MaxTextLength)
		}
	}
}

func checkChoices(u StepUpdate, vs *Violations) {
	for _, c := range []struct {
		field   Field
		value   *string
		choices []Choice
		what    string
	}{
		{FieldMethod, u.Method, Methods, "an HTTP method"},
		{FieldDelayType, u.DelayType, DelayTypes, "a delay type"},
		{FieldConditionKey, u.ConditionKey, ConditionKeys, "a condition"},
		{FieldRecordMode, u.RecordMode, RecordModes, "a record mode"},
	} {
		if c.value == nil || IsChoice(c.choices, *c.value) {
			continue
		}
		values := make([]string, len(c.choices))
		for i, ch := range c.choices {
			values[i] = ch.Value
		}
		vs.add(c.field, "%q is not %s lemlist accepts; use one of %s.", *c.value, c.what, JoinOr(values))
	}
}

// JoinOr offers words as a choice: "GET, POST or PUT"; "" when there are
// none.
func JoinOr(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

func checkDelay(u StepUpdate, vs *Violations) {
	if u.Delay == nil || u.Type == SendToAnotherCampaign {
		return
	}
	if msg := DelayProblem(*u.Delay); msg != "" {
		vs.add(FieldDelay, "%s", msg)
	}
}

// DelayProblem explains why d days is not an acceptable delay, or returns "".
func DelayProblem(d int) string {
	switch {
	case d < 0:
		return fmt.Sprintf("The delay is %d days; it cannot be negative.", d)
	case d > MaxDelay:
		return fmt.Sprintf("Delay between the steps can't be greater than %d days (it is %d).", MaxDelay, d)
	}
	return ""
}

func checkURL(u *string, vs *Violations) {
	if u == nil {
		return
	}
	if msg := URLProblem(*u); msg != "" {
		vs.add(FieldURL, "%s", msg)
	}
}

// URLProblem explains why s is not an absolute http(s) URL, or returns "".
func URLProblem(s string) string {
	p, err := url.Parse(s)
	if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
		return fmt.Sprintf("The URL must be an absolute address starting with http:// or https://; %q is not.", s)
	}
	return ""
}

// checkMedia checks each link the update carries, and the count of images
// and videos together: a list the update leaves alone counts as the base
// step holds it, since lemlist keeps it. The count is filed under the
// images unless the update carries only the videos.
func checkMedia(u StepUpdate, base *Step, vs *Violations) {
	total := 0
	for _, m := range []struct {
		field Field
		list  *[]string
		kept  []string
		noun  string
	}{{FieldImages, u.Images, baseMedia(base, FieldImages), "Image"}, {FieldVideos, u.Videos, baseMedia(base, FieldVideos), "Video"}} {
		if m.list == nil {
			total += len(m.kept)
			continue
		}
		total += len(*m.list)
		for i, link := range *m.list {
			if msg := MediaURLProblem(link); msg != "" {
				vs.add(m.field, "%s %d: %s", m.noun, i+1, msg)
			}
		}
	}
	if (u.Images != nil || u.Videos != nil) && total > MaxMedia {
		f := FieldImages
		if u.Images == nil {
			f = FieldVideos
		}
		vs.add(f, "A step can carry at most %d images and videos together; this update has %d.", MaxMedia, total)
	}
}

// baseMedia is the media list f of base, nil when base is unknown or its
// type has no such list.
func baseMedia(base *Step, f Field) []string {
	if base == nil || !CanEdit(base.Type, f) {
		return nil
	}
	v, _ := StepValue(*base, f)
	l, _ := v.([]string)
	return l
}

// MediaURLProblem explains why s cannot be a LinkedIn attachment, or returns "".
func MediaURLProblem(s string) string {
	p, err := url.Parse(s)
	if err != nil || p.Scheme != "https" || p.Host == "" {
		return fmt.Sprintf("attachments must be public https:// addresses; %q is not.", s)
	}
	return ""
}

func checkCampaign(id *string, lookup CampaignLookup, vs *Violations) {
	if id == nil {
		return
	}
	if *id == "" {
		vs.add(FieldCampaignID, "Pick the campaign to send the lead to.")
		return
	}
	if lookup == nil {
		return
	}
	c, ok := lookup(*id)
	switch {
	case !ok:
		vs.add(FieldCampaignID, "There is no campaign with id %q in this team.", *id)
	case c.IsArchived():
		vs.add(FieldCampaignID, "The campaign %q is archived; pick one that is not.", c.Name)
	}
}
