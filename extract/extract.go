package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/document"
	"github.com/zhibiao/zhibiao/number"
	"github.com/zhibiao/zhibiao/rules"
	"github.com/zhibiao/zhibiao/segment"
)

// Extractor applies one rule set with one segmenter. It holds no state
// between documents: one Extractor serves every worker.
type Extractor struct {
	// Discover also emits uncatalogued figures named by a word ending in
	// 率 or 比 (metric_id "other"). Set it before the first Extract.
	Discover bool

	seg       *segment.Segmenter
	set       *rules.Set
	triggers  map[string][]*rules.Metric // trigger → metrics it names
	maxRunes  int                        // longest trigger, in runes
	topics    []topicWord                // longest first
	topicHave map[*rules.Metric][]string // a metric's topic words
	scopes    [][]rune                   // the scope words, in rule order
}

type topicWord struct {
	word  []rune
	topic string
}

// New builds an Extractor. seg should have been built with set.Lexicon().
func New(seg *segment.Segmenter, set *rules.Set) *Extractor {
	x := &Extractor{seg: seg, set: set, triggers: map[string][]*rules.Metric{}, topicHave: map[*rules.Metric][]string{}}
	for _, m := range set.Metrics {
		for _, t := range m.Triggers {
			if !slices.Contains(x.triggers[t], m) {
				x.triggers[t] = append(x.triggers[t], m)
			}
			x.maxRunes = max(x.maxRunes, utf8.RuneCountInString(t))
		}
		if m.Topic != "" {
			x.topicHave[m] = set.Topics[m.Topic]
		}
	}
	for _, w := range set.Scopes {
		x.scopes = append(x.scopes, []rune(w))
	}
	for id, words := range set.Topics {
		for _, w := range words {
			x.topics = append(x.topics, topicWord{[]rune(w), id})
		}
	}
	slices.SortFunc(x.topics, func(a, b topicWord) int {
		if len(a.word) != len(b.word) {
			return len(b.word) - len(a.word)
		}
		return strings.Compare(string(a.word), string(b.word))
	})
	return x
}

// Extract returns the records of one document, ordered by position, each
// figure once even when the page repeats its body. Internal parts (the
// rules' internal metrics) are left out: Run uses them for derived figures.
func (x *Extractor) Extract(doc *document.Doc) []Record {
	return x.catalogOnly(x.extractAll(doc))
}

// extractAll is Extract with the internal parts kept.
func (x *Extractor) extractAll(doc *document.Doc) []Record {
	d := &docState{x: x, doc: doc}
	for _, line := range doc.Lines {
		if line.Chrome {
			continue
		}
		d.line(line)
	}
	return d.finish()
}

// docState is the work on one document.
type docState struct {
	x      *Extractor
	doc    *document.Doc
	inPlan bool // under a heading about next year's plans
	recs   []placed
	seen   map[recordKey]int // index in recs of each figure kept
	trace  *tracer           // nil unless explaining
}

// placed is a record with the position of its trigger, for ordering.
type placed struct {
	Record
	trigger int
}

// sentence is one sentence with everything found in it.
type sentence struct {
	span    segment.Span
	clauses []segment.Span
	hits    []hit
	nums    []number.Number
	topics  []mention
	prev    *sentence // the sentence before, in the same paragraph
}

// hit is a trigger found on token boundaries.
type hit struct {
	start, end int
	word       string
	metrics    []*rules.Metric
}

// mention is a topic word at a position.
type mention struct {
	pos, n int // where the word stands and its length
	topic  string
}

func (d *docState) line(line document.Line) {
	d.heading(line)
	var prev *sentence
	for _, sp := range sentencesOf(d.doc, line) {
		s := d.prepare(sp)
		s.prev = prev
		d.sentence(s)
		prev = s
	}
}

// sentencesOf splits a line into sentences.
func sentencesOf(doc *document.Doc, line document.Line) []segment.Span {
	return segment.Sentences(doc.Folded, line.Start, line.End)
}

// maxHeading is the longest line taken for a heading, in runes.
const maxHeading = 40

// heading tracks whether the text is under a plan heading (三、2024年工作计划).
// A top-level heading (一、…) sets or clears it; a sub-heading may only set it.
func (d *docState) heading(line document.Line) {
	if line.End-line.Start > maxHeading+20 { // a paragraph, whatever its indent
		return
	}
	text := strings.TrimSpace(string(d.doc.Folded[line.Start:line.End]))
	if utf8.RuneCountInString(text) > maxHeading || text == "" {
		return
	}
	r := []rune(text)
	topLevel := len(r) > 1 && strings.ContainsRune("一二三四五六七八九十", r[0]) && (r[1] == '、' || (len(r) > 2 && r[2] == '、'))
	sub := r[0] == '(' || r[0] == '（'
	plan := containsAny(text, planHeadingWords) || (d.doc.Year > 0 && strings.Contains(text, strconv.Itoa(d.doc.Year+1)+"年"))
	switch {
	case topLevel:
		d.inPlan = plan
	case sub && plan:
		d.inPlan = true
	}
}

