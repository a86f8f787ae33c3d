package cli

import (
	"io"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"lemstep/api"
)

// updateFlags holds the field flags of `lemstep update`, one per field of
// the endpoint's body. Only flags given on the command line reach the body.
type updateFlags struct {
	stepType           string
	texts              map[api.Field]*string
	messageFile        string
	altMessageFile     string
	delay              int
	images             []string
	videos             []string
	clearImages        bool
	clearVideos        bool
	endorseAnyFallback bool
	allowControl       bool
}

// textFlag is a flag that sets a text field of the body.
type textFlag struct {
	name  string
	field api.Field
	usage string
	// old is the name the flag had before, still accepted (hidden, with a
	// note on stderr) so that scripts keep working.
	old string
}

// textFlags pairs each text flag with the body field it sets.
func textFlags() []textFlag {
	return []textFlag{
		{"subject", api.FieldSubject, "email subject (Liquid tags allowed, at most 400 characters)", ""},
		{"message", api.FieldMessage, "message text (HTML for email steps)", ""},
		{"alt-message", api.FieldAltMessage, "fallback message of a linkedinSend step", ""},
		{"title", api.FieldTitle, "title of a manual task", ""},
		{"method", api.FieldMethod, "HTTP method of an api step: GET, POST, PUT, DELETE or PATCH", ""},
		{"url", api.FieldURL, "address an api step calls (http:// or https://)", ""},
		{"delay-type", api.FieldDelayType, "how a conditional step waits: within or waitUntil", ""},
		{"condition-key", api.FieldConditionKey, "what a conditional step checks, such as emailsOpened", ""},
		{"move-to-campaign", api.FieldCampaignID, "the campaign a sendToAnotherCampaign step moves the lead to (the step's campaignId)", "campaign-id"},
		{"skill-name", api.FieldSkillName, "name of the LinkedIn skill a linkedinEndorse step endorses", ""},
		{"record-mode", api.FieldRecordMode, "how a linkedinVoiceNote is recorded: manual or ai", ""},
	}
}

func (f *updateFlags) register(cmd *cobra.Command) {
	fs := cmd.Flags()
	fs.StringVar(&f.stepType, "type", "", "the step's current type, as the API says it or as the steps command shows it: email, linkedinSend or \"LinkedIn message\" (any case; required)")
	_ = cmd.MarkFlagRequired("type")
	f.texts = map[api.Field]*string{}
	for _, sf := range textFlags() {
		f.texts[sf.field] = fs.String(sf.name, "", sf.usage)
		if sf.old != "" {
			deprecatedAlias(fs, sf.old, sf.name, f.texts[sf.field])
		}
	}
	fs.StringVar(&f.messageFile, "message-file", "", "read the message from FILE, exactly as it is (- for stdin)")
	fs.StringVar(&f.altMessageFile, "alt-message-file", "", "read the alternative message from FILE (- for stdin)")
	fs.Var(delayFlag{&f.delay}, "delay", "days to wait before the step, in decimal digits (0 to 1500)")
	fs.StringArrayVar(&f.images, "image", nil, "image to attach, as a public https:// URL (repeat for several; replaces the list)")
	fs.StringArrayVar(&f.videos, "video", nil, "video to attach, as a public https:// URL (repeat for several; replaces the list)")
	fs.BoolVar(&f.clearImages, "clear-images", false, "remove every image (sends images: [])")
	fs.BoolVar(&f.clearVideos, "clear-videos", false, "remove every video (sends videos: [])")
	fs.BoolVar(&f.endorseAnyFallback, "endorse-any-fallback", false, "endorse any skill when the named one is missing (true or false)")
	fs.BoolVar(&f.allowControl, allowControlFlag, false, allowControlUsage)
	registerChoiceCompletions(cmd)
}

