package api

// Choice is one allowed value of an enumerated field with its plain-words label.
type Choice struct {
	Value string
	Label string
}

// ConditionKeys are the 13 `conditionKey` values of a conditional step, with
// the words a copywriter would use for them.
var ConditionKeys = []Choice{
	{"hasEmailAddress", "Has an email address"},
	{"hasLinkedinUrl", "Has a LinkedIn URL"},
	{"hasPhoneNumber", "Has a phone number"},
	{"hasScore", "Has a score"},
	{"emailsOpened", "Opened an email"},
	{"emailsClicked", "Clicked a link in an email"},
	{"emailsUnsubscribed", "Unsubscribed"},
	{"meetingBooked", "Booked a meeting"},
	{"linkedinInviteAccepted", "Accepted the LinkedIn invite"},
	{"linkedinOpened", "Opened the LinkedIn message"},
	{"aircallDone", "Had an Aircall call"},
	{"linkedinNetworkCheck", "Is in your LinkedIn network"},
	{"hasWhatsappAccount", "Has a WhatsApp account"},
}

// DelayTypes are the `delayType` values of a conditional step.
var DelayTypes = []Choice{
	{"within", "Check within the delay"},
	{"waitUntil", "Wait until it happens"},
}

// Methods are the HTTP methods an `api` step may use.
var Methods = []Choice{
	{"GET", "GET"},
	{"POST", "POST"},
	{"PUT", "PUT"},
	{"DELETE", "DELETE"},
	{"PATCH", "PATCH"},
}

// RecordModes are the `recordMode` values of a LinkedIn voice note.
var RecordModes = []Choice{
	{"manual", "Recorded by you in lemlist"},
	{"ai", "AI-generated from a template"},
}

// CampaignStatuses are the values of a campaign's `status`.
var CampaignStatuses = []Choice{
	{"draft", "Draft"},
	{"running", "In progress"},
	{"paused", "Paused"},
	{"ended", "Completed"},
	{"errors", "In error"},
	{"archived", "Archived"},
}

// ChoiceLabel returns the label of value among choices, or value itself.
func ChoiceLabel(choices []Choice, value string) string {
	for _, c := range choices {
		if c.Value == value {
			return c.Label
		}
	}
	return value
}

// IsChoice reports whether value is one of choices.
func IsChoice(choices []Choice, value string) bool {
	for _, c := range choices {
		if c.Value == value {
			return true
		}
	}
	return false
}
