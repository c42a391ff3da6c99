package extract

import (
	"math/big"
	"slices"
	"strings"

	"github.com/zhibiao/zhibiao/document"
	"github.com/zhibiao/zhibiao/rules"
)

// Derived figures: the rules' formulas applied to the level figures of one
// scope (撤销14件 + 确认违法4件 + … → 纠错数; 纠错数 ÷ 审结数 → 纠错率). Which
// metrics add up or divide is rule data; this file only does the sums.

// quantity is a figure a formula or a check may use: a level record as
// stated, or a derived one.
type quantity struct {
	rec Record
	val *big.Rat
}

// scopeGroup is every record of one scope of one document.
type scopeGroup struct {
	scope  string
	recs   []Record             // every kind, in document order
	levels map[string][]Record  // metric id → its level records
	known  map[string]*quantity // metric id → a usable value
}

// stated says whether the report gives a level figure of the metric.
func (g *scopeGroup) stated(id string) bool { return len(g.levels[id]) > 0 }

// groups sorts a document's records by scope, in order of first appearance.
// A metric's value is usable when its level figures in the scope are exact
// and agree; two different exact values leave it unknown.
func (x *Extractor) groups(recs []Record) []*scopeGroup {
	var out []*scopeGroup
	index := map[string]*scopeGroup{}
	for _, r := range recs {
		m := x.set.Metric(r.MetricID)
		if m == nil || m.ID != r.MetricID {
			continue // discovered figures, or not of this rule set
		}
		g := index[r.Scope]
		if g == nil {
			g = &scopeGroup{scope: r.Scope, levels: map[string][]Record{}, known: map[string]*quantity{}}
			index[r.Scope] = g
			out = append(out, g)
		}
		g.recs = append(g.recs, r)
		if r.Kind == KindLevel {
			g.levels[r.MetricID] = append(g.levels[r.MetricID], r)
		}
	}
	for _, g := range out {
		for id, levels := range g.levels {
			unit := x.set.Metric(id).Unit
			var q *quantity
			for _, r := range levels {
				v, ok := ratOf(r.Value)
				if !ok || r.Qualifier != "exact" || r.Unit != unit {
					continue
				}
				if q != nil && q.val.Cmp(v) != 0 {
					q = nil // the report gives two values: use neither
					break
				}
				if q == nil {
					q = &quantity{r, v}
				}
			}
			if q != nil {
				g.known[id] = q
			}
		}
	}
	return out
}

// derive applies the formulas to each scope and returns the derived
// records, scope by scope. A formula runs after those whose results it
// uses, and only when its own result is not stated in that scope; what it
// derives is usable by later formulas and by the checks.
func (x *Extractor) derive(doc *document.Doc, groups []*scopeGroup) []Record {
	var out []Record
	for _, g := range groups {
		done := map[*rules.Formula]bool{}
		for progress := true; progress; {
			progress = false
			for _, f := range x.set.Formulas {
				if done[f] || waiting(f, x.set.Formulas, done) {
					continue
				}
				done[f], progress = true, true
				if g.stated(f.Metric) {
					continue
				}
				if q, ok := x.apply(doc, g, f); ok {
					g.known[f.Metric] = q
					out = append(out, q.rec)
				}
			}
		}
	}
	return out
}

// waiting: an input of f is the result of a formula not yet run.
func waiting(f *rules.Formula, all []*rules.Formula, done map[*rules.Formula]bool) bool {
	for _, o := range all {
		if o == f || done[o] {
			continue
		}
		if slices.Contains(f.Sum, o.Metric) || slices.Contains(f.Divide, o.Metric) {
			return true
		}
	}
	return false
}

// apply computes one formula in one scope. A sum adds the parts the report
// gives (at least one); a divide needs both figures and a denominator above 0.
func (x *Extractor) apply(doc *document.Doc, g *scopeGroup, f *rules.Formula) (*quantity, bool) {
	result := x.set.Metric(f.Metric)
	var val *big.Rat
	var inputs []*quantity
	var evidence string
	switch {
	case len(f.Sum) > 0:
		val = new(big.Rat)
		for _, id := range f.Sum {
			if q := g.known[id]; q != nil {
				val.Add(val, q.val)
				inputs = append(inputs, q)
			}
		}
		if len(inputs) == 0 {
			return nil, false
		}
		sorted := slices.Clone(inputs)
		slices.SortStableFunc(sorted, func(a, b *quantity) int { return a.rec.Start - b.rec.Start })
		var parts []string
		for _, q := range sorted {
			if !slices.Contains(parts, q.rec.Evidence) { // 撤销5件、变更2件 is one clause
				parts = append(parts, q.rec.Evidence)
			}
		}
		evidence = strings.Join(parts, " … ")
	case len(f.Divide) == 2:
		num, den := g.known[f.Divide[0]], g.known[f.Divide[1]]
		if num == nil || den == nil || den.val.Sign() <= 0 {
			return nil, false
		}
		val = quotient(num.val, den.val, result.Unit)
		inputs = []*quantity{num, den}
		evidence = num.rec.Metric + " " + num.rec.Value + " ÷ " + den.rec.Metric + " " + den.rec.Value
	default:
		return nil, false
	}
	first := inputs[0].rec
	for _, q := range inputs[1:] {
		if q.rec.Start < first.Start {
			first = q.rec
		}
	}
	rec := Record{
		File:      doc.Name,
		Region:    doc.Region,
		Year:      doc.Year,
		MetricID:  result.ID,
		Metric:    result.Name,
		Value:     decimal(val),
		Unit:      result.Unit,
		Qualifier: "exact",
		Kind:      KindDerived,
		Scope:     g.scope,
		Evidence:  evidence,
		Line:      first.Line,
		Start:     first.Start,
		End:       first.End,
		Rule:      "derived:" + f.ID,
	}
	return &quantity{rec, val}, true
}

// quotient is num ÷ den, in percent when the unit is %.
func quotient(num, den *big.Rat, unit string) *big.Rat {
	q := new(big.Rat).Quo(num, den)
	if unit == "%" {
		q.Mul(q, big.NewRat(100, 1))
	}
	return q
}

// ratOf reads a record value ("31.43", "-6.5", "2258100") exactly.
func ratOf(s string) (*big.Rat, bool) {
	if s == "" || strings.ContainsAny(s, "eE/") {
		return nil, false
	}
	return new(big.Rat).SetString(s)
}

// decimal formats a value the way records hold them: rounded to two
// decimals (halves away from zero), no trailing zeros.
func decimal(v *big.Rat) string {
	s := v.FloatString(2)
	s = strings.TrimRight(s, "0")
	s = strings.TrimSuffix(s, ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

// catalogOnly drops the records of internal metrics.
func (x *Extractor) catalogOnly(recs []Record) []Record {
	out := make([]Record, 0, len(recs))
	for _, r := range recs {
		if m := x.set.Metric(r.MetricID); m != nil && m.ID == r.MetricID && m.Internal {
			continue
		}
		out = append(out, r)
	}
	return out
}
