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
		if d.listedBefore(s, cl, f.num) {
			last = d.respectively(s, cl, i, took, last)
			continue
		}
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
				case containsAny(gap, allWords):
					// 报备率和报备及时率均为100%: every metric named since the last value.
					for _, c := range sinceLastValue(s, before, i) {
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
		prefix := string(d.doc.Folded[cl.Start:f.num.QualStart])
		if last >= 0 && !strings.Contains(prefix, respectivelyWord) && d.fillersOnly(cl.Start, f.num.QualStart, nil) {
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

// listedBefore: the last trigger before the number is followed by 分别 and
// link words only (纠错率、调撤率分别为11%…).
func (d *docState) listedBefore(s *sentence, cl segment.Span, n number.Number) bool {
	end := -1
	for _, h := range s.hits {
		if h.start >= cl.Start && h.end <= n.QualStart {
			end = h.end
		}
	}
	if end < 0 {
		return false
	}
	gap := string(d.doc.Folded[end:n.QualStart])
	return strings.Contains(gap, respectivelyWord) && d.fillersOnly(end, n.QualStart, s)
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
	if f.kind == KindLevel {
		y := d.openingYear(segment.Span{Start: cl.Start, End: s.span.End}) // 2023年为10%
		if y == 0 {
			y = d.openingYear(s.span)
		}
		if y > 0 && y < d.doc.Year {
			f.kind, f.refYear = KindPrevious, y // 2022年行政复议纠错率为12%, in a 2023 report
		}
	}
	if f.kind == KindLevel && d.isTarget(s, n) {
		f.kind = KindTarget
	}
	return f, ""
}

// openingYear is the year a span opens with (2022年行政复议…), or 0; a
// date (2022年3月) is no such year.
func (d *docState) openingYear(sp segment.Span) int {
	text := d.doc.Folded
	i := sp.Start
	for i < sp.End && text[i] == ' ' {
		i++
	}
	j := yearAt(text, i, sp.End)
	if j < 0 || j < sp.End && text[j] >= '0' && text[j] <= '9' {
		return 0
	}
	y, _ := strconv.Atoi(string(text[i : j-1]))
	return y
}

// changeBefore: the text before a number ends with a verb of change
// (同比下降, 增长了), not with one that names the new level (降至, 提高到).
func changeBefore(before []rune) (int, bool) {
	s := strings.TrimSuffix(string(before), "了")
	for _, noun := range changeNouns { // 增幅为20%, 降幅达5%
		for _, link := range []string{"为", "达", "达到", "是"} {
			if strings.HasSuffix(s, noun+link) {
				s = strings.TrimSuffix(s, link)
			}
		}
	}
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
	cl := clauseOf(s, n.Start)
	if containsAny(string(d.doc.Folded[cl.Start:n.QualStart]), targetWords) {
		return true
	}
	before := string(d.doc.Folded[s.span.Start:n.QualStart])
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
	default: // a count changes by a percentage, not by percentage points
		ok = f.unit == "%" && f.kind == KindChange
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
	return d.pickFrom(s, cl, h, f, i, false)
}

// pickListed is pick for an item of a 分别 list, where the other items'
// words in the clause are no reason to refuse (受理、审结…分别为50件、48件).
func (d *docState) pickListed(s *sentence, cl segment.Span, h hit, f figure, i int) (candidate, bool) {
	return d.pickFrom(s, cl, h, f, i, true)
}

func (d *docState) pickFrom(s *sentence, cl segment.Span, h hit, f figure, i int, listed bool) (candidate, bool) {
	for _, m := range h.metrics {
		why := compatibility(m, f)
		if why == "" {
			why = d.refusal(s, cl, h, m, f, listed)
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
func (d *docState) refusal(s *sentence, cl segment.Span, h hit, m *rules.Metric, f figure, listed bool) string {
	text := d.doc.Folded
	if h.start > 0 && slices.Contains(negations, text[h.start-1]) {
		return fmt.Sprintf("negated by %c", text[h.start-1])
	}
	end := max(h.end, f.num.Start)
	outside := string(text[cl.Start:min(h.start, f.num.Start)]) + "|" + string(text[h.end:end])
	for _, w := range m.Exclude {
		if !listed && strings.Contains(outside, w) {
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
	// A figure's topic may come from the sentence before; an internal part
	// (撤销2件) says too little to carry one that far, unless its sentence
	// already gave a figure of that topic (审结70件，其中…撤销14件).
	reach := 2
	if m.Internal && !d.sentenceHasTopic(s, m.Topic) {
		reach = 1
	}
	for cur, back := s, 0; cur != nil && back < reach; cur, back = cur.prev, back+1 {
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

// sentenceHasTopic: a catalog figure of the topic was recorded in s.
func (d *docState) sentenceHasTopic(s *sentence, topic string) bool {
	for _, p := range d.recs {
		if p.Start >= s.span.Start && p.Start < s.span.End {
			if m := d.x.set.Metric(p.MetricID); m != nil && !m.Internal && m.Topic == topic {
				return true
			}
		}
	}
	return false
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
			if slices.Contains(timeUnits, m.Unit) && !m.Ordinal { // 由2022年的…, 连续三年保持…
				if !d.fillersOnly(from, m.QualStart, s) {
					return fmt.Sprintf("words between are not link words: %s", string(d.doc.Folded[from:m.QualStart]))
				}
				from = m.QualEnd
				continue
			}
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
		if j := yearAt(text, i, to); j > i { // 较2019年
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

// yearAt returns the end of a year written YYYY年 at i, or -1.
func yearAt(text []rune, i, end int) int {
	j := i
	for j < end && j-i < 4 && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	if j-i == 4 && j < end && text[j] == yearRune {
		return j + 1
	}
	return -1
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

// sinceLastValue returns the candidates after the last value before
// number i.
func sinceLastValue(s *sentence, cands []candidate, i int) []candidate {
	from := valueEndBefore(s, i, -1)
	var out []candidate
	for _, c := range cands {
		if c.h.start >= from {
			out = append(out, c)
		}
	}
	return out
}

// valueEndBefore is where the last value before number i ends, or floor
// when none ends after it.
func valueEndBefore(s *sentence, i, floor int) int {
	n := s.nums[i]
	for _, m := range s.nums[:i] {
		if m.End <= n.QualStart && m.End > floor {
			floor = m.End
		}
	}
	return floor
}

// respectively pairs 纠错率、调撤率分别为11%、40% in order: the items named
// (separated by 、和及与; a trigger right after another, as in
// 审结行政复议案件, belongs to it) against the values listed from number i.
// When the counts differ, nothing is paired. It returns the index of the
// last record emitted, or last.
func (d *docState) respectively(s *sentence, cl segment.Span, i int, took []*linked, last int) int {
	n := s.nums[i]
	from := valueEndBefore(s, i, cl.Start)
	var items [][]hit
	for _, h := range s.hits {
		if h.start < from || h.end > n.QualStart {
			continue
		}
		if k := len(items); k > 0 {
			prev := items[k-1][len(items[k-1])-1]
			if sep := string(d.doc.Folded[prev.end:h.start]); sep == "" {
				items[k-1] = append(items[k-1], h) // 审结|行政复议案件
				continue
			} else if strings.Trim(sep, listSeparators) != "" {
				items = items[:0] // not one list: start again
			}
		}
		items = append(items, []hit{h})
	}
	vals := []int{i}
	for k := i + 1; k < len(s.nums); k++ {
		sep := string(d.doc.Folded[s.nums[k-1].QualEnd:s.nums[k].QualStart])
		if sep == "" || strings.Trim(sep, listSeparators) != "" {
			break
		}
		vals = append(vals, k)
	}
	if len(items) != len(vals) {
		for _, k := range vals {
			took[k] = &linked{-1, ""}
			d.note(k, fmt.Sprintf("分别: %d items named, %d values: not paired", len(items), len(vals)))
		}
		return last
	}
	for j, k := range vals {
		took[k] = &linked{-1, ""}
		f, why := d.figureOf(s, s.nums[k])
		if why != "" {
			d.note(k, "not a figure: "+why)
			continue
		}
		for _, h := range items[j] {
			if c, ok := d.pickListed(s, cl, h, f, k); ok {
				last = d.emit(s, c, f, c.h.start, k, "paired in order by 分别")
				took[k] = &linked{c.h.start, f.kind}
				break
			}
		}
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
	scope := ""
	for i := s.span.Start; i < pos; i++ {
		if scope != "" && hasAnyPrefixAt(text, i, pos, ownTerritory) {
			scope = "" // 县政府常务会议…，全县行政复议纠错率: the county's own figure
			continue
		}
		if scope != "" {
			continue
		}
		for _, w := range d.x.scopes {
			if !hasPrefixAt(text, i, pos, w) {
				continue
			}
			if len(self) > 0 && i >= len(self) && slices.Equal(text[i-len(self):i], self) {
				continue // 玉环市政府 in 玉环市's report
			}
			if i > 0 && text[i-1] == '委' {
				continue // 县委县政府: the leadership, not a scope
			}
			scope = string(w)
			break
		}
	}
	return scope
}

func hasAnyPrefixAt(text []rune, i, end int, words [][]rune) bool {
	for _, w := range words {
		if hasPrefixAt(text, i, end, w) {
			return true
		}
	}
	return false
}
