package preview

import (
	"regexp"
	"slices"
	"strings"

	"lemstep/api"
)

// leadFields and senderFields are the variables lemlist fills: see api.
var (
	leadFields   = api.LeadVariables()
	senderFields = api.SenderVariables()
)

// varRef is one variable a template reads, at a byte offset of the source.
type varRef struct {
	Name       string // root name: "firstName" for {{ firstName | upcase }}
	Offset     int
	HasDefault bool // piped through the default filter
	InObject   bool // an output {{ … }} rather than a tag condition
}

var (
	identRE  = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*`)
	wordRE   = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_.-]*`)
	stringRE = regexp.MustCompile(`"[^"]*"|'[^']*'`)
)

// liquidWords are the operators and literals of tag conditions, not variables.
var liquidWords = map[string]bool{
	"and": true, "or": true, "not": true, "contains": true, "in": true,
	"true": true, "false": true, "nil": true, "null": true, "empty": true,
	"blank": true, "with": true, "limit": true, "offset": true, "reversed": true,
	"as": true, "by": true,
}

// variableRefs lists the variables read by objects and by conditions of
// if/elsif/unless/case/when tags. Names bound by assign, capture and for are
// returned separately: they are the template's own locals.
func variableRefs(toks []token) (refs []varRef, locals map[string]bool) {
	locals = map[string]bool{}
	for _, t := range toks {
		switch t.Kind {
		case tokObject:
			if r, ok := objectRef(t); ok {
				refs = append(refs, r)
			}
		case tokTag:
			refs = append(refs, tagRefs(t, locals)...)
		}
	}
	return refs, locals
}

func objectRef(t token) (varRef, bool) {
	expr, filters, _ := strings.Cut(t.Inner, "|")
	expr = strings.TrimSpace(expr)
	name := identRE.FindString(expr)
	if name == "" || liquidWords[name] {
		return varRef{}, false
	}
	return varRef{
		Name:       name,
		Offset:     t.Start,
		HasDefault: hasDefaultFilter(filters),
		InObject:   true,
	}, true
}

func hasDefaultFilter(filters string) bool {
	for _, f := range strings.Split(filters, "|") {
		name, _, _ := strings.Cut(strings.TrimSpace(f), ":")
		if strings.TrimSpace(name) == "default" {
			return true
		}
	}
	return false
}

func tagRefs(t token, locals map[string]bool) []varRef {
	name, args := tagName(t.Inner), tagArgs(t.Inner)
	switch name {
	case "assign", "capture":
		local, value, _ := strings.Cut(args, "=")
		locals[strings.TrimSpace(local)] = true
		return wordsAsRefs(value, t.Start)
	case "for", "tablerow":
		local, coll, _ := strings.Cut(args, " in ")
		locals[strings.TrimSpace(local)] = true
		locals["forloop"] = true
		return wordsAsRefs(coll, t.Start)
	case "if", "elsif", "unless", "case", "when":
		return wordsAsRefs(args, t.Start)
	}
	return nil
}

// wordsAsRefs reads the variable names of a condition, skipping quoted
// strings, numbers and Liquid's own words.
func wordsAsRefs(expr string, offset int) []varRef {
	expr = stringRE.ReplaceAllString(expr, `""`)
	var refs []varRef
	for _, w := range wordRE.FindAllString(expr, -1) {
		root, _, _ := strings.Cut(w, ".")
		if liquidWords[root] {
			continue
		}
		refs = append(refs, varRef{Name: root, Offset: offset})
	}
	return refs
}

// suggest returns the known name closest to name — equal but for case, or
// within two edits — or "" when nothing is close.
func suggest(name string, known []string) string {
	best, bestDist := "", 3
	for _, k := range known {
		if strings.EqualFold(k, name) {
			return k
		}
		if d := levenshtein(strings.ToLower(name), strings.ToLower(k)); d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

// levenshtein is the edit distance between a and b, in runes.
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// CustomVariables are the variables texts read that lemlist does not fill
// itself: the campaign's own lead columns, offered by the editor's "{{"
// completion. Sorted, each once; locals a template assigns are left out.
func CustomVariables(texts ...string) []string {
	known := map[string]bool{}
	for _, n := range leadFields {
		known[n] = true
	}
	for _, n := range senderFields {
		known[n] = true
	}
	seen := map[string]bool{}
	var out []string
	for _, text := range texts {
		if !strings.Contains(text, "{{") && !strings.Contains(text, "{%") {
			continue
		}
		refs, locals := variableRefs(scanTemplate(text))
		for _, r := range refs {
			if !known[r.Name] && !locals[r.Name] && !seen[r.Name] {
				seen[r.Name] = true
				out = append(out, r.Name)
			}
		}
	}
	slices.Sort(out)
	return out
}
