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
	Internal    bool     // a part for formulas (撤销14件): extracted, never written as a record
	Pos         Pos      // where the entry starts
}

// Formula derives a figure from others of the same report and scope: a
// count as the sum of its parts, or a rate as numerator ÷ denominator (×100
// when the result's unit is %).
type Formula struct {
	ID         string   // named in the rule column: derived:<ID>
	Metric     string   // id of the result
	Sum        []string // ids of the parts, for a sum
	Divide     []string // [numerator, denominator], for a rate or ratio
	Alternates []string // other denominators a report may have used
	Refs       []Ref    // every metric id named, where
	Pos        Pos      // where the entry starts
}

// Order is a chain of counts, each at most the next (纠错 ≤ 审结 ≤ 受理 ≤ 申请).
type Order struct {
	Metrics []string
	Refs    []Ref
	Pos     Pos
}

// Ref is a metric id named in a formula or order chain.
type Ref struct {
	ID  string
	Pos Pos
}

// Set is the merged rule set in force.
type Set struct {
	Metrics  []*Metric           // catalog order: files in order, entries in order; internal ones too
	Topics   map[string][]string // topic id → words
	Scopes   []string            // words naming who a figure is about
	Formulas []*Formula          // in file order
	Orders   []*Order
}

// File is one parsed rule file.
type File struct {
	Name     string
	Topics   map[string][]string
	Scopes   []string
	Metrics  []*Metric
	Formulas []*Formula
	Orders   []*Order
}

// replaceOrAppend puts v in place of the entry with the same id, or at the
// end; index maps ids to positions in list.
func replaceOrAppend[T any](list []T, index map[string]int, id string, v T) []T {
	if i, ok := index[id]; ok {
		list[i] = v
		return list
	}
	index[id] = len(list)
	return append(list, v)
}

// Merge combines files in order: a later metric, topic or formula with the
// same id replaces the earlier one in place; new ids are appended, and so
// are order chains. Every metric id a formula or chain names must exist.
func Merge(files ...*File) (*Set, error) {
	set := &Set{Topics: map[string][]string{}}
	index := map[string]int{}
	formulas := map[string]int{}
	chains := map[string]bool{}
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
			set.Metrics = replaceOrAppend(set.Metrics, index, m.ID, m)
		}
		for _, fm := range f.Formulas {
			set.Formulas = replaceOrAppend(set.Formulas, formulas, fm.ID, fm)
		}
		for _, o := range f.Orders {
			if k := strings.Join(o.Metrics, " "); !chains[k] {
				chains[k] = true
				set.Orders = append(set.Orders, o)
			}
		}
	}
	var errs Errors
	for _, m := range set.Metrics {
		if m.Topic != "" && set.Topics[m.Topic] == nil {
			errs = append(errs, &Error{Pos: m.Pos, Msg: fmt.Sprintf("metric %s: unknown topic %q", m.ID, m.Topic)})
		}
	}
	for _, f := range set.Formulas {
		errs = append(errs, set.checkFormula(f)...)
	}
	for _, o := range set.Orders {
		for _, r := range o.Refs {
			if set.byID(r.ID) == nil {
				errs = append(errs, &Error{Pos: r.Pos, Msg: fmt.Sprintf("order: unknown metric %q", r.ID)})
			}
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return set, nil
}

// checkFormula reports unknown metric ids and units that do not add up.
func (s *Set) checkFormula(f *Formula) Errors {
	var errs Errors
	for _, r := range f.Refs {
		if s.byID(r.ID) == nil {
			errs = append(errs, &Error{Pos: r.Pos, Msg: fmt.Sprintf("formula %s: unknown metric %q", f.ID, r.ID)})
		}
	}
	if len(errs) > 0 {
		return errs
	}
	result := s.byID(f.Metric)
	unitErr := func(id, want string) {
		errs = append(errs, &Error{Pos: f.Pos, Msg: fmt.Sprintf("formula %s: metric %s has unit %s, want %s", f.ID, id, s.byID(id).Unit, want)})
	}
	if len(f.Divide) == 2 {
		if result.Unit != "%" && result.Unit != "ratio" {
			unitErr(f.Metric, `"%" or ratio for a divide`)
		}
		for _, alt := range f.Alternates {
			if den := s.byID(f.Divide[1]); s.byID(alt).Unit != den.Unit {
				unitErr(alt, den.Unit+" like the denominator "+den.ID)
			}
		}
	}
	for _, part := range f.Sum {
		if s.byID(part).Unit != result.Unit {
			unitErr(part, result.Unit+" like the sum "+result.ID)
		}
	}
	return errs
}

// byID returns the metric with the given id, or nil.
func (s *Set) byID(id string) *Metric {
	for _, m := range s.Metrics {
		if m.ID == id {
			return m
		}
	}
	return nil
}

// Catalog returns the metrics written as records: every metric but the
// internal parts, in catalog order.
func (s *Set) Catalog() []*Metric {
	var out []*Metric
	for _, m := range s.Metrics {
		if !m.Internal {
			out = append(out, m)
		}
	}
	return out
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