func registerChoiceCompletions(cmd *cobra.Command) {
	choices := map[string][]string{"type": stepTypeCompletions()}
	for flag, cs := range map[string][]api.Choice{
		"method": api.Methods, "delay-type": api.DelayTypes,
		"condition-key": api.ConditionKeys, "record-mode": api.RecordModes,
	} {
		for _, c := range cs {
			choices[flag] = append(choices[flag], c.Value+"\t"+c.Label)
		}
	}
	for flag, values := range choices {
		_ = cmd.RegisterFlagCompletionFunc(flag, func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return values, cobra.ShellCompDirectiveNoFileComp
		})
	}
}

// stepTypeCompletions offers the API's word of each type, its name beside
// it: a completed word needs no quoting, and is what --json says.
func stepTypeCompletions() []string {
	var words []string
	for _, t := range api.StepTypes() {
		words = append(words, string(t)+"\t"+t.Label())
	}
	return words
}

// build turns the flags given into the update body. stdin serves a "-"
// message file.
func (f *updateFlags) build(fs *pflag.FlagSet, stdin io.Reader) (api.StepUpdate, error) {
	if err := f.checkConflicts(fs); err != nil {
		return api.StepUpdate{}, err
	}
	var u api.StepUpdate
	if fs.Changed("type") { // always, but for variant B, which has no type
		t, err := parseStepType(f.stepType)
		if err != nil {
			return api.StepUpdate{}, err
		}
		u.Type = t
	}
	for _, sf := range textFlags() {
		if fs.Changed(sf.name) || (sf.old != "" && fs.Changed(sf.old)) {
			u.Set(sf.field, *f.texts[sf.field])
		}
	}
	for flag, field := range map[string]api.Field{"message-file": api.FieldMessage, "alt-message-file": api.FieldAltMessage} {
		if !fs.Changed(flag) {
			continue
		}
		text, err := readMessageFile(fs.Lookup(flag).Value.String(), stdin)
		if err != nil {
			return api.StepUpdate{}, err
		}
		u.Set(field, text)
	}
	if fs.Changed("delay") {
		u.Set(api.FieldDelay, f.delay)
	}
	if fs.Changed("endorse-any-fallback") {
		u.Set(api.FieldEndorseAnyFallback, f.endorseAnyFallback)
	}
	switch {
	case fs.Changed("image"):
		u.Set(api.FieldImages, f.images)
	case f.clearImages:
		u.Set(api.FieldImages, []string{})
	}
	switch {
	case fs.Changed("video"):
		u.Set(api.FieldVideos, f.videos)
	case f.clearVideos:
		u.Set(api.FieldVideos, []string{})
	}
	if vs := controlViolations(u); len(vs) > 0 && !f.allowControl {
		return api.StepUpdate{}, rejected("nothing was sent: the update holds control characters", violationLines("", vs))
	}
	return u, nil
}

// checkConflicts refuses flags that would set the same field twice.
func (f *updateFlags) checkConflicts(fs *pflag.FlagSet) error {
	for _, pair := range [][2]string{
		{"message", "message-file"}, {"alt-message", "alt-message-file"},
		{"image", "clear-images"}, {"video", "clear-videos"},
	} {
		if fs.Changed(pair[0]) && fs.Changed(pair[1]) {
			return usageError("--%s and --%s both set the same field; give only one", pair[0], pair[1])
		}
	}
	if f.messageFile == "-" && f.altMessageFile == "-" {
		return usageError("only one of --message-file and --alt-message-file can read from stdin (-)")
	}
	return nil
}

// readMessageFile reads a message exactly as written: no trimming, so a
// trailing newline in the file is part of the message.
func readMessageFile(path string, stdin io.Reader) (string, error) {
	b, err := readInput(path, stdin, maxMessageInput, "a message")
	if err != nil {
		return "", err
	}
	if !utf8.Valid(b) {
		return "", usageError("the message in %s is not UTF-8 text", displayPath(path))
	}
	return string(b), nil
}

func displayPath(path string) string {
	if path == "-" {
		return "stdin"
	}
	return path
}
