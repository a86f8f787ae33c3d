package api

import "strings"

// ShownStatus is the status a person is shown for the campaign: archived
// when lemlist marks it archived in either way, else its status. It is an
// API word (see CampaignStatuses); StatusLabel is how screens and tables
// say it.
func (c Campaign) ShownStatus() string {
	if c.IsArchived() {
		return "archived"
	}
	return c.Status
}

// StatusLabel is the campaign's status as lemlist's app says it ("In
// progress" for running), the one word the editor, the tables and the
// errors use.
func (c Campaign) StatusLabel() string {
	return ChoiceLabel(CampaignStatuses, c.ShownStatus())
}

// ParseCampaignStatus reads a campaign status given as the API's word
// (running) or as its label (In progress), in any case, and returns the
// API's word.
func ParseCampaignStatus(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, c := range CampaignStatuses {
		if strings.EqualFold(s, c.Value) || strings.EqualFold(s, c.Label) {
			return c.Value, true
		}
	}
	return "", false
}

// CampaignStatusWords lists the statuses as a sentence gives them: the API
// word, with the label in parentheses where it differs ("running (In
// progress)").
func CampaignStatusWords() string {
	words := make([]string, len(CampaignStatuses))
	for i, c := range CampaignStatuses {
		words[i] = c.Value
		if !strings.EqualFold(c.Value, c.Label) {
			words[i] += " (" + c.Label + ")"
		}
	}
	return strings.Join(words, ", ")
}
