package preview

import (
	"fmt"
	"slices"
)

// blockEnds maps each Liquid block tag to the tag that closes it.
var blockEnds = map[string]string{
	"if": "endif", "unless": "endunless", "case": "endcase", "for": "endfor",
	"capture": "endcapture", "comment": "endcomment", "raw": "endraw",
	"tablerow": "endtablerow",
}

// branchTags may only appear inside the named blocks.
var branchTags = map[string][]string{
	"elsif": {"if", "unless"},
	"else":  {"if", "unless", "case", "for"},
	"when":  {"case"},
}

// syntaxError is a structural mistake in a template, at a byte offset.
type syntaxError struct {
	Offset int
	Msg    string
}

// checkStructure finds unclosed delimiters and unbalanced blocks: the
// mistakes a copywriter makes, located precisely (Liquid's own parser
// reports only a line, and not for every case).
func checkStructure(toks []token) []syntaxError {
	var errs []syntaxError
	type open struct {
		name   string
		offset int
	}
	var stack []open
	for _, t := range toks {
		if t.Kind == tokText {
			continue
		}
		if !t.Closed {
			errs = append(errs, unclosedDelim(t))
			continue
		}
		if t.Kind != tokTag {
			continue
		}
		name := tagName(t.Inner)
		if _, ok := blockEnds[name]; ok {
			stack = append(stack, open{name, t.Start})
			continue
		}
		if parents, ok := branchTags[name]; ok {
			if len(stack) == 0 || !slices.Contains(parents, stack[len(stack)-1].name) {
				errs = append(errs, syntaxError{t.Start, fmt.Sprintf(
					"{%% %s %%} only works between {%% %s %%} and {%% %s %%}: put one around it, or remove it",
					name, parents[0], blockEnds[parents[0]])})
			}
			continue
		}
		if opener, ok := openerOf(name); ok {
			if len(stack) == 0 || stack[len(stack)-1].name != opener {
				errs = append(errs, syntaxError{t.Start, fmt.Sprintf(
					"This {%% %s %%} closes nothing: there is no {%% %s %%} before it to close", name, opener)})
				continue
			}
			stack = stack[:len(stack)-1]
		}
	}
	for _, o := range stack {
		errs = append(errs, syntaxError{o.offset, fmt.Sprintf(
			"This {%% %s %%} is never closed: add {%% %s %%} where it should end", o.name, blockEnds[o.name])})
	}
	return errs
}

func unclosedDelim(t token) syntaxError {
	if t.Kind == tokObject {
		return syntaxError{t.Start, "This variable's \"{{\" is never closed: add \"}}\" after its name"}
	}
	return syntaxError{t.Start, "This tag's \"{%\" is never closed: add \"%}\" at its end"}
}

// strayClosers finds "}}" and "%}" in literal text: a closing delimiter
// whose opening one is missing or mistyped.
func strayClosers(src string, toks []token) []syntaxError {
	var errs []syntaxError
	for _, t := range toks {
		if t.Kind != tokText {
			continue
		}
		text := src[t.Start:t.End]
		for i := 0; i+1 < len(text); i++ {
			if (text[i] == '}' || text[i] == '%') && text[i+1] == '}' {
				errs = append(errs, syntaxError{t.Start + i, fmt.Sprintf(
					"%q closes nothing: the %q before it is missing or mistyped, so this shows as written",
					text[i:i+2], openFor(text[i]))})
				i++
			}
		}
	}
	return errs
}

func openFor(c byte) string {
	if c == '%' {
		return "{%"
	}
	return "{{"
}

func openerOf(name string) (string, bool) {
	for opener, end := range blockEnds {
		if end == name {
			return opener, true
		}
	}
	return "", false
}
