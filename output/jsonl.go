package output

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/zhibiao/zhibiao/extract"
)

// JSONL writes records as JSON Lines: one object per line, with the keys of
// [extract.Header] in that order.
type JSONL struct {
	enc *json.Encoder
}

// NewJSONL returns a JSONL writer on w. It does not buffer: each Write
// writes one complete line.
func NewJSONL(w io.Writer) *JSONL {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &JSONL{enc: enc}
}

// jsonRecord is a record as a JSON object. Its fields are in the order of
// extract.Header, which encoding/json keeps.
type jsonRecord struct {
	File      string          `json:"file"`
	Region    string          `json:"region"`
	Year      *int            `json:"year"` // null when unknown
	MetricID  string          `json:"metric_id"`
	Metric    string          `json:"metric"`
	Value     json.RawMessage `json:"value"` // the normalized decimal as a number
	Unit      string          `json:"unit"`
	Qualifier string          `json:"qualifier"`
	Kind      string          `json:"kind"`
	RefYear   *int            `json:"ref_year"` // null when none
	Scope     string          `json:"scope"`
	Evidence  string          `json:"evidence"`
	Line      int             `json:"line"`
	Start     int             `json:"start"`
	End       int             `json:"end"`
	Rule      string          `json:"rule"`
}

// Write writes one record as a line of JSON. The value is written verbatim
// as a JSON number; a value that is not one is an error and nothing is
// written.
func (j *JSONL) Write(rec extract.Record) error {
	if !isJSONNumber(rec.Value) {
		return fmt.Errorf("value %q at %s:%d is not a number", rec.Value, rec.File, rec.Line)
	}
	return j.enc.Encode(jsonRecord{
		File:      rec.File,
		Region:    rec.Region,
		Year:      intOrNil(rec.Year),
		MetricID:  rec.MetricID,
		Metric:    rec.Metric,
		Value:     json.RawMessage(rec.Value),
		Unit:      rec.Unit,
		Qualifier: rec.Qualifier,
		Kind:      rec.Kind,
		RefYear:   intOrNil(rec.RefYear),
		Scope:     rec.Scope,
		Evidence:  rec.Evidence,
		Line:      rec.Line,
		Start:     rec.Start,
		End:       rec.End,
		Rule:      rec.Rule,
	})
}

// Close does nothing, as JSONL writes are not buffered; it is there so that
// JSONL is a [RecordWriter].
func (j *JSONL) Close() error { return nil }

// intOrNil returns nil for 0 (unknown) and a pointer to n otherwise.
func intOrNil(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

// isJSONNumber reports whether s is exactly a JSON number literal:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func isJSONNumber(s string) bool {
	i := 0
	digits := func() bool {
		start := i
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
		}
		return i > start
	}
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case !digits():
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if !digits() {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if !digits() {
			return false
		}
	}
	return i == len(s)
}
