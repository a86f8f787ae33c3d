package api

import (
	"bytes"
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"
)

// objectReader reads the fields of one JSON object leniently, field by
// field, for the answers of GET routes: a field with an odd shape is set
// aside with its raw value instead of failing the whole answer, because one
// strange field must never make a campaign unreadable. Fields nobody asked
// for are left in the reader and end up as extras.
type objectReader struct {
	fields map[string]json.RawMessage
	odd    map[string]json.RawMessage
}

// newObjectReader splits data into its fields; ok is false when data is not
// a JSON object.
func newObjectReader(data []byte) (*objectReader, bool) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil || fields == nil {
		return nil, false
	}
	return &objectReader{fields: fields}, true
}

// take removes field name and returns its raw value; ok is false when the
// field is absent or null (lemlist's way of saying "no value").
func (r *objectReader) take(name string) (json.RawMessage, bool) {
	v, ok := r.fields[name]
	if !ok {
		return nil, false
	}
	delete(r.fields, name)
	if isNull(v) {
		return nil, false
	}
	return v, true
}

func (r *objectReader) setAside(name string, v json.RawMessage) {
	if r.odd == nil {
		r.odd = map[string]json.RawMessage{}
	}
	r.odd[name] = v
}

func isNull(v json.RawMessage) bool { return bytes.Equal(bytes.TrimSpace(v), []byte("null")) }

// str reads a string field.
func (r *objectReader) str(name string, dst *string) {
	v, ok := r.take(name)
	if !ok {
		return
	}
	if json.Unmarshal(v, dst) != nil {
		r.setAside(name, v)
	}
}

// whole reads a whole number that may come as a number or as a string
// holding one ("2"), as some stored delays do.
func (r *objectReader) whole(name string, dst *int) bool {
	v, ok := r.take(name)
	if !ok {
		return false
	}
	n, ok := looseWhole(v)
	if !ok {
		r.setAside(name, v)
		return false
	}
	*dst = n
	return true
}

// wholePtr is whole for an optional number.
func (r *objectReader) wholePtr(name string, dst **int) {
	var n int
	if r.whole(name, &n) {
		*dst = &n
	}
}

// number reads a number (or a string holding one) that may have decimals.
func (r *objectReader) number(name string, dst **float64) {
	v, ok := r.take(name)
	if !ok {
		return
	}
	f, ok := looseNumber(v)
	if !ok {
		r.setAside(name, v)
		return
	}
	*dst = &f
}

// flag reads a boolean; the strings "true" and "false" are read as theirs.
func (r *objectReader) flag(name string, dst **bool) {
	v, ok := r.take(name)
	if !ok {
		return
	}
	var b bool
	if json.Unmarshal(v, &b) == nil {
		*dst = &b
		return
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		if b, err := strconv.ParseBool(strings.TrimSpace(s)); err == nil {
			*dst = &b
			return
		}
	}
	r.setAside(name, v)
}

// texts reads a list of strings; a single string is read as a list of one.
func (r *objectReader) texts(name string, dst *[]string) {
	v, ok := r.take(name)
	if !ok {
		return
	}
	var l []string
	if json.Unmarshal(v, &l) == nil {
		*dst = nonNil(l)
		return
	}
	var s string
	if json.Unmarshal(v, &s) == nil {
		*dst = []string{s}
		return
	}
	r.setAside(name, v)
}

// media reads a list of media links: strings, or objects holding the link
// in `url` (lemlist re-hosts media and may describe each file).
func (r *objectReader) media(name string, dst *[]string) {
	v, ok := r.take(name)
	if !ok {
		return
	}
	var items []json.RawMessage
	if json.Unmarshal(v, &items) != nil {
		r.setAside(name, v)
		return
	}
	urls := make([]string, 0, len(items))
	for _, item := range items {
		var s string
		if json.Unmarshal(item, &s) == nil {
			urls = append(urls, s)
			continue
		}
		var obj struct {
			URL *string `json:"url"`
		}
		if json.Unmarshal(item, &obj) != nil || obj.URL == nil {
			r.setAside(name, v)
			return
		}
		urls = append(urls, *obj.URL)
	}
	*dst = urls
}

// rest returns the fields nobody read, nil when there are none.
func (r *objectReader) rest() map[string]json.RawMessage {
	if len(r.fields) == 0 {
		return nil
	}
	return r.fields
}

func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}

// looseWhole reads a whole number given as a JSON number or a string
// holding one; it must fit an int32 so arithmetic on days cannot overflow.
func looseWhole(v json.RawMessage) (int, bool) {
	f, ok := looseNumber(v)
	if !ok || f != math.Trunc(f) || f < math.MinInt32 || f > math.MaxInt32 {
		return 0, false
	}
	return int(f), true
}

func looseNumber(v json.RawMessage) (float64, bool) {
	var f float64
	if json.Unmarshal(v, &f) == nil {
		return f, true
	}
	var s string
	if json.Unmarshal(v, &s) != nil {
		return 0, false
	}
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	return f, true
}

// appendFields writes extra fields at the end of a JSON object already
// marshalled, in name order, so what lemstep did not read is printed back as
// lemlist sent it. An extra replaces a field of obj with the same name (a
// field that could not be read is written as it arrived, not as its zero).
func appendFields(obj []byte, sets ...map[string]json.RawMessage) ([]byte, error) {
	extra := map[string]json.RawMessage{}
	for _, set := range sets {
		for k, v := range set {
			extra[k] = v
		}
	}
	if len(extra) == 0 {
		return obj, nil
	}
	dec := json.NewDecoder(bytes.NewReader(obj))
	if _, err := dec.Token(); err != nil { // {
		return nil, err
	}
	var out bytes.Buffer
	out.WriteByte('{')
	write := func(k string, v json.RawMessage) error {
		if out.Len() > 1 {
			out.WriteByte(',')
		}
		key, err := json.Marshal(k)
		if err != nil {
			return err
		}
		out.Write(key)
		out.WriteByte(':')
		return json.Compact(&out, v)
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		k, _ := tok.(string)
		if _, replaced := extra[k]; replaced {
			continue
		}
		if err := write(k, v); err != nil {
			return nil, err
		}
	}
	names := make([]string, 0, len(extra))
	for k := range extra {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if err := write(k, extra[k]); err != nil {
			return nil, err
		}
	}
	out.WriteByte('}')
	return out.Bytes(), nil
}
