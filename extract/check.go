package extract

import (
	"fmt"
	"math"
	"math/big"
	"slices"
	"strings"

	"github.com/zhibiao/zhibiao/document"
	"github.com/zhibiao/zhibiao/rules"
)

// Check names (Check.Check).
const (
	CheckRate    = "rate_vs_counts" // a stated rate against the counts of its formula
	CheckSum     = "count_sum"      // a stated count against the sum of its parts
	CheckOrder   = "count_order"    // counts of an order chain, each at most the next
	CheckChange  = "change_sum"     // previous value + change in 个百分点 = the level
	CheckRange   = "rate_range"     // a level rate within 0–100%
	CheckClaimed = "claimed"        // a 100% rate with no counts behind it
)

// Check statuses (Check.Status). Every status but ok is a warning.
const (
	StatusOK         = "ok"
	StatusMismatch   = "mismatch"
	StatusAmbiguous  = "ambiguous_denominator" // matches an alternate denominator, not the formula's
	StatusClaimed    = "claimed"
	StatusOutOfRange = "out_of_range"
)

// minTolerance is the least slack between a stated rate and what its
// counts give, in percentage points: the report rounds to two decimals.
const minTolerance = 0.05

// checker checks the figures of one document, scope by scope.
type checker struct {
	x      *Extractor
	doc    *document.Doc
	out    []Check
	tested map[recKey]bool // stated rates compared with counts
}

type recKey struct {
	id    string
	start int
}

// check runs every check on the groups (after derive has added what it
// derived), ordered by line.
func (x *Extractor) check(doc *document.Doc, groups []*scopeGroup) []Check {
	c := &checker{x: x, doc: doc, tested: map[recKey]bool{}}
	for _, g := range groups {
		for _, f := range x.set.Formulas {
			switch {
			case len(f.Divide) == 2:
				c.rate(g, f)
			case len(f.Sum) > 0:
				c.sum(g, f)
			}
		}
		for _, o := range x.set.Orders {
			c.order(g, o)
		}
		c.changes(g)
		c.rates(g)
	}
	slices.SortStableFunc(c.out, func(a, b Check) int { return a.Line - b.Line })
	return c.out
}

func (c *checker) add(g *scopeGroup, check, status, metric, stated, expected string, line int, format string, args ...any) {
	msg := fmt.Sprintf("%s:%d: ", c.doc.Name, line)
	if g.scope != "" {
		msg += g.scope + ": "
	}
	c.out = append(c.out, Check{
		File: c.doc.Name, Scope: g.scope, Check: check, Status: status, Metric: metric,
		Stated: stated, Expected: expected, Message: msg + fmt.Sprintf(format, args...), Line: line,
	})
}

// rate compares each stated level of a divide formula's result with what its
// counts give: ok within rounding, ambiguous_denominator when an alternate
// denominator gives it, else mismatch.
func (c *checker) rate(g *scopeGroup, f *rules.Formula) {
	num, den := g.known[f.Divide[0]], g.known[f.Divide[1]]
	if num == nil || den == nil || den.val.Sign() <= 0 {
		return
	}
	result := c.x.set.Metric(f.Metric)
	names := []string{num.rec.Metric, den.rec.Metric}
	var alts []*quantity
	for _, id := range f.Alternates {
		if q := g.known[id]; q != nil && q.val.Sign() > 0 {
			alts = append(alts, q)
			names = append(names, q.rec.Metric)
		}
	}
	short := shortNames(names)
	want := quotient(num.val, den.val, result.Unit)
	for _, r := range g.levels[f.Metric] {
		stated, ok := ratOf(r.Value)
		if !ok || r.Unit != result.Unit {
			continue
		}
		c.tested[recKey{r.MetricID, r.Start}] = true
		expected := decimal(want)
		msg := fmt.Sprintf("%s %s stated, counts give %s (%s %s ÷ %s %s)", r.Metric, statedText(r),
			expected+unitText(r.Unit), short[0], num.rec.Value, short[1], den.rec.Value)
		if agrees(r, stated, want) {
			c.add(g, CheckRate, StatusOK, r.MetricID, r.Value, expected, r.Line, "%s", msg)
			continue
		}
		status := StatusMismatch
		for i, alt := range alts {
			v := quotient(num.val, alt.val, result.Unit)
			if agrees(r, stated, v) {
				status = StatusAmbiguous
				msg += fmt.Sprintf("; %s %s ÷ %s %s gives %s", short[0], num.rec.Value, short[2+i], alt.rec.Value, decimal(v)+unitText(r.Unit))
				break
			}
		}
		c.add(g, CheckRate, status, r.MetricID, r.Value, expected, r.Line, "%s", msg)
	}
}

