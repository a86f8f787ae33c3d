package preview

import (
	"fmt"

	"lemstep/api"
)

// Severity ranks a lint finding.
type Severity int

const (
	// Info is worth knowing and needs no change (a sample lead lacks a field).
	Info Severity = iota
	// Warning is probably a mistake, or a channel's soft limit (LinkedIn
	// note length, SMS segments, WhatsApp length); lemlist still accepts it.
	Warning
	// Blocking is a message lemlist rejects (subject or title over 400
	// characters) or that cannot be sent as written (broken Liquid, an empty
	// message on a channel that needs one). The editor should not submit.
	Blocking
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Blocking:
		return "blocking"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// Finding is one lint result.
//
// Offset is a byte offset into the field's text (subject, title or
// message) as the caller passed it, after safetext.Clean — the same bytes
// when the text has no control characters. It is -1 when the finding is
// about the field as a whole (a length, an empty message). Line and Col are
// the same position for people: 1-based, Col counted in characters; both 0
// when Offset is -1.
type Finding struct {
	Severity Severity
	Field    api.Field
	Message  string
	Offset   int
	Line     int
	Col      int
	Fix      Fix // the correction offered, if any (a misspelling)
	// Anchor finds the place again in the field as an editor shows it,
	// where byte offsets differ (an email edited as text, tabs shown as
	// marks); see anchorAll.
	Anchor Anchor
}

// Fix is a correction a finding offers: Old, at byte Offset of the field's
// text, becomes New. The zero Fix offers nothing.
type Fix struct {
	Offset   int
	Old, New string
}

// Apply makes the correction in text, the field's text as the finding saw
// it; it reports false, changing nothing, when text no longer holds Old
// at Offset (the copy was edited since).
func (f Fix) Apply(text string) (string, bool) {
	if f.Old == "" || f.Offset < 0 || f.Offset+len(f.Old) > len(text) || text[f.Offset:f.Offset+len(f.Old)] != f.Old {
		return text, false
	}
	return text[:f.Offset] + f.New + text[f.Offset+len(f.Old):], true
}

// String formats the finding for a status line: "warning message 2:5: …".
func (f Finding) String() string {
	return fmt.Sprintf("%s %s: %s", f.Severity, f.Where(), f.Message)
}

// Where is the field and, unless the finding is about the field as a
// whole, the position in it: "message 2:5", "subject".
func (f Finding) Where() string {
	if f.Offset < 0 {
		return string(f.Field)
	}
	return fmt.Sprintf("%s %d:%d", f.Field, f.Line, f.Col)
}

// at builds a finding positioned at a byte offset of text.
func at(sev Severity, field api.Field, text string, offset int, msg string) Finding {
	line, col := lineCol(text, offset)
	return Finding{Severity: sev, Field: field, Message: msg, Offset: offset, Line: line, Col: col}
}

// whole builds a finding about a field as a whole.
func whole(sev Severity, field api.Field, msg string) Finding {
	return Finding{Severity: sev, Field: field, Message: msg, Offset: -1}
}