func (d *docState) prepare(sp segment.Span) *sentence {
	x := d.x
	s := &sentence{span: sp, clauses: segment.Clauses(d.doc.Folded, sp)}
	for _, n := range number.Scan(d.doc.Folded[sp.Start:sp.End], d.doc.Text[sp.Start:sp.End]) {
		n.Start += sp.Start
		n.End += sp.Start
		n.QualStart += sp.Start
		n.QualEnd += sp.Start
		s.nums = append(s.nums, n)
	}
	if len(s.nums) == 0 {
		// Topics still matter to the next sentence.
		s.topics = x.mentions(d.doc.Folded, sp)
		return s
	}
	s.hits = x.findHits(d.doc.Folded, x.seg.Cut(d.doc.Folded, sp.Start, sp.End))
	s.topics = x.mentions(d.doc.Folded, sp)
	return s
}

// findHits finds triggers that start and end on token boundaries, longest
// first; a hit inside a longer one is dropped.
func (x *Extractor) findHits(text []rune, toks []segment.Token) []hit {
	var hits []hit
	var buf [64]byte // the tokens i..j, reused: a map lookup of string(buf) does not allocate
	for i := 0; i < len(toks); i++ {
		if n := len(hits); n > 0 && hits[n-1].end > toks[i].Start {
			continue // inside the previous, longer hit
		}
		var best hit
		found := false
		b := buf[:0]
		for j := i; j < len(toks) && toks[j].End-toks[i].Start <= x.maxRunes; j++ {
			b = append(b, toks[j].Text...)
			if ms, ok := x.triggers[string(b)]; ok {
				best, found = hit{start: toks[i].Start, end: toks[j].End, metrics: ms}, true
			}
		}
		if found {
			best.word = string(text[best.start:best.end])
			hits = append(hits, best)
		}
	}
	return hits
}

// mentions lists the topic words of a sentence, longest match first.
func (x *Extractor) mentions(text []rune, sp segment.Span) []mention {
	// A 256-bit filter of the topic words' first runes (low byte): most
	// positions start no topic word and are passed over in one test.
	var first [4]uint64
	for _, tw := range x.topics {
		if len(tw.word) > 0 {
			b := tw.word[0] & 0xff
			first[b>>6] |= 1 << (b & 63)
		}
	}
	var ms []mention
	for i := sp.Start; i < sp.End; {
		if b := text[i] & 0xff; first[b>>6]&(1<<(b&63)) == 0 {
			i++
			continue
		}
		matched := false
		for _, tw := range x.topics {
			if hasPrefixAt(text, i, sp.End, tw.word) {
				ms = append(ms, mention{i, len(tw.word), tw.topic})
				i += len(tw.word)
				matched = true
				break
			}
		}
		if !matched {
			i++
		}
	}
	return ms
}

func hasPrefixAt(text []rune, i, end int, w []rune) bool {
	if i+len(w) > end {
		return false
	}
	for k, r := range w {
		if text[i+k] != r {
			return false
		}
	}
	return true
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// recordKey is what makes two records the same figure: a page that repeats
// its body states each figure twice, with the same words.
type recordKey struct {
	id, value, unit, qual, kind, scope, evidence string
	ref                                          int
}

// add keeps a record unless the document gave the same figure before, and
// returns the index of the record kept. Repeats are dropped as they come,
// so a file that repeats itself costs no more memory than its figures.
func (d *docState) add(p placed) int {
	r := p.Record
	k := recordKey{r.MetricID, r.Value, r.Unit, r.Qualifier, r.Kind, r.Scope, r.Evidence, r.RefYear}
	if i, ok := d.seen[k]; ok {
		return i
	}
	if d.seen == nil {
		d.seen = map[recordKey]int{}
	}
	d.seen[k] = len(d.recs)
	d.recs = append(d.recs, p)
	return len(d.recs) - 1
}

// finish orders the records by position.
func (d *docState) finish() []Record {
	slices.SortStableFunc(d.recs, func(a, b placed) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.trigger - b.trigger
	})
	out := make([]Record, len(d.recs))
	for i, p := range d.recs {
		out[i] = p.Record
	}
	return out
}
