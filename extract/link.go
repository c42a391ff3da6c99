package extract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/zhibiao/zhibiao/number"
	"github.com/zhibiao/zhibiao/rules"
	"github.com/zhibiao/zhibiao/segment"
)

// figure is a number with what its surroundings say about it.
type figure struct {
	num     number.Number
	unit    string // catalog unit of the number: %, 个百分点, ratio, 件…
	kind    string
	sign    int // -1 for a decrease
	refYear int
}

// candidate is a trigger and one metric it names.
type candidate struct {
	h hit
	m *rules.Metric
}

// linked remembers which hit took which number, and as what kind.
type linked struct {
	hitStart int
	kind     string
}

func (d *docState) sentence(s *sentence) {
	if len(s.nums) == 0 || len(s.hits) == 0 && !d.x.Discover {
		return // with no trigger in the sentence no number can be linked
	}
	took := make([]*linked, len(s.nums)) // per number: the hit that took it
	last := -1                           // index in d.recs of the sentence's last record
	for i := 0; i < len(s.nums); i++ {
		if took[i] != nil {
			continue
		}
		f, why := d.figureOf(s, s.nums[i])
		if why != "" {
			d.note(i, "not a figure: "+why)
			continue
		}
		cl := clauseOf(s, f.num.Start)
		before := d.before(s, cl, f, i)
		if len(before) > 0 {
			near := before[len(before)-1]
			if why := d.gap(s, near.h, f.num, took); why != "" {
				d.note(i, fmt.Sprintf("%s: %s", d.candidateName(near), why))
			} else {
				for _, c := range before[:len(before)-1] {
					d.note(i, fmt.Sprintf("%s: lost to the closer %s", d.candidateName(c), near.h.word))
				}
				gap := string(d.doc.Folded[near.h.end:f.num.QualStart])
				switch {
				case strings.Contains(gap, respectivelyWord):
					last = d.respectively(s, cl, i, before, took)
					continue
				case containsAny(gap, allWords):
					// 报备率和报备及时率均为100%: every metric named since the last value.
					for _, c := range d.sinceLastValue(s, before, f.num) {
						last = d.emit(s, c, f, c.h.start, i, "coordinated by 均/都")
					}
				default:
					last = d.emit(s, near, f, near.h.start, i, "nearest trigger before it")
				}
				took[i] = &linked{near.h.start, f.kind}
				continue
			}
		}
		if c, ok := d.after(s, cl, f, i); ok {
			last = d.emit(s, c, f, f.num.Start, i, "trigger right after it")
			took[i] = &linked{c.h.start, f.kind}
			continue
		}
		// 同比上升79.81%, 较2019年36.37% or 达到85% in a clause of its own:
		// about the figure just before it in the sentence.
		if last >= 0 && (f.kind != KindLevel || d.fillersOnly(cl.Start, f.num.QualStart, nil)) {
			prev := d.recs[last]
			m := d.x.set.Metric(prev.MetricID)
			if m != nil && compatibility(m, f) == "" {
				r := d.record(s, candidate{m: m}, f, cl.Start)
				r.Scope = prev.Scope
				last = d.add(placed{r, f.num.Start})
				d.note(i, fmt.Sprintf("→ %s %s %s, about the figure before it in the sentence (%s)", m.ID, r.Value, r.Kind, m.Pos))
				took[i] = &linked{-1, f.kind}
				continue
			}
		}
		if d.x.Discover && d.discover(s, cl, f) {
			took[i] = &linked{-1, f.kind}
			continue
		}
		d.note(i, "no record")
	}
}

// catalogUnit says whether a counting word is one figures are kept in.
func catalogUnit(u string) bool {
	return u == "个百分点" || slices.Contains(rules.Units, u)
}

