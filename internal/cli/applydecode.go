package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strconv"

	"go.yaml.in/yaml/v3"

	"lemstep/api"
	"lemstep/internal/safetext"
)

// decodeList reads the list of updates of an apply file, JSON when it
// starts with [ and YAML otherwise, as one raw JSON object per entry.
// Nothing in the file may be dropped on the way: a key given twice, a
// second YAML document, or a delay a YAML reader would turn into another
// number (010, 0x10, 1e1) stops the file with exit 2 and the line to fix.
func decodeList(data []byte) ([]json.RawMessage, error) {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 {
		return nil, usageError("the file is empty; it should hold a list of updates")
	}
	if trimmed[0] == '{' {
		return nil, usageError("the file holds a single object; it should hold a list of updates (wrap it in [ ])")
	}
	if trimmed[0] == '[' {
		return decodeJSONList(data)
	}
	return decodeYAMLList(data)
}

func decodeJSONList(data []byte) ([]json.RawMessage, error) {
	var raws []json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		return nil, usageError("the file is not a JSON list of updates: %s", safetext.Clean(err.Error()))
	}
	if err := jsonDuplicateKey(data); err != nil {
		return nil, err
	}
	return raws, nil
}

// jsonDuplicateKey finds the first object of a valid JSON text that has a
// key twice: encoding/json keeps the last value silently, which would send
// an update the writer did not mean (or to a step they did not name).
func jsonDuplicateKey(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	lines := lineCounter{data: data}
	// One frame per open object or array: the keys seen (nil for an
	// array) and whether the next string token is a key.
	type frame struct {
		keys      map[string]int
		expectKey bool
	}
	var stack []frame
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return usageError("the file is not a JSON list of updates: %s", safetext.Clean(err.Error()))
		}
		top := len(stack) - 1
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{':
				stack = append(stack, frame{keys: map[string]int{}, expectKey: true})
			case '[':
				stack = append(stack, frame{})
			default:
				stack = stack[:top]
				if top > 0 && stack[top-1].keys != nil {
					stack[top-1].expectKey = true
				}
			}
			continue
		}
		if top < 0 || stack[top].keys == nil {
			continue
		}
		if !stack[top].expectKey {
			stack[top].expectKey = true
			continue
		}
		key, _ := tok.(string)
		line := lines.at(int(dec.InputOffset()))
		if first, seen := stack[top].keys[key]; seen {
			return duplicateKeyError(key, first, line)
		}
		stack[top].keys[key] = line
		stack[top].expectKey = false
	}
}

func duplicateKeyError(key string, first, again int) error {
	return usageError("line %d: the key %s is given twice in one object (first at line %d); "+
		"lemstep will not guess which value you meant: keep one", again, strconv.Quote(safetext.Clean(key)), first)
}

// lineCounter turns increasing byte offsets into line numbers (from 1)
// without counting the text again from the start each time.
type lineCounter struct {
	data   []byte
	offset int
	line   int
}

func (c *lineCounter) at(offset int) int {
	offset = min(offset, len(c.data))
	if offset < c.offset {
		c.offset, c.line = 0, 0
	}
	c.line += bytes.Count(c.data[c.offset:offset], []byte{'\n'})
	c.offset = offset
	return c.line + 1
}

func decodeYAMLList(data []byte) ([]json.RawMessage, error) {
	if err := checkYAML(data); err != nil {
		return nil, err
	}
	var items []any
	if err := yaml.Unmarshal(data, &items); err != nil {
		return nil, usageError("the file is not a YAML list of updates: %s", safetext.Clean(err.Error()))
	}
	raws := make([]json.RawMessage, len(items))
	for i, item := range items {
		b, err := json.Marshal(item)
		if err != nil {
			// A mapping with keys that are not text cannot be a body.
			b = []byte("null")
		}
		raws[i] = b
	}
	return raws, nil
}

// checkYAML refuses what yaml.Unmarshal would take without a word but
// lemstep would then send differently from what the file says: a second
// document (Unmarshal reads the first only), a key given twice in one
// mapping, and a delay that is not written in decimal digits.
func checkYAML(data []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return usageError("the file is not a YAML list of updates: %s", safetext.Clean(err.Error()))
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == nil:
		return usageError("line %d: a second YAML document starts here (---); lemstep applies one list of updates "+
			"per file and would skip it: remove the --- and make every update an item of the one list", documentLine(&next))
	case !errors.Is(err, io.EOF):
		return usageError("the file is not a YAML list of updates: %s", safetext.Clean(err.Error()))
	}
	return walkYAML(&doc)
}

// documentLine is the line of a document's --- marker, else the line
// where its content begins.
func documentLine(doc *yaml.Node) int {
	if doc.Line == 0 && len(doc.Content) > 0 {
		return doc.Content[0].Line
	}
	return doc.Line
}

// walkYAML checks every mapping of the document once (aliases are not
// followed: what they point to is checked where it is written).
func walkYAML(n *yaml.Node) error {
	if n.Kind == yaml.MappingNode {
		if err := checkMapping(n); err != nil {
			return err
		}
	}
	for _, c := range n.Content {
		if err := walkYAML(c); err != nil {
			return err
		}
	}
	return nil
}

func checkMapping(m *yaml.Node) error {
	seen := map[string]int{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key, value := m.Content[i], m.Content[i+1]
		if key.Kind != yaml.ScalarNode || key.Tag == "!!merge" {
			continue
		}
		if first, ok := seen[key.Value]; ok {
			return duplicateKeyError(key.Value, first, key.Line)
		}
		seen[key.Value] = key.Line
		if key.Value == string(api.FieldDelay) && isYAMLNumber(value) {
			if _, err := api.ParseDelayNumber(value.Value); err != nil {
				return usageError("line %d: %s", value.Line, safetext.Clean(err.Error()))
			}
		}
	}
	return nil
}

// isYAMLNumber reports whether YAML reads the scalar as a number (quoted
// text is left to the body's own check, which refuses text for a delay).
func isYAMLNumber(n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode {
		return false
	}
	tag := n.ShortTag()
	return tag == "!!int" || tag == "!!float"
}