// sum compares a stated count with the parts the report gives: ok when they
// add up to it, mismatch when they exceed it. Fewer is no finding: a
// report may name only some of the parts.
func (c *checker) sum(g *scopeGroup, f *rules.Formula) {
	total := new(big.Rat)
	var parts []*quantity
	for _, id := range f.Sum {
		if q := g.known[id]; q != nil {
			total.Add(total, q.val)
			parts = append(parts, q)
		}
	}
	if len(parts) == 0 {
		return
	}
	var names []string
	for _, q := range parts {
		names = append(names, q.rec.Metric)
	}
	short := shortNames(names)
	terms := make([]string, len(parts))
	for i, q := range parts {
		terms[i] = short[i] + " " + q.rec.Value
	}
	for _, r := range g.levels[f.Metric] {
		stated, ok := ratOf(r.Value)
		if !ok || r.Qualifier != "exact" {
			continue
		}
		status := StatusOK
		switch total.Cmp(stated) {
		case 1:
			status = StatusMismatch
		case -1:
			continue
		}
		c.add(g, CheckSum, status, r.MetricID, r.Value, decimal(total), r.Line,
			"%s %s stated, its parts add up to %s (%s)", r.Metric, r.Value, decimal(total), strings.Join(terms, " + "))
	}
}

// order checks a chain of counts (纠错 ≤ 审结 ≤ 受理 ≤ 申请) among those the
// scope gives: one mismatch per pair out of order, else one ok.
func (c *checker) order(g *scopeGroup, o *rules.Order) {
	var present []*quantity
	for _, id := range o.Metrics {
		if q := g.known[id]; q != nil {
			present = append(present, q)
		}
	}
	if len(present) < 2 {
		return
	}
	bad := false
	for i := 0; i+1 < len(present); i++ {
		a, b := present[i], present[i+1]
		if a.val.Cmp(b.val) > 0 {
			bad = true
			c.add(g, CheckOrder, StatusMismatch, a.rec.MetricID, a.rec.Value, "<="+b.rec.Value, a.rec.Line,
				"%s %s exceeds %s %s", a.rec.Metric, a.rec.Value, b.rec.Metric, b.rec.Value)
		}
	}
	if bad {
		return
	}
	terms := make([]string, len(present))
	line := present[0].rec.Line
	for i, q := range present {
		terms[i] = q.rec.Metric + " " + q.rec.Value
		line = min(line, q.rec.Line)
	}
	c.add(g, CheckOrder, StatusOK, present[0].rec.MetricID, present[0].rec.Value, "", line, "%s", strings.Join(terms, " ≤ "))
}