// figureOf reads a number's unit and kind from the words around it, or
// says why it is no figure (a year, a rank, a date).
func (d *docState) figureOf(s *sentence, n number.Number) (figure, string) {
	f := figure{num: n, unit: n.Unit, kind: KindLevel, sign: 1}
	if a, ok := unitAliases[f.unit]; ok {
		f.unit = a
	}
	if n.Unit == "ratio" || n.Unit == "" {
		f.unit = "ratio"
	}
	switch {
	case n.Ordinal:
		return f, "a rank (第)"
	case !catalogUnit(f.unit):
		return f, fmt.Sprintf("unit %s is not a catalog unit", n.Unit)
	}
	cl := clauseOf(s, n.Start)
	before := []rune(strings.TrimRight(string(d.doc.Folded[cl.Start:n.QualStart]), " "))
	if sign, ok := changeBefore(before); ok {
		f.kind, f.sign = KindChange, sign
	} else if ref, ok := d.previousBefore(before); ok {
		f.kind, f.refYear = KindPrevious, ref
	}
	if f.unit == "个百分点" && f.kind != KindChange {
		// 高出2个百分点 with no verb of change says nothing we can sign.
		sign, ok := anyChangeVerb(before)
		if !ok {
			return f, "个百分点 with no verb of change before it"
		}
		f.kind, f.sign = KindChange, sign
	}
	if f.kind == KindLevel && d.isTarget(s, n) {
		f.kind = KindTarget
	}
	return f, ""
}

// changeBefore: the text before a number ends with a verb of change
// (同比下降, 增长了), not with one that names the new level (降至, 提高到).
func changeBefore(before []rune) (int, bool) {
	s := strings.TrimSuffix(string(before), "了")
	for _, v := range changeVerbs {
		if strings.HasSuffix(s, v.word) {
			return v.sign, true
		}
	}
	return 0, false
}

// anyChangeVerb finds the last verb of change in a clause.
func anyChangeVerb(before []rune) (int, bool) {
	s := string(before)
	best, sign := -1, 0
	for _, v := range changeVerbs {
		if i := strings.LastIndex(s, v.word); i > best {
			best, sign = i, v.sign
		}
	}
	return sign, best >= 0
}

// previousBefore: the text before a number names an earlier period
// (较2019年, 上年为, 从去年的). It returns that period's year (0 if the
// report's year is unknown).
func (d *docState) previousBefore(before []rune) (int, bool) {
	s := string(before)
	for _, t := range previousTails {
		if strings.HasSuffix(s, t) {
			s = strings.TrimSuffix(s, t)
			break
		}
	}
	for _, r := range previousRefs {
		if strings.HasSuffix(s, r.word) {
			if d.doc.Year == 0 {
				return 0, true
			}
			return d.doc.Year - r.back, true
		}
	}
	// YYYY年: an earlier year, or any year after 较/比/从/由.
	rs := []rune(s)
	if len(rs) < 5 || rs[len(rs)-1] != yearRune {
		return 0, false
	}
	digits := string(rs[len(rs)-5 : len(rs)-1])
	year, err := strconv.Atoi(digits)
	if err != nil || year < 1900 || year > 2100 {
		return 0, false
	}
	lead := string(rs[:len(rs)-5])
	for _, l := range previousLeads {
		if strings.HasSuffix(lead, l) {
			return year, true
		}
	}
	if d.doc.Year > 0 && year < d.doc.Year {
		return year, true
	}
	return 0, false
}

// isTarget: a goal word before the number in its sentence, a later year,
// or a plan section.
func (d *docState) isTarget(s *sentence, n number.Number) bool {
	if d.inPlan {
		return true
	}
	before := string(d.doc.Folded[s.span.Start:n.QualStart])
	if containsAny(before, targetWords) {
		return true
	}
	if d.doc.Year == 0 {
		return false
	}
	// A later year named as a year (2024年确保…), not as a date (2024年1月).
	next := []rune(before)
	for i := 0; i+5 <= len(next); i++ {
		if next[i+4] != yearRune {
			continue
		}
		y, err := strconv.Atoi(string(next[i : i+4]))
		if err != nil || y <= d.doc.Year {
			continue
		}
		if i+5 < len(next) && unicode.IsDigit(next[i+5]) {
			continue
		}
		if i > 0 && unicode.IsDigit(next[i-1]) {
			continue
		}
		return true
	}
	return false
}

