package extract

import (
	"sync"
	"testing"

	"github.com/zhibiao/zhibiao/document"
	"github.com/zhibiao/zhibiao/internal/bench"
	"github.com/zhibiao/zhibiao/number"
	"github.com/zhibiao/zhibiao/rules"
	"github.com/zhibiao/zhibiao/segment"
)

// The benchmarks of this file run on the generated corpus of package bench
// (ZHIBIAO_BENCH_REPORTS reports, 50 by default) and all count the corpus
// bytes in b.SetBytes, so their MB/s divide into ratios: BenchmarkExtract
// ÷ BenchmarkSegment/numbers is what the engine costs over gse alone.
// BENCHMARKS.md has the figures and the commands.

var benchEngine struct {
	once sync.Once
	seg  *segment.Segmenter
	x    *Extractor
	docs []*document.Doc
	err  error
}

// engineForBench builds the engine as the command does (embedded rules,
// default dictionary) and parses the corpus, once per test binary.
func engineForBench(b *testing.B) (*Extractor, *segment.Segmenter, []*document.Doc) {
	b.Helper()
	reports := bench.Reports(b)
	e := &benchEngine
	e.once.Do(func() {
		set, err := rules.Load()
		if err != nil {
			e.err = err
			return
		}
		e.seg, e.err = segment.New(set.Lexicon(), segment.DictCompact)
		if e.err != nil {
			return
		}
		e.x = New(e.seg, set)
		for _, r := range reports {
			doc, err := document.Parse(r.Name, r.Text)
			if err != nil {
				e.err = err
				return
			}
			e.docs = append(e.docs, doc)
		}
	})
	if e.err != nil {
		b.Fatal(e.err)
	}
	return e.x, e.seg, e.docs
}

// eachSentence calls f with every sentence the engine reads: those of the
// lines that are not web-page chrome.
func eachSentence(docs []*document.Doc, f func(doc *document.Doc, sp segment.Span)) {
	for _, doc := range docs {
		for _, line := range doc.Lines {
			if line.Chrome {
				continue
			}
			for _, sp := range segment.Sentences(doc.Folded, line.Start, line.End) {
				f(doc, sp)
			}
		}
	}
}

type benchSentence struct {
	doc *document.Doc
	sp  segment.Span
}

// sentencesForBench returns every sentence, and the ones holding a number
// (the only ones the engine gives to gse).
func sentencesForBench(docs []*document.Doc) (all, withNumbers []benchSentence) {
	eachSentence(docs, func(doc *document.Doc, sp segment.Span) {
		s := benchSentence{doc, sp}
		all = append(all, s)
		if len(number.Scan(doc.Folded[sp.Start:sp.End], doc.Text[sp.Start:sp.End])) > 0 {
			withNumbers = append(withNumbers, s)
		}
	})
	return all, withNumbers
}

// BenchmarkSegment is the floor: gse alone (segment.Segmenter.Cut) on the
// sentences of the corpus. "numbers" cuts what the engine cuts, the
// sentences that hold a number; "all" cuts every sentence.
func BenchmarkSegment(b *testing.B) {
	_, seg, docs := engineForBench(b)
	size := bench.Size(bench.Reports(b))
	all, withNumbers := sentencesForBench(docs)
	for _, c := range []struct {
		name      string
		sentences []benchSentence
	}{{"numbers", withNumbers}, {"all", all}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, s := range c.sentences {
					seg.Cut(s.doc.Folded, s.sp.Start, s.sp.End)
				}
			}
		})
	}
}

// BenchmarkExtract is the engine on whole reports: document.Parse and
// Extractor.Run, on one goroutine. Writing the records is measured by
// internal/bench's BenchmarkPipeline (package output imports extract).
func BenchmarkExtract(b *testing.B) {
	x, _, _ := engineForBench(b)
	reports := bench.Reports(b)
	b.SetBytes(bench.Size(reports))
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range reports {
			doc, err := document.Parse(r.Name, r.Text)
			if err != nil {
				b.Fatal(err)
			}
			x.Run(doc)
		}
	}
}

// BenchmarkFindHits is rule matching: trigger lookup on the tokens of the
// sentences with numbers (cut beforehand).
func BenchmarkFindHits(b *testing.B) {
	x, seg, docs := engineForBench(b)
	_, withNumbers := sentencesForBench(docs)
	type cut struct {
		text []rune
		toks []segment.Token
	}
	cuts := make([]cut, len(withNumbers))
	for i, s := range withNumbers {
		cuts[i] = cut{s.doc.Folded, seg.Cut(s.doc.Folded, s.sp.Start, s.sp.End)}
	}
	b.SetBytes(bench.Size(bench.Reports(b)))
	b.ReportAllocs()
	for b.Loop() {
		for _, c := range cuts {
			x.findHits(c.text, c.toks)
		}
	}
}

// BenchmarkMentions is topic-word matching on characters, on every
// sentence (the engine looks for topics in sentences without numbers too).
func BenchmarkMentions(b *testing.B) {
	x, _, docs := engineForBench(b)
	all, _ := sentencesForBench(docs)
	b.SetBytes(bench.Size(bench.Reports(b)))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range all {
			x.mentions(s.doc.Folded, s.sp)
		}
	}
}

// BenchmarkScan is number.Scan on every sentence of the corpus, as the
// engine calls it (number's own BenchmarkScan runs on a short passage).
func BenchmarkScan(b *testing.B) {
	_, _, docs := engineForBench(b)
	all, _ := sentencesForBench(docs)
	b.SetBytes(bench.Size(bench.Reports(b)))
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range all {
			number.Scan(s.doc.Folded[s.sp.Start:s.sp.End], s.doc.Text[s.sp.Start:s.sp.End])
		}
	}
}
