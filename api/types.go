package api

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Team is the lemlist team an API key belongs to (GET /team).
type Team struct {
	ID           string       `json:"_id"`
	Name         string       `json:"name"`
	UserIDs      []string     `json:"userIds,omitempty"`
	CreatedBy    string       `json:"createdBy,omitempty"`
	CreatedAt    string       `json:"createdAt,omitempty"`
	Hooks        []Hook       `json:"hooks,omitempty"`
	Beta         []string     `json:"beta,omitempty"`
	InvitedUsers []Invitation `json:"invitedUsers,omitempty"`
	Agency       string       `json:"agency,omitempty"`
	PictureID    string       `json:"pictureId,omitempty"`
	CustomDomain string       `json:"customDomain,omitempty"`
	Users        []TeamUser   `json:"users,omitempty"`
}

// Hook is a webhook registered on the team.
type Hook struct {
	ID         string `json:"_id"`
	TargetURL  string `json:"targetUrl"`
	CreatedAt  string `json:"createdAt,omitempty"`
	Type       string `json:"type,omitempty"`
	CampaignID string `json:"campaignId,omitempty"`
}

// Invitation is a pending invitation to join the team.
type Invitation struct {
	Email     string `json:"email"`
	Role      string `json:"role,omitempty"`
	InvitedBy string `json:"invitedBy,omitempty"`
	InvitedAt string `json:"invitedAt,omitempty"`
}

// TeamUser is a member of the team (GET /team?version=v2).
type TeamUser struct {
	UserID string `json:"userId"`
	Name   string `json:"name"`
	Email  string `json:"email"`
	Role   string `json:"role,omitempty"`
}

// Campaign is a lemlist campaign, as listed by GET /campaigns and returned by
// GET /campaigns/{id}.
type Campaign struct {
	ID          string   `json:"_id"`
	Name        string   `json:"name"`
	Labels      []string `json:"labels,omitempty"`
	CreatedAt   string   `json:"createdAt,omitempty"`
	CreatedBy   string   `json:"createdBy,omitempty"`
	Status      string   `json:"status,omitempty"`
	HasError    bool     `json:"hasError,omitempty"`
	Errors      []string `json:"errors,omitempty"`
	Archived    bool     `json:"archived,omitempty"`
	Emoji       string   `json:"emoji,omitempty"`
	Timezone    string   `json:"timezone,omitempty"`
	SequenceID  string   `json:"sequenceId,omitempty"`
	ScheduleIDs []string `json:"scheduleIds,omitempty"`
	TeamID      string   `json:"teamId,omitempty"`
	Creator     *Creator `json:"creator,omitempty"`
	Senders     []Sender `json:"senders,omitempty"`
}

// IsArchived reports whether the campaign is archived; lemlist marks it either
// with `archived: true` or with the `archived` status.
func (c Campaign) IsArchived() bool { return c.Archived || c.Status == "archived" }

// Creator is the user who created a campaign.
type Creator struct {
	UserID    string `json:"userId"`
	UserEmail string `json:"userEmail"`
}

// Sender is a mailbox sending for a campaign.
type Sender struct {
	ID                string `json:"id"`
	Email             string `json:"email"`
	SendUserMailboxID string `json:"sendUserMailboxId,omitempty"`
}

// Sequences is the body of GET /campaigns/{id}/sequences: every sequence of
// the campaign (the main one and each condition branch) keyed by its id.
type Sequences map[string]Sequence

// Sequence is an ordered list of steps. Level 0 is the campaign's main
// sequence; branches carry the parent sequence and the position of the
// conditional step that spawned them. It is read leniently (see
// Step.Unreadable): Unreadable and Extra keep what could not be read.
type Sequence struct {
	ID                   string `json:"_id"`
	Level                int    `json:"level"`
	ParentID             string `json:"parentId,omitempty"`
	ConditionalStepIndex *int   `json:"conditionalStepIndex,omitempty"`
	Steps                []Step `json:"steps"`

	Unreadable map[string]json.RawMessage `json:"-"`
	Extra      map[string]json.RawMessage `json:"-"`
}

