package preview

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// Soft limits of channels lemlist does not enforce (REFERENCE §12.2); they
// are warnings, counted on the message rendered for the sample lead.
const (
	LinkedinInviteLimit = api.LinkedInInviteNoteLimit
	WhatsappLimit       = 4096 // WhatsApp Business text message
)

// analysis is what rendering and linting share: the sanitized texts, each
// parsed once, the Liquid output for the lead, and the findings. The soft
// limits of the channel are kept apart from the other findings: they depend
// on how long the message is for this lead, and Lint reports them for the
// lead with the longest message only.
type analysis struct {
	headingField   api.Field      // FieldSubject, FieldTitle or "" when the type has neither
	subject        parsedTemplate // sanitized raw subject/title
	message        parsedTemplate // sanitized raw message
	subjectOut     string         // subject after Liquid (the raw text when Liquid failed)
	messageOut     string         // message after Liquid (the raw text when Liquid failed)
	messageRunesIn int
	smsSegments    int // segments of messageOut for an SMS step; 0 for other types
	findings       []Finding
	limits         []Finding // softLimits of messageOut
	// asWritten are the fields whose Liquid does not parse or render: the
	// preview shows them as written, and says so.
	asWritten []api.Field
}

// all is every finding, in the order the preview lists them.
func (a analysis) all() []Finding {
	return append(slices.Clip(a.findings), a.limits...)
}

// analyze renders a step's subject (or title) and message for the sample
// lead and lints them: unknown variables (with a "did you mean" for near
// misses), Liquid syntax errors with their line:col, an empty message where
// the channel needs one, the 400-character subject/title limit, and the
// soft limits of LinkedIn invites, SMS and WhatsApp. Texts are sanitized
// first; offsets refer to the sanitized text.
func analyze(step api.StepType, subject, message string, lead Lead, sender map[string]string) analysis {
	a := analysis{
		headingField: headingField(step),
		message:      parseTemplate(safetext.Clean(message)),
	}
	known, b := knownNames(lead, sender), bindings(lead, sender)
	if a.headingField != "" {
		a.subject = parseTemplate(safetext.Clean(subject))
		var fs []Finding
		var broken bool
		a.subjectOut, fs, broken = lintTemplate(a.headingField, a.subject, false, lead, known, b)
		a.findings = append(a.findings, fs...)
		if broken {
			a.asWritten = append(a.asWritten, a.headingField)
		}
		a.findings = append(a.findings, headingLength(a.headingField, a.subject.src)...)
	}
	fs, broken := []Finding(nil), false
	a.messageOut, fs, broken = lintTemplate(api.FieldMessage, a.message, step.IsEmail(), lead, known, b)
	a.findings = append(a.findings, fs...)
	if broken {
		a.asWritten = append(a.asWritten, api.FieldMessage)
	}
	a.findings = append(a.findings, typos(a.headingField, a.subject, a.message, step.IsEmail())...)
	a.findings = append(a.findings, emptyMessage(step, a.message.src)...)
	if a.headingField != "" {
		anchorAll(a.findings, a.headingField, a.subject.src, false)
	}
	anchorAll(a.findings, api.FieldMessage, a.message.src, step.IsEmail())
	if step == api.SMS {
		a.smsSegments = SMSSegments(a.messageOut)
	}
	a.limits = softLimits(step, a.messageOut, a.smsSegments, lead)
	a.messageRunesIn = utf8.RuneCountInString(a.message.src)
	return a
}

// typos are the misspellings of a step's subject (or title) and message,
// when its copy is English: the two fields are judged together, as a
// subject alone is often too short to tell.
func typos(heading api.Field, subject, message parsedTemplate, isHTML bool) []Finding {
	var subjectWords []wordAt
	if heading != "" {
		subjectWords = copyWords(subject, false)
	}
	messageWords := copyWords(message, isHTML)
	if !looksEnglish(subjectWords, messageWords) {
		return nil
	}
	return append(typoFindings(heading, subject.src, subjectWords), typoFindings(api.FieldMessage, message.src, messageWords)...)
}

// headingField is the one-line field shown above the message, if any.
func headingField(step api.StepType) api.Field {
	switch {
	case api.CanEdit(step, api.FieldSubject):
		return api.FieldSubject
	case api.CanEdit(step, api.FieldTitle):
		return api.FieldTitle
	}
	return ""
}

func knownNames(lead Lead, sender map[string]string) map[string]bool {
	known := map[string]bool{}
	for _, n := range leadFields {
		known[n] = true
	}
	for _, n := range senderFields {
		known[n] = true
	}
	for n := range sender {
		known[n] = true
	}
	for n := range lead.Fields {
		known[n] = true
	}
	return known
}

// lintTemplate checks one field's template and renders it for the lead.
// When the template is broken, the raw text stands in for the output, and
// broken is true.
func lintTemplate(field api.Field, tpl parsedTemplate, isHTML bool, lead Lead, known map[string]bool, b map[string]any) (out string, fs []Finding, broken bool) {
	text := tpl.src
	for _, e := range checkStructure(tpl.toks) {
		fs = append(fs, at(Blocking, field, text, e.Offset, e.Msg))
		broken = true
	}
	for _, e := range strayClosers(text, tpl.toks) {
		fs = append(fs, at(Warning, field, text, e.Offset, e.Msg))
	}
	out = text
	var renderErr error
	if !broken {
		if out, renderErr = renderLiquid(tpl, b, isHTML); renderErr != nil {
			out = text
		}
	}
	fs = append(fs, variableFindings(field, tpl, lead, known, out)...)
	if renderErr != nil {
		fs = append(fs, liquidFinding(field, text, renderErr))
	}
	return out, fs, broken || renderErr != nil
}

