package extract

import (
	"fmt"
	"strings"

	"github.com/zhibiao/zhibiao/document"
	"github.com/zhibiao/zhibiao/rules"
)

// Explanation tells how the engine read one sentence: its tokens, the
// triggers found, and for each number what became of it and why.
type Explanation struct {
	Line     int
	Sentence string   // as written
	Tokens   []string // gse tokens, spaces left out
	Triggers []TriggerHit
	Numbers  []NumberNote
	Records  []Record
}

// TriggerHit is one trigger found in the sentence, with the metrics it names.
type TriggerHit struct {
	Word    string
	Metrics []*rules.Metric
}

// NumberNote is one number with the notes made while linking it.
type NumberNote struct {
	Text  string // as written, with its unit
	Notes []string
}

// tracer collects notes per number of the sentence being read.
type tracer struct {
	notes [][]string
}

// note records a decision about number i, when explaining.
func (d *docState) note(i int, msg string) {
	if d.trace == nil || i < 0 {
		return
	}
	for len(d.trace.notes) <= i {
		d.trace.notes = append(d.trace.notes, nil)
	}
	d.trace.notes[i] = append(d.trace.notes[i], msg)
}

// candidateName names a trigger and the metric it would give.
func (d *docState) candidateName(c candidate) string {
	return fmt.Sprintf("%s → %s", c.h.word, c.m.ID)
}

// Explain reads a document as Extract does and reports every sentence that
// yielded a record or nearly did (it has a trigger and a number). With
// metric set (an id or name), only sentences where that metric's triggers
// stand are kept.
func (x *Extractor) Explain(doc *document.Doc, metric string) []Explanation {
	var want *rules.Metric
	if metric != "" {
		want = x.set.Metric(metric)
	}
	d := &docState{x: x, doc: doc}
	var out []Explanation
	for _, line := range doc.Lines {
		if line.Chrome {
			continue
		}
		d.heading(line)
		var prev *sentence
		for _, sp := range sentencesOf(doc, line) {
			s := d.prepare(sp)
			s.prev = prev
			prev = s
			d.trace = &tracer{}
			n := len(d.recs)
			d.sentence(s)
			if len(s.nums) == 0 || len(s.hits) == 0 && len(d.recs) == n {
				continue
			}
			e := Explanation{Line: doc.LineOf(sp.Start), Sentence: strings.TrimSpace(string(doc.Text[sp.Start:sp.End]))}
			keep := want == nil
			for _, h := range s.hits {
				e.Triggers = append(e.Triggers, TriggerHit{h.word, h.metrics})
				for _, m := range h.metrics {
					keep = keep || m == want
				}
			}
			if !keep {
				continue
			}
			for _, t := range x.seg.Cut(doc.Folded, sp.Start, sp.End) {
				if w := strings.TrimSpace(t.Text); w != "" {
					e.Tokens = append(e.Tokens, string(doc.Text[t.Start:t.End]))
				}
			}
			for i, num := range s.nums {
				nn := NumberNote{Text: string(doc.Text[num.QualStart:num.QualEnd])}
				if i < len(d.trace.notes) {
					nn.Notes = d.trace.notes[i]
				}
				e.Numbers = append(e.Numbers, nn)
			}
			for _, p := range d.recs[n:] {
				e.Records = append(e.Records, p.Record)
			}
			out = append(out, e)
		}
	}
	return out
}