func clauseOf(s *sentence, pos int) segment.Span {
	for _, c := range s.clauses {
		if pos >= c.Start && pos < c.End {
			return c
		}
	}
	return s.span
}

// compatibility says why a metric cannot carry a figure, or "": a rate
// takes % (and 个百分点 as a change), a count its own unit (and %/个百分点 as a
// change), a ratio a bare number or a:b.
func compatibility(m *rules.Metric, f figure) string {
	ok := false
	switch {
	case m.Unit == "ratio":
		ok = f.unit == "ratio" && f.kind != KindChange
	case m.Unit == "%":
		ok = f.unit == "%" || f.unit == "个百分点" && f.kind == KindChange
	case f.unit == m.Unit:
		ok = true
	default:
		ok = (f.unit == "%" || f.unit == "个百分点") && f.kind == KindChange
	}
	if ok {
		return ""
	}
	if f.unit == "ratio" {
		return fmt.Sprintf("a bare number does not fit a %s metric", m.Unit)
	}
	return fmt.Sprintf("a %s %s does not fit a %s metric", f.kind, f.unit, m.Unit)
}

// before returns the candidates that precede the number in its clause and
// meet their rules, nearest last; one metric per hit.
func (d *docState) before(s *sentence, cl segment.Span, f figure, i int) []candidate {
	var out []candidate
	for _, h := range s.hits {
		if h.start < cl.Start || h.end > f.num.QualStart {
			continue
		}
		if c, ok := d.pick(s, cl, h, f, i); ok {
			out = append(out, c)
		}
	}
	return out
}

// after finds a trigger right after the number: 以97.2%的调解成功率, and for
// counts whose rule allows it, 60人报名.
func (d *docState) after(s *sentence, cl segment.Span, f figure, i int) (candidate, bool) {
	for _, h := range s.hits {
		if h.start < f.num.QualEnd || h.start >= cl.End {
			continue
		}
		gap := strings.TrimSpace(string(d.doc.Folded[f.num.QualEnd:h.start]))
		if gap != "" && gap != "的" {
			d.note(i, fmt.Sprintf("trigger %s after it: %q stands between", h.word, gap))
			return candidate{}, false
		}
		c, ok := d.pick(s, cl, h, f, i)
		if !ok {
			return candidate{}, false
		}
		if !(c.m.ValueBefore || c.m.Unit == "%" && gap == "的") {
			d.note(i, fmt.Sprintf("%s after it: the rule does not take a value before its trigger (value_before)", d.candidateName(c)))
			return candidate{}, false
		}
		return c, true
	}
	return candidate{}, false
}

// pick returns the first metric of a hit whose rule accepts the figure.
func (d *docState) pick(s *sentence, cl segment.Span, h hit, f figure, i int) (candidate, bool) {
	for _, m := range h.metrics {
		why := compatibility(m, f)
		if why == "" {
			why = d.refusal(s, cl, h, m, f)
		}
		if why == "" {
			return candidate{h, m}, true
		}
		d.note(i, fmt.Sprintf("%s: %s", d.candidateName(candidate{h, m}), why))
	}
	return candidate{}, false
}

