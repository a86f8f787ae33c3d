package api

import (
	"encoding/json"
	"slices"
)

// StepUpdate is the body of PATCH /sequences/{sequenceId}/steps/{stepId}:
// `type` plus only the fields that are set. A nil pointer is an absent field.
// Images and Videos distinguish absent (nil) from "clear them" (a pointer to
// an empty list, sent as []).
type StepUpdate struct {
	Type               StepType  `json:"type"`
	Subject            *string   `json:"subject,omitempty"`
	Title              *string   `json:"title,omitempty"`
	Message            *string   `json:"message,omitempty"`
	AltMessage         *string   `json:"altMessage,omitempty"`
	Method             *string   `json:"method,omitempty"`
	URL                *string   `json:"url,omitempty"`
	Delay              *int      `json:"delay,omitempty"`
	DelayType          *string   `json:"delayType,omitempty"`
	ConditionKey       *string   `json:"conditionKey,omitempty"`
	CampaignID         *string   `json:"campaignId,omitempty"`
	Images             *[]string `json:"images,omitempty"`
	Videos             *[]string `json:"videos,omitempty"`
	SkillName          *string   `json:"skillName,omitempty"`
	EndorseAnyFallback *bool     `json:"endorseAnyFallback,omitempty"`
	RecordMode         *string   `json:"recordMode,omitempty"`
}

// MarshalJSON writes the body, sending a cleared media list as [] (never null).
func (u StepUpdate) MarshalJSON() ([]byte, error) {
	type plain StepUpdate
	p := plain(u)
	p.Images = nonNilList(u.Images)
	p.Videos = nonNilList(u.Videos)
	return json.Marshal(p)
}

func nonNilList(l *[]string) *[]string {
	if l == nil || *l != nil {
		return l
	}
	empty := []string{}
	return &empty
}

// Fields lists the fields the update sets, `type` excluded, in the order of
// the body.
func (u StepUpdate) Fields() []Field {
	var fs []Field
	for _, f := range bodyOrder {
		if u.Has(f) {
			fs = append(fs, f)
		}
	}
	return fs
}

// Empty reports whether the update changes nothing.
func (u StepUpdate) Empty() bool { return len(u.Fields()) == 0 }

var bodyOrder = []Field{
	FieldSubject, FieldTitle, FieldMessage, FieldAltMessage, FieldMethod,
	FieldURL, FieldDelay, FieldDelayType, FieldConditionKey, FieldCampaignID,
	FieldImages, FieldVideos, FieldSkillName, FieldEndorseAnyFallback, FieldRecordMode,
}

// Has reports whether the update sets field f.
func (u StepUpdate) Has(f Field) bool {
	switch f {
	case FieldType:
		return u.Type != ""
	case FieldDelay:
		return u.Delay != nil
	case FieldImages:
		return u.Images != nil
	case FieldVideos:
		return u.Videos != nil
	case FieldEndorseAnyFallback:
		return u.EndorseAnyFallback != nil
	}
	p := stringField(&u, f)
	return p != nil && *p != nil
}

// Apply returns a copy of step with the update's fields set, as lemlist
// stores them: a conditional step keeps conditionKey, delayType and delay in
// its "yes" condition.
func (u StepUpdate) Apply(step Step) Step {
	s := CloneStep(step)
	setString(&s.Subject, u.Subject)
	setString(&s.Title, u.Title)
	setString(&s.Message, u.Message)
	setString(&s.AltMessage, u.AltMessage)
	setString(&s.Method, u.Method)
	setString(&s.URL, u.URL)
	setString(&s.CampaignID, u.CampaignID)
	setString(&s.SkillName, u.SkillName)
	setString(&s.RecordMode, u.RecordMode)
	if u.Images != nil {
		s.Images = slices.Clone(*u.Images)
	}
	if u.Videos != nil {
		s.Videos = slices.Clone(*u.Videos)
	}
	if u.EndorseAnyFallback != nil {
		v := *u.EndorseAnyFallback
		s.EndorseAnyFallback = &v
	}
	for _, f := range u.Fields() {
		delete(s.Unreadable, string(f)) // the update's value replaces what could not be read
	}
	if s.Type == Conditional {
		applyCondition(&s, u)
		return s
	}
	if u.Delay != nil {
		d := *u.Delay
		s.Delay = &d
	}
	return s
}

func applyCondition(s *Step, u StepUpdate) {
	if u.ConditionKey == nil && u.DelayType == nil && u.Delay == nil {
		return
	}
	yes, _ := s.Branches()
	if yes == nil {
		s.Conditions = append(s.Conditions, Condition{})
		yes = &s.Conditions[len(s.Conditions)-1]
	}
	if u.ConditionKey != nil {
		yes.Key = *u.ConditionKey
		yes.Label = ChoiceLabel(ConditionKeys, yes.Key)
	}
	setString(&yes.DelayType, u.DelayType)
	if u.Delay != nil {
		d := *u.Delay
		yes.Delay = &d
	}
}

func setString(dst *string, v *string) {
	if v != nil {
		*dst = *v
	}
}