// Step is one step of a sequence, carrying every field any step type can have.
//
// A step is read field by field (see UnmarshalJSON): a field whose value has
// a shape lemstep does not know is kept, as lemlist sent it, in Unreadable
// and is never edited; fields lemstep does not know at all are kept in Extra.
// Both are written back by MarshalJSON, so `--json` shows the step whole.
type Step struct {
	ID                 string      `json:"_id"`
	Type               StepType    `json:"type"`
	Delay              *int        `json:"delay,omitempty"`
	Index              int         `json:"index,omitempty"`
	SequenceID         string      `json:"sequenceId,omitempty"`
	SequenceStep       int         `json:"sequenceStep"`
	EmailTemplateID    string      `json:"emailTemplateId,omitempty"`
	EmailTemplateBID   string      `json:"emailTemplateBId,omitempty"`
	ABTest             ABTest      `json:"abTest,omitzero"`
	Subject            string      `json:"subject,omitempty"`
	Message            string      `json:"message,omitempty"`
	AltMessage         string      `json:"altMessage,omitempty"`
	Title              string      `json:"title,omitempty"`
	Method             string      `json:"method,omitempty"`
	URL                string      `json:"url,omitempty"`
	CampaignID         string      `json:"campaignId,omitempty"`
	Images             []string    `json:"images,omitempty"`
	Videos             []string    `json:"videos,omitempty"`
	SkillName          string      `json:"skillName,omitempty"`
	EndorseAnyFallback *bool       `json:"endorseAnyFallback,omitempty"`
	RecordMode         string      `json:"recordMode,omitempty"`
	Conditions         []Condition `json:"conditions,omitempty"`

	Unreadable map[string]json.RawMessage `json:"-"`
	Extra      map[string]json.RawMessage `json:"-"`
}

// Condition is one entry of a conditional step's `conditions`: a branch
// (its key, waiting window and parameters, and the sequence the lead takes
// when it holds) or, with Fallback, the "else" lane. A classic condition has
// one branch and the fallback (yes/no); hasScore, customLeadInfo,
// hasEmailAddress and aircallDone conditions may have several branches,
// checked in order.
type Condition struct {
	SequenceID      string   `json:"sequenceId"`
	Label           string   `json:"label,omitempty"`
	Name            string   `json:"name,omitempty"`
	Key             string   `json:"key,omitempty"`
	Delay           *int     `json:"delay,omitempty"`
	DelayType       string   `json:"delayType,omitempty"`
	Fallback        bool     `json:"fallback,omitempty"`
	ScoreComparator string   `json:"scoreComparator,omitempty"`
	ScoreThreshold  *float64 `json:"scoreThreshold,omitempty"`
	CustomField     string   `json:"customField,omitempty"`
	CustomOperator  string   `json:"customOperator,omitempty"`
	CustomValues    []string `json:"customValues,omitempty"`

	// Unreadable and Extra are as on Step; emailStatusFilter,
	// callStatusFilter and selector, whose shapes lemlist does not
	// publish, are kept in Extra as sent.
	Unreadable map[string]json.RawMessage `json:"-"`
	Extra      map[string]json.RawMessage `json:"-"`
}

// DelayDays is the step's delay in days (0 when absent).
func (s Step) DelayDays() int {
	if s.Delay == nil {
		return 0
	}
	return *s.Delay
}

// Branches returns the step's first branch (the one the update endpoint
// edits) and its fallback, either of which may be nil when the data lacks it.
func (s Step) Branches() (first, fallback *Condition) {
	for i := range s.Conditions {
		c := &s.Conditions[i]
		switch {
		case c.Fallback && fallback == nil:
			fallback = c
		case !c.Fallback && first == nil:
			first = c
		}
	}
	return first, fallback
}

// Supported reports whether lemstep can edit the step.
func (s Step) Supported() bool { return s.Type.Supported() }

// ABTest is the `abTest` field of a step: `true` while an A/B test runs, "A"
// or "B" once a winner was picked, absent or false when there is no test.
type ABTest struct {
	Running bool
	Winner  string
}

// Active reports whether the step has, or had, an A/B test.
func (a ABTest) Active() bool { return a.Running || a.Winner != "" }

// IsZero lets `omitzero` drop a step's absent A/B test.
func (a ABTest) IsZero() bool { return !a.Active() }

// MarshalJSON writes the value in lemlist's shape.
func (a ABTest) MarshalJSON() ([]byte, error) {
	if a.Winner != "" {
		return json.Marshal(a.Winner)
	}
	return json.Marshal(a.Running)
}

// UnmarshalJSON accepts a boolean, a variant letter, or null.
func (a *ABTest) UnmarshalJSON(b []byte) error {
	*a = ABTest{}
	b = bytes.TrimSpace(b)
	switch {
	case bytes.Equal(b, []byte("null")):
		return nil
	case len(b) > 0 && b[0] == '"':
		return json.Unmarshal(b, &a.Winner)
	case bytes.Equal(b, []byte("true")), bytes.Equal(b, []byte("false")):
		a.Running = b[0] == 't'
		return nil
	}
	return fmt.Errorf("abTest: unexpected value %s", b)
}

// BranchConditions are the step's branches in the order lemlist checks them,
// the fallback left out.
func (s Step) BranchConditions() []Condition {
	var bs []Condition
	for _, c := range s.Conditions {
		if !c.Fallback {
			bs = append(bs, c)
		}
	}
	return bs
}
