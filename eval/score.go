package eval

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/zhibiao/zhibiao/extract"
)

// Options change what is scored.
type Options struct {
	// SkipKinds lists kinds ("derived", say) whose gold rows and records
	// are dropped before matching.
	SkipKinds []string
}

// Match is a record that matched a gold row.
type Match struct {
	Gold   Gold
	Record extract.Record
}

// Counts are the outcome of matching for some set of figures.
type Counts struct {
	TP int // true positives: records that matched a gold row
	FP int // false positives: records that matched none
	FN int // false negatives: gold rows that no record matched
}

// Precision is TP/(TP+FP), or 1 when there are no records.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), or 1 when there are no gold rows.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall, or 0 when both are 0.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ratio is n/d, with 0/0 taken as 1.
func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

// Report is the result of [Score].
type Report struct {
	Hits      []Match          // true positives, in gold order
	FalseHits []extract.Record // records that matched no gold row, in record order
	Misses    []Gold           // gold rows that no record matched, in gold order

	Overall  Counts
	ByMetric map[string]Counts // by Chinese metric name
	ByKind   map[string]Counts
}

// KindF1 returns the F1 score of the figures of one kind. A kind with
// neither gold rows nor records scores 1, by the 0/0 convention.
func (r *Report) KindF1(kind string) float64 {
	return r.ByKind[kind].F1()
}

// Score matches records against gold rows and counts the outcome.
//
// docs are the document ids ([DocOf]) of all inputs that were read, with or
// without records; gold rows of other documents are ignored, so that a
// subset of the corpus can be scored. Gold rows and records of the kinds in
// opt.SkipKinds are dropped.
//
// A record matches a gold row when document, metric name, unit, kind,
// qualifier and scope are equal and the values are numerically equal;
// evidence is not compared. Each gold row matches at most one record and
// each record at most one gold row: gold rows take, in order, the first
// record that matches and is still free.
func Score(gold []Gold, docs []string, got []extract.Record, opt Options) *Report {
	rep := &Report{
		ByMetric: make(map[string]Counts),
		ByKind:   make(map[string]Counts),
	}

	// Index the records by everything but the value.
	type key struct{ doc, metric, unit, kind, qualifier, scope string }
	type candidate struct {
		i     int // index in got
		value float64
		ok    bool // value parsed
	}
	byKey := make(map[key][]candidate)
	var recs []int // indices of the records kept
	for i, r := range got {
		if slices.Contains(opt.SkipKinds, r.Kind) {
			continue
		}
		recs = append(recs, i)
		v, ok := parseValue(r.Value)
		k := key{DocOf(r.File), r.Metric, r.Unit, r.Kind, r.Qualifier, r.Scope}
		byKey[k] = append(byKey[k], candidate{i, v, ok})
	}

	used := make([]bool, len(got))
	for _, g := range gold {
		if !slices.Contains(docs, g.Doc) || slices.Contains(opt.SkipKinds, g.Kind) {
			continue
		}
		matched := false
		if v, ok := parseValue(g.Value); ok {
			for _, c := range byKey[key{g.Doc, g.Metric, g.Unit, g.Kind, g.Qualifier, g.Scope}] {
				if !used[c.i] && c.ok && math.Abs(c.value-v) <= 1e-9 {
					used[c.i] = true
					matched = true
					rep.Hits = append(rep.Hits, Match{Gold: g, Record: got[c.i]})
					break
				}
			}
		}
		if matched {
			rep.add(g.Metric, g.Kind, Counts{TP: 1})
		} else {
			rep.Misses = append(rep.Misses, g)
			rep.add(g.Metric, g.Kind, Counts{FN: 1})
		}
	}
	for _, i := range recs {
		if !used[i] {
			r := got[i]
			rep.FalseHits = append(rep.FalseHits, r)
			rep.add(r.Metric, r.Kind, Counts{FP: 1})
		}
	}
	return rep
}

// add adds d to the counts of metric, of kind and overall.
func (r *Report) add(metric, kind string, d Counts) {
	r.ByMetric[metric] = r.ByMetric[metric].plus(d)
	r.ByKind[kind] = r.ByKind[kind].plus(d)
	r.Overall = r.Overall.plus(d)
}

func (c Counts) plus(d Counts) Counts {
	return Counts{TP: c.TP + d.TP, FP: c.FP + d.FP, FN: c.FN + d.FN}
}

// isNumber reports whether s is a plain decimal number: an optional sign,
// digits, and an optional fraction ("98", "-6.5", "37.50").
func isNumber(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	return allDigits(intPart) && intPart != "" && (!hasDot || frac != "" && allDigits(frac))
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// parseValue parses a plain decimal number; ok is false for anything else.
func parseValue(s string) (v float64, ok bool) {
	if !isNumber(s) {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}
