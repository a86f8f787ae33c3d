package api

import "slices"

// StepValue returns the current value of field f on step s, as the update
// body would carry it: string, int, bool or []string. A conditional step's
// conditionKey, delayType and delay are read from its "yes" condition. ok is
// false when the step has no value for f.
func StepValue(s Step, f Field) (v any, ok bool) {
	if s.Type == Conditional {
		if v, ok, handled := conditionValue(s, f); handled {
			return v, ok
		}
	}
	switch f {
	case FieldType:
		return string(s.Type), s.Type != ""
	case FieldDelay:
		if s.Delay == nil {
			return nil, false
		}
		return *s.Delay, true
	case FieldImages:
		return slices.Clone(s.Images), s.Images != nil
	case FieldVideos:
		return slices.Clone(s.Videos), s.Videos != nil
	case FieldEndorseAnyFallback:
		if s.EndorseAnyFallback == nil {
			return nil, false
		}
		return *s.EndorseAnyFallback, true
	}
	if p := stepString(&s, f); p != nil {
		return *p, *p != ""
	}
	return nil, false
}

func conditionValue(s Step, f Field) (v any, ok, handled bool) {
	yes, _ := s.Branches()
	switch f {
	case FieldConditionKey:
		if yes == nil || yes.Key == "" {
			return nil, false, true
		}
		return yes.Key, true, true
	case FieldDelayType:
		if yes == nil || yes.DelayType == "" {
			return nil, false, true
		}
		return yes.DelayType, true, true
	case FieldDelay:
		if yes == nil || yes.Delay == nil {
			return nil, false, true
		}
		return *yes.Delay, true, true
	}
	return nil, false, false
}

func stepString(s *Step, f Field) *string {
	switch f {
	case FieldSubject:
		return &s.Subject
	case FieldTitle:
		return &s.Title
	case FieldMessage:
		return &s.Message
	case FieldAltMessage:
		return &s.AltMessage
	case FieldMethod:
		return &s.Method
	case FieldURL:
		return &s.URL
	case FieldCampaignID:
		return &s.CampaignID
	case FieldSkillName:
		return &s.SkillName
	case FieldRecordMode:
		return &s.RecordMode
	}
	return nil
}

// UpdateValue returns the value the update sets for field f (string, int,
// bool or []string); ok is false when the update leaves f alone.
func (u StepUpdate) UpdateValue(f Field) (v any, ok bool) {
	if !u.Has(f) {
		return nil, false
	}
	switch f {
	case FieldType:
		return string(u.Type), true
	case FieldDelay:
		return *u.Delay, true
	case FieldImages:
		return slices.Clone(*u.Images), true
	case FieldVideos:
		return slices.Clone(*u.Videos), true
	case FieldEndorseAnyFallback:
		return *u.EndorseAnyFallback, true
	}
	return **stringField(&u, f), true
}

// Set sets field f of the update to v, which must have the field's type
// (string, int, bool or []string); it reports whether v was accepted.
func (u *StepUpdate) Set(f Field, v any) bool {
	switch val := v.(type) {
	case int:
		if f != FieldDelay {
			return false
		}
		u.Delay = &val
	case bool:
		if f != FieldEndorseAnyFallback {
			return false
		}
		u.EndorseAnyFallback = &val
	case []string:
		l := slices.Clone(val)
		if l == nil {
			l = []string{}
		}
		switch f {
		case FieldImages:
			u.Images = &l
		case FieldVideos:
			u.Videos = &l
		default:
			return false
		}
	case string:
		p := stringField(u, f)
		if p == nil {
			return false
		}
		*p = &val
	default:
		return false
	}
	return true
}
