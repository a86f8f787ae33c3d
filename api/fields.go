package api

import "slices"

// Field names a field of the Update Sequence Step body.
type Field string

// The fields of the Update Sequence Step body.
const (
	FieldType               Field = "type"
	FieldSubject            Field = "subject"
	FieldMessage            Field = "message"
	FieldAltMessage         Field = "altMessage"
	FieldTitle              Field = "title"
	FieldMethod             Field = "method"
	FieldURL                Field = "url"
	FieldDelay              Field = "delay"
	FieldDelayType          Field = "delayType"
	FieldConditionKey       Field = "conditionKey"
	FieldCampaignID         Field = "campaignId"
	FieldImages             Field = "images"
	FieldVideos             Field = "videos"
	FieldSkillName          Field = "skillName"
	FieldEndorseAnyFallback Field = "endorseAnyFallback"
	FieldRecordMode         Field = "recordMode"
)

// editableFields is the seed page's "Supported Step Types" table: what each
// step type may change, in the table's order. It is the one source of truth
// for the client's pre-flight check, the sandbox and the forms.
var editableFields = map[StepType][]Field{
	Email:                      {FieldSubject, FieldMessage, FieldDelay},
	Manual:                     {FieldTitle, FieldMessage, FieldDelay},
	Phone:                      {FieldMessage, FieldDelay},
	APICall:                    {FieldMethod, FieldURL, FieldDelay},
	LinkedinVisit:              {FieldDelay},
	LinkedinInvite:             {FieldMessage, FieldImages, FieldVideos, FieldDelay},
	LinkedinSend:               {FieldMessage, FieldAltMessage, FieldImages, FieldVideos, FieldDelay},
	LinkedinVoiceNote:          {FieldDelay, FieldRecordMode},
	LinkedinFollow:             {FieldDelay},
	LinkedinLikeLastPost:       {FieldDelay},
	LinkedinCommentLastPost:    {FieldDelay},
	LinkedinEndorse:            {FieldDelay, FieldSkillName, FieldEndorseAnyFallback},
	LinkedinWithdrawInvitation: {FieldDelay},
	SendToAnotherCampaign:      {FieldCampaignID},
	Conditional:                {FieldConditionKey, FieldDelayType, FieldDelay},
	WhatsappMessage:            {FieldMessage, FieldDelay},
	SMS:                        {FieldMessage, FieldDelay},
}

// EditableFields returns the fields a step of type t may change, in the seed
// table's order; nil for an unsupported type.
func EditableFields(t StepType) []Field {
	return slices.Clone(editableFields[t])
}

// CanEdit reports whether a step of type t may change field f.
func CanEdit(t StepType, f Field) bool {
	return slices.Contains(editableFields[t], f)
}

// Limits the endpoint enforces.
const (
	MaxTextLength = 400  // subject and title, counted in characters of the raw template
	MaxDelay      = 1500 // days
	MaxMedia      = 6    // images and videos together
)

// LinkedInInviteNoteLimit is LinkedIn's limit on an invitation note
// (REFERENCE §12.2). lemlist does not enforce it, so it is a warning and a
// live counter, never a refusal.
const LinkedInInviteNoteLimit = 300
