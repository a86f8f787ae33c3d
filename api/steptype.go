package api

import "fmt"

// StepType is the kind of a sequence step, as lemlist names it in the `type`
// field. The 17 supported values are the ones the Update Sequence Step
// endpoint accepts; anything else decodes fine but is not editable.
type StepType string

// The 17 step types of the Update Sequence Step endpoint, in the order of its
// "Supported Step Types" table.
const (
	Email                      StepType = "email"
	Manual                     StepType = "manual"
	Phone                      StepType = "phone"
	APICall                    StepType = "api"
	LinkedinVisit              StepType = "linkedinVisit"
	LinkedinInvite             StepType = "linkedinInvite"
	LinkedinSend               StepType = "linkedinSend"
	LinkedinVoiceNote          StepType = "linkedinVoiceNote"
	LinkedinFollow             StepType = "linkedinFollow"
	LinkedinLikeLastPost       StepType = "linkedinLikeLastPost"
	LinkedinCommentLastPost    StepType = "linkedinCommentLastPost"
	LinkedinEndorse            StepType = "linkedinEndorse"
	LinkedinWithdrawInvitation StepType = "linkedinWithdrawInvitation"
	SendToAnotherCampaign      StepType = "sendToAnotherCampaign"
	Conditional                StepType = "conditional"
	WhatsappMessage            StepType = "whatsappMessage"
	SMS                        StepType = "sms"
)

// StepTypes lists every supported step type in the seed table's order.
func StepTypes() []StepType {
	return []StepType{
		Email, Manual, Phone, APICall, LinkedinVisit, LinkedinInvite,
		LinkedinSend, LinkedinVoiceNote, LinkedinFollow, LinkedinLikeLastPost,
		LinkedinCommentLastPost, LinkedinEndorse, LinkedinWithdrawInvitation,
		SendToAnotherCampaign, Conditional, WhatsappMessage, SMS,
	}
}

// Supported reports whether lemstep knows how to edit this step type.
func (t StepType) Supported() bool {
	_, ok := editableFields[t]
	return ok
}

var stepTypeLabels = map[StepType]string{
	Email:                      "Email",
	Manual:                     "Manual task",
	Phone:                      "Phone call",
	APICall:                    "API call",
	LinkedinVisit:              "LinkedIn visit",
	LinkedinInvite:             "LinkedIn invite",
	LinkedinSend:               "LinkedIn message",
	LinkedinVoiceNote:          "LinkedIn voice note",
	LinkedinFollow:             "LinkedIn follow",
	LinkedinLikeLastPost:       "LinkedIn like last post",
	LinkedinCommentLastPost:    "LinkedIn comment last post",
	LinkedinEndorse:            "LinkedIn endorse",
	LinkedinWithdrawInvitation: "LinkedIn withdraw invite",
	SendToAnotherCampaign:      "Send to another campaign",
	Conditional:                "Condition",
	WhatsappMessage:            "WhatsApp message",
	SMS:                        "SMS",
}

// Label is the step type in plain words, for lists and headings.
func (t StepType) Label() string {
	if l, ok := stepTypeLabels[t]; ok {
		return l
	}
	return string(t) + " (unsupported)"
}

// IsEmail reports whether the step's message is HTML (only email steps are).
func (t StepType) IsEmail() bool { return t == Email }

// stepTypeNouns name each type in a sentence, article included: "step
// stp_1 is a LinkedIn visit, not an email".
var stepTypeNouns = map[StepType]string{
	Email:                      "an email",
	Manual:                     "a manual task",
	Phone:                      "a phone call",
	APICall:                    "an API call",
	LinkedinVisit:              "a LinkedIn visit",
	LinkedinInvite:             "a LinkedIn invite",
	LinkedinSend:               "a LinkedIn message",
	LinkedinVoiceNote:          "a LinkedIn voice note",
	LinkedinFollow:             "a LinkedIn follow",
	LinkedinLikeLastPost:       "a LinkedIn like of the last post",
	LinkedinCommentLastPost:    "a LinkedIn comment on the last post",
	LinkedinEndorse:            "a LinkedIn endorsement",
	LinkedinWithdrawInvitation: "a LinkedIn invite withdrawal",
	SendToAnotherCampaign:      "a move to another campaign",
	Conditional:                "a condition",
	WhatsappMessage:            "a WhatsApp message",
	SMS:                        "an SMS",
}

// Noun is the step type in a sentence, with its article: "a LinkedIn
// visit", "an email".
func (t StepType) Noun() string {
	if n, ok := stepTypeNouns[t]; ok {
		return n
	}
	return fmt.Sprintf("a %q step", string(t))
}