// refusal checks a rule's conditions and says which one fails, or "": no
// negation before the trigger, no excluded word in the clause, a required
// word present, the right topic.
func (d *docState) refusal(s *sentence, cl segment.Span, h hit, m *rules.Metric, f figure) string {
	text := d.doc.Folded
	if h.start > 0 && slices.Contains(negations, text[h.start-1]) {
		return fmt.Sprintf("negated by %c", text[h.start-1])
	}
	end := max(h.end, f.num.Start)
	outside := string(text[cl.Start:min(h.start, f.num.Start)]) + "|" + string(text[h.end:end])
	for _, w := range m.Exclude {
		if strings.Contains(outside, w) {
			return fmt.Sprintf("excluded word %s in the clause", w)
		}
	}
	if len(m.Require) > 0 && !containsAny(string(text[cl.Start:max(h.end, f.num.QualEnd)]), m.Require) {
		return fmt.Sprintf("none of the required words (%s) in the clause", strings.Join(m.Require, " "))
	}
	return d.offTopic(s, h, m, f.num.Start)
}

// offTopic: a metric with a topic needs its trigger to name the topic, or
// the last topic word before the figure (in this sentence, else the one
// before) to be of that topic. It says why not, or "".
func (d *docState) offTopic(s *sentence, h hit, m *rules.Metric, pos int) string {
	if m.Topic == "" || containsAny(h.word, d.x.topicHave[m]) {
		return ""
	}
	for cur, back := s, 0; cur != nil && back < 2; cur, back = cur.prev, back+1 {
		for k := len(cur.topics) - 1; k >= 0; k-- {
			if t := cur.topics[k]; t.pos < pos {
				if t.topic == m.Topic {
					return ""
				}
				return fmt.Sprintf("the last topic word before it, %s, is of topic %s, not %s", string(d.doc.Folded[t.pos:t.pos+t.n]), t.topic, m.Topic)
			}
		}
	}
	return fmt.Sprintf("no word of topic %s before it in this sentence or the one before", m.Topic)
}

// gap says what is wrong between a trigger and its value, or "": only
// fillers, other triggers, and earlier values this trigger took as previous
// (由上年的15%下降到10%) may stand there.
func (d *docState) gap(s *sentence, h hit, n number.Number, took []*linked) string {
	from, to := h.end, n.QualStart
	if to-from > maxGap {
		return fmt.Sprintf("%d characters between trigger and value (at most %d)", to-from, maxGap)
	}
	for k, m := range s.nums {
		if m.Start >= from && m.Start < to {
			if took[k] == nil || took[k].hitStart != h.start || took[k].kind != KindPrevious {
				return fmt.Sprintf("another number, %s, stands between", string(d.doc.Text[m.Start:m.End]))
			}
			// Skip the earlier value itself when reading the words.
			if !d.fillersOnly(from, m.QualStart, s) {
				return fmt.Sprintf("words between are not link words: %s", string(d.doc.Folded[from:m.QualStart]))
			}
			from = m.QualEnd
		}
	}
	if !d.fillersOnly(from, to, s) {
		return fmt.Sprintf("words between are not link words: %s", string(d.doc.Folded[from:to]))
	}
	return ""
}

// fillersOnly: text[from:to] is made of fillers, spaces, the triggers of
// s (none when s is nil: a trigger whose rule refused the figure is no link
// word), and
// phrases naming an earlier period.
func (d *docState) fillersOnly(from, to int, s *sentence) bool {
	text := d.doc.Folded
	for i := from; i < to; {
		if text[i] == ' ' {
			i++
			continue
		}
		if j := hitAt(s, i); s != nil && j > i && j <= to {
			i = j
			continue
		}
		best := 0
		for _, w := range fillerWords {
			if len(w) > best && hasPrefixAt(text, i, to, w) {
				best = len(w)
			}
		}
		if best == 0 {
			return false
		}
		i += best
	}
	return true
}

func hitAt(s *sentence, i int) int {
	if s == nil {
		return -1
	}
	for _, h := range s.hits {
		if h.start == i {
			return h.end
		}
	}
	return -1
}

// fillerWords is every word that may stand in a gap, as runes.
var fillerWords = func() [][]rune {
	var ws []string
	ws = append(ws, fillers...)
	for _, v := range changeVerbs {
		ws = append(ws, v.word)
	}
	for _, r := range previousRefs {
		ws = append(ws, r.word)
	}
	ws = append(ws, previousLeads...)
	ws = append(ws, previousTails...)
	out := make([][]rune, len(ws))
	for i, w := range ws {
		out[i] = []rune(w)
	}
	return out
}()