func liquidFinding(field api.Field, text string, err error) Finding {
	le, ok := err.(*liquidError)
	if !ok {
		return at(Blocking, field, text, 0, cannotFillIn(err.Error()))
	}
	return at(Blocking, field, text, liquidErrorOffset(text, le), cannotFillIn(le.Msg))
}

// cannotFillIn says that lemlist cannot fill in a template, with the
// template engine's own words for why (they name the markup at fault).
func cannotFillIn(why string) string {
	return "lemlist cannot fill in the variables here (the template engine says: " + why + "); check the spelling of this variable or tag and its filters"
}

// liquidErrorOffset locates a Liquid error: at the markup the engine
// quotes when it appears in text, else at the start of the line it names
// (the engine counts lines from 0 in some errors and 1 in others, so the
// line is the weaker hint).
func liquidErrorOffset(text string, le *liquidError) int {
	if le.Markup != "" {
		if i := strings.Index(text, le.Markup); i >= 0 {
			return i
		}
	}
	if le.Line > 0 {
		return lineOffset(text, le.Line)
	}
	return 0
}

// lineOffset is the byte offset where 1-based line n of text starts.
func lineOffset(text string, n int) int {
	off := 0
	for i := 1; i < n; i++ {
		j := strings.IndexByte(text[off:], '\n')
		if j < 0 {
			return off
		}
		off += j + 1
	}
	return off
}

// variableFindings flags each unknown variable once, suggesting the known
// name it resembles, and notes the markers the lead's rendering out shows
// (an output in a branch the lead does not take is not noted).
func variableFindings(field api.Field, tpl parsedTemplate, lead Lead, known map[string]bool, out string) []Finding {
	text := tpl.src
	var fs []Finding
	seen := map[string]bool{}
	for _, r := range tpl.refs {
		if tpl.locals[r.Name] || seen[r.Name] {
			continue
		}
		switch {
		case !known[r.Name]:
			seen[r.Name] = true
			fs = append(fs, at(Warning, field, text, r.Offset, unknownMessage(r.Name, known)))
		case r.InObject && !r.HasDefault && strings.Contains(out, MissingMarker(r.Name)):
			seen[r.Name] = true
			fs = append(fs, at(Info, field, text, r.Offset, fmt.Sprintf(
				"%s has no %s, so the preview shows %s here. Add a fallback for leads like this: {{%s | default: \"…\"}}",
				lead.Name, r.Name, MissingMarker(r.Name), r.Name)))
		}
	}
	return fs
}

func unknownMessage(name string, known map[string]bool) string {
	if s := suggest(name, slices.Sorted(maps.Keys(known))); s != "" {
		msg := fmt.Sprintf("The variable {{%s}} is not a lead field — did you mean {{%s}}?", name, s)
		if strings.EqualFold(s, name) {
			msg += " Capital letters count."
		}
		return msg
	}
	return fmt.Sprintf("The variable {{%s}} is neither a lemlist lead field nor a field of the sample lead: "+
		"leads without this custom field see %s here", name, MissingMarker(name))
}

func headingLength(field api.Field, text string) []Finding {
	n := utf8.RuneCountInString(text)
	if n <= api.MaxTextLength {
		return nil
	}
	return []Finding{whole(Blocking, field, fmt.Sprintf(
		"The %s is %d characters long; lemlist accepts at most %d, counting each variable as written",
		field, n, api.MaxTextLength))}
}

// needsMessage lists the channels whose step is pointless without a message.
func needsMessage(step api.StepType) bool {
	switch step {
	case api.Email, api.SMS, api.WhatsappMessage, api.LinkedinSend:
		return true
	}
	return false
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

func emptyMessage(step api.StepType, message string) []Finding {
	if !needsMessage(step) {
		return nil
	}
	visible := message
	if step.IsEmail() {
		visible = tagRE.ReplaceAllString(message, "")
		visible = strings.ReplaceAll(visible, "&nbsp;", " ")
	}
	if strings.TrimSpace(visible) != "" {
		return nil
	}
	return []Finding{whole(Blocking, api.FieldMessage, fmt.Sprintf("The message is empty; %s needs one", step.Noun()))}
}

// softLimits warns about the channel limits of the message rendered for
// lead; smsSegments is its segment count when the step is an SMS.
func softLimits(step api.StepType, rendered string, smsSegments int, lead Lead) []Finding {
	n := utf8.RuneCountInString(rendered)
	switch step {
	case api.LinkedinInvite:
		if n > LinkedinInviteLimit {
			return []Finding{whole(Warning, api.FieldMessage, fmt.Sprintf(
				"For %s this note is %d characters long; LinkedIn cuts invitation notes at %d", lead.Name, n, LinkedinInviteLimit))}
		}
	case api.WhatsappMessage:
		if n > WhatsappLimit {
			return []Finding{whole(Warning, api.FieldMessage, fmt.Sprintf(
				"For %s this message is %d characters long; WhatsApp accepts at most %d", lead.Name, n, WhatsappLimit))}
		}
	case api.SMS:
		if smsSegments > 1 {
			return []Finding{whole(Warning, api.FieldMessage, smsMessage(rendered, smsSegments, lead))}
		}
	}
	return nil
}
