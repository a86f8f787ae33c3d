package api

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"lemstep/internal/safetext"
)

// Subject is what a request was about: a campaign, a sequence or a step,
// with its id and, for a step, the sequence holding it.
type Subject struct {
	Kind       string // "campaign", "sequence" or "step"
	ID         string
	SequenceID string // for a step, when known
}

// Missing returns what a 404 did not find, when err is one about a campaign,
// a sequence or a step.
func Missing(err error) (Subject, bool) {
	var e *Error
	if !errors.As(err, &e) || e.Status != http.StatusNotFound {
		return Subject{}, false
	}
	if s := e.missing(); s != nil {
		return *s, true
	}
	return Subject{}, false
}

// missing is the subject of a 404, set by the client or read from the path.
func (e *Error) missing() *Subject {
	if e.Subject != nil {
		return e.Subject
	}
	s, ok := subjectOf(e.Path)
	if !ok {
		return nil
	}
	return &s
}

// subjectOf reads what a request path is about: /campaigns/{id}[/…] is a
// campaign, /sequences/{id}/steps/{id}[/…] a step, /sequences/{id}[/…] a
// sequence.
func subjectOf(path string) (Subject, bool) {
	parts := strings.Split(strings.Trim(path, "/"), "/")
	for i, p := range parts {
		if v, err := url.PathUnescape(p); err == nil {
			parts[i] = v
		}
	}
	switch {
	case len(parts) >= 4 && parts[0] == "sequences" && parts[2] == "steps":
		return Subject{Kind: "step", ID: parts[3], SequenceID: parts[1]}, true
	case len(parts) >= 2 && parts[0] == "sequences":
		return Subject{Kind: "sequence", ID: parts[1]}, true
	case len(parts) >= 2 && parts[0] == "campaigns":
		return Subject{Kind: "campaign", ID: parts[1]}, true
	}
	return Subject{}, false
}

// notFound says which id was not found, and where.
func (e *Error) notFound(msg string) string {
	s := e.missing()
	what := s.Kind + " " + safetext.Line(s.ID)
	if s.SequenceID != "" {
		what += " in sequence " + safetext.Line(s.SequenceID)
	}
	where := ""
	if e.Workspace != "" {
		where = " in the workspace " + safetext.Line(e.Workspace)
	}
	return fmt.Sprintf("lemlist found no %s%s (lemlist says: %s).", what, where, msg)
}

// doing names the request as a person would: "the update of step stp_1".
func (e *Error) doing() string {
	s, ok := subjectOf(e.Path)
	if !ok {
		return "the request"
	}
	what := s.Kind + " " + safetext.Line(s.ID)
	switch e.Method {
	case http.MethodPatch:
		return "the update of " + what
	case http.MethodPost:
		return "the change to " + what
	case http.MethodDelete:
		return "the deletion of " + what
	}
	return "reading " + what
}