// changes checks each change in 个百分点 against the previous value and the
// level of the same metric, when the scope gives all three.
func (c *checker) changes(g *scopeGroup) {
	first := func(id, kind string) (Record, *big.Rat, bool) {
		for _, r := range g.recs {
			if r.MetricID == id && r.Kind == kind && r.Unit == "%" {
				if v, ok := ratOf(r.Value); ok {
					return r, v, true
				}
			}
		}
		return Record{}, nil, false
	}
	for _, ch := range g.recs {
		if ch.Kind != KindChange || ch.Unit != "个百分点" {
			continue
		}
		delta, ok := ratOf(ch.Value)
		if !ok {
			continue
		}
		level, lv, ok1 := first(ch.MetricID, KindLevel)
		prev, pv, ok2 := first(ch.MetricID, KindPrevious)
		if !ok1 || !ok2 {
			continue
		}
		sum := new(big.Rat).Add(pv, delta)
		tol := max(tolerance(level.Value), tolerance(prev.Value), tolerance(ch.Value))
		d, _ := new(big.Rat).Sub(sum, lv).Float64()
		status := StatusOK
		if math.Abs(d) > tol {
			status = StatusMismatch
		}
		c.add(g, CheckChange, status, ch.MetricID, level.Value, decimal(sum), ch.Line,
			"%s %s stated, previous %s and change %s个百分点 give %s", level.Metric, level.Value+"%", prev.Value+"%", ch.Value, decimal(sum)+"%")
	}
}

// rates checks each level rate: within 0–100%, and a 100% that no counts
// could confirm is a claim.
func (c *checker) rates(g *scopeGroup) {
	for _, r := range g.recs {
		m := c.x.set.Metric(r.MetricID)
		if r.Kind != KindLevel || r.Unit != "%" || m.Unit != "%" {
			continue
		}
		v, ok := ratOf(r.Value)
		if !ok {
			continue
		}
		switch {
		case v.Sign() < 0 || v.Cmp(big.NewRat(100, 1)) > 0:
			c.add(g, CheckRange, StatusOutOfRange, r.MetricID, r.Value, "", r.Line,
				"%s %s stated, outside 0-100%%", r.Metric, r.Value+"%")
		case v.Cmp(big.NewRat(100, 1)) == 0 && !c.tested[recKey{r.MetricID, r.Start}]:
			c.add(g, CheckClaimed, StatusClaimed, r.MetricID, r.Value, "", r.Line,
				"%s 100%% stated, no counts to check it", r.Metric)
		}
	}
}

// agrees says whether a stated rate holds what the counts give, within its
// rounding, and as a bound when it is one (超过90%, 不到5%).
func agrees(r Record, stated, computed *big.Rat) bool {
	s, _ := stated.Float64()
	v, _ := computed.Float64()
	tol := tolerance(r.Value)
	switch r.Qualifier {
	case "lower":
		return v >= s-tol
	case "upper":
		return v <= s+tol
	}
	return math.Abs(v-s) <= tol
}

// tolerance is the rounding a stated value may hide: half a unit of its
// last decimal (98 covers 97.5–98.5), at least minTolerance.
func tolerance(value string) float64 {
	decimals := 0
	if _, frac, ok := strings.Cut(value, "."); ok {
		decimals = len(frac)
	}
	return max(minTolerance, 0.5*math.Pow(10, -float64(decimals))) + 1e-9
}

// statedText is a stated figure in a message: its bound, value and unit.
func statedText(r Record) string {
	prefix := map[string]string{"lower": "at least ", "upper": "at most ", "approx": "about "}[r.Qualifier]
	return prefix + r.Value + unitText(r.Unit)
}

// unitText is how a unit follows a value in a message.
func unitText(unit string) string {
	if unit == "ratio" {
		return ""
	}
	return unit
}

// shortNames drops the words the names share at their start
// (行政复议纠错数, 行政复议审结数 → 纠错数, 审结数).
func shortNames(names []string) []string {
	if len(names) < 2 {
		return names
	}
	first := []rune(names[0])
	n := len(first)
	for _, name := range names[1:] {
		rs := []rune(name)
		k := 0
		for k < n && k < len(rs) && rs[k] == first[k] {
			k++
		}
		n = k
	}
	out := make([]string, len(names))
	for i, name := range names {
		rest := []rune(name)[n:]
		if len(rest) < 2 {
			return names
		}
		out[i] = string(rest)
	}
	return out
}
