package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Units a metric may have.
var Units = []string{"%", "件", "人", "次", "个", "项", "元", "ratio"}

// Pos is a place in a rule file.
type Pos struct {
	File      string
	Line, Col int
}

// String gives file:line, the form used in the rule column of records.
func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Metric is one catalog entry: what a figure is, and the words that name it.
type Metric struct {
	ID          string
	Name        string
	Unit        string
	Topic       string   // topic the figure must be about, unless a trigger names it
	Triggers    []string // words naming the metric; the longest match wins
	Require     []string // one must occur in the figure's clause (empty: no condition)
	Exclude     []string // none may occur in the clause before the trigger
	ValueBefore bool     // a count may precede its trigger: 60人报名
	Pos         Pos      // where the entry starts
}

// Set is the merged rule set in force.
type Set struct {
	Metrics []*Metric           // catalog order: files in order, entries in order
	Topics  map[string][]string // topic id → words
	Scopes  []string            // words naming who a figure is about
}

// File is one parsed rule file.
type File struct {
	Name    string
	Topics  map[string][]string
	Scopes  []string
	Metrics []*Metric
}

// Merge combines files in order: a later metric or topic with the same id
// replaces the earlier one in place; new ids are appended.
func Merge(files ...*File) (*Set, error) {
	set := &Set{Topics: map[string][]string{}}
	index := map[string]int{}
	for _, f := range files {
		for id, words := range f.Topics {
			set.Topics[id] = words
		}
		for _, w := range f.Scopes {
			if !slices.Contains(set.Scopes, w) {
				set.Scopes = append(set.Scopes, w)
			}
		}
		for _, m := range f.Metrics {
			if i, ok := index[m.ID]; ok {
				set.Metrics[i] = m
				continue
			}
			index[m.ID] = len(set.Metrics)
			set.Metrics = append(set.Metrics, m)
		}
	}
	var errs Errors
	for _, m := range set.Metrics {
		if m.Topic != "" && set.Topics[m.Topic] == nil {
			errs = append(errs, &Error{Pos: m.Pos, Msg: fmt.Sprintf("metric %s: unknown topic %q", m.ID, m.Topic)})
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return set, nil
}

// Metric returns the metric with the given id or name, or nil.
func (s *Set) Metric(idOrName string) *Metric {
	for _, m := range s.Metrics {
		if m.ID == idOrName || m.Name == idOrName {
			return m
		}
	}
	return nil
}

// Lexicon is every word the rules name, for the segmenter: triggers, topic
// words, scope words and context words, longest first.
func (s *Set) Lexicon() []string {
	seen := map[string]bool{}
	var words []string
	add := func(ws ...string) {
		for _, w := range ws {
			// One-character words would only bend gse's cuts around them.
			if !seen[w] && len([]rune(w)) > 1 {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	for _, m := range s.Metrics {
		add(m.Triggers...)
		add(m.Require...)
		add(m.Exclude...)
	}
	for _, ws := range s.Topics {
		add(ws...)
	}
	add(s.Scopes...)
	slices.SortFunc(words, func(a, b string) int {
		if c := cmp.Compare(len([]rune(b)), len([]rune(a))); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	return words
}

// Error is one problem in a rule file, printed as file:line:col: message.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Pos.File, e.Pos.Line, e.Pos.Col, e.Msg)
}

// Errors is every problem found, one per line.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}