// sinceLastValue returns the candidates after the last number before n.
func (d *docState) sinceLastValue(s *sentence, cands []candidate, n number.Number) []candidate {
	lastEnd := -1
	for _, m := range s.nums {
		if m.End <= n.QualStart && m.Start != n.Start {
			lastEnd = max(lastEnd, m.End)
		}
	}
	var out []candidate
	for _, c := range cands {
		if c.h.start >= lastEnd {
			out = append(out, c)
		}
	}
	return out
}

// respectively pairs 纠错率、调撤率分别为11%、40% in order. It returns the
// index of the last record emitted.
func (d *docState) respectively(s *sentence, cl segment.Span, i int, before []candidate, took []*linked) int {
	metrics := d.sinceLastValue(s, before, s.nums[i])
	last := -1
	k := i
	for j, c := range metrics {
		if k >= len(s.nums) {
			break
		}
		if j > 0 {
			sep := string(d.doc.Folded[s.nums[k-1].QualEnd:s.nums[k].QualStart])
			if strings.Trim(sep, listSeparators) != "" {
				break
			}
		}
		f, why := d.figureOf(s, s.nums[k])
		if why != "" || compatibility(c.m, f) != "" {
			break
		}
		last = d.emit(s, c, f, c.h.start, k, "paired in order by 分别")
		took[k] = &linked{c.h.start, f.kind}
		k++
	}
	return last
}

// emit adds a record for number i and returns its index.
func (d *docState) emit(s *sentence, c candidate, f figure, evFrom, i int, how string) int {
	cl := clauseOf(s, evFrom)
	r := d.record(s, c, f, cl.Start)
	k := d.add(placed{r, c.h.start})
	d.note(i, fmt.Sprintf("→ %s %s %s via %s, %s (%s)", c.m.ID, r.Value, r.Kind, c.h.word, how, c.m.Pos))
	return k
}

// record builds the record of a figure; evidence runs from evFrom to the end
// of the figure's clause.
func (d *docState) record(s *sentence, c candidate, f figure, evFrom int) Record {
	n := f.num
	value := signed(f)
	unit := f.unit
	if c.m.Unit == "ratio" {
		unit = "ratio"
	}
	cl := clauseOf(s, n.Start)
	return Record{
		File:      d.doc.Name,
		Region:    d.doc.Region,
		Year:      d.doc.Year,
		MetricID:  c.m.ID,
		Metric:    c.m.Name,
		Value:     value,
		Unit:      unit,
		Qualifier: string(n.Qualifier),
		Kind:      f.kind,
		RefYear:   f.refYear,
		Scope:     d.scope(s, n.Start),
		Evidence:  evidence(d.doc.Text[evFrom:cl.End]),
		Line:      d.doc.LineOf(n.Start),
		Start:     n.Start,
		End:       n.End,
		Rule:      c.m.Pos.String(),
	}
}

// evidence trims a clause for display.
func evidence(rs []rune) string {
	return strings.TrimFunc(string(rs), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",，。；;！!？?", r)
	})
}

// scope is the first scope word of the sentence before the figure, unless
// it is the reporting government naming itself (玉环市政府 in 玉环市's report).
func (d *docState) scope(s *sentence, pos int) string {
	text := d.doc.Folded
	self := []rune(d.doc.Region)
	if len(self) > 1 {
		self = self[:len(self)-1] // 玉环市 → 玉环, to spot 玉环市政府
	}
	for i := s.span.Start; i < pos; i++ {
		for _, w := range d.x.scopes {
			if !hasPrefixAt(text, i, pos, w) {
				continue
			}
			if len(self) > 0 && i >= len(self) && slices.Equal(text[i-len(self):i], self) {
				continue
			}
			return string(w)
		}
	}
	return ""
}
