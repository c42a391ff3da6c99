package bench

import (
	"io"
	"testing"
	"time"

	"github.com/zhibiao/zhibiao/document"
	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/number"
	"github.com/zhibiao/zhibiao/output"
	"github.com/zhibiao/zhibiao/rules"
	"github.com/zhibiao/zhibiao/segment"
)

func engine(b *testing.B) (*extract.Extractor, *segment.Segmenter) {
	b.Helper()
	set, err := rules.Load()
	if err != nil {
		b.Fatal(err)
	}
	seg, err := segment.New(set.Lexicon(), segment.DictCompact)
	if err != nil {
		b.Fatal(err)
	}
	return extract.New(seg, set), seg
}

// pipeline runs what `zhibiao extract` runs on each report, on one
// goroutine: document.Parse, Extractor.Run, the records to a CSV writer.
func pipeline(b *testing.B, x *extract.Extractor, w io.Writer) {
	out := output.NewCSV(w, false)
	for _, r := range Reports(b) {
		doc, err := document.Parse(r.Name, r.Text)
		if err != nil {
			b.Fatal(err)
		}
		for _, rec := range x.Run(doc).Records {
			if err := out.Write(rec); err != nil {
				b.Fatal(err)
			}
		}
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkPipeline is the whole extraction of the corpus with records
// written as CSV to io.Discard.
func BenchmarkPipeline(b *testing.B) {
	x, _ := engine(b)
	b.SetBytes(Size(Reports(b)))
	b.ReportAllocs()
	for b.Loop() {
		pipeline(b, x, io.Discard)
	}
}

// BenchmarkRatio times, in turns, gse alone on the sentences the engine
// cuts (those with a number), gse alone on every sentence, and the whole
// pipeline on the same reports, and reports the best time of each as MB/s
// of the corpus and the pipeline's time over each floor (x-seg-numbers,
// x-seg-all). Taking turns and the best of each keeps the
// ratio steady on a machine shared with other work.
func BenchmarkRatio(b *testing.B) {
	x, seg := engine(b)
	reports := Reports(b)
	var docs []*document.Doc
	for _, r := range reports {
		doc, err := document.Parse(r.Name, r.Text)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, doc)
	}
	type span struct {
		doc        *document.Doc
		start, end int
	}
	var cut, all []span
	for _, doc := range docs {
		for _, line := range doc.Lines {
			if line.Chrome {
				continue
			}
			for _, sp := range segment.Sentences(doc.Folded, line.Start, line.End) {
				all = append(all, span{doc, sp.Start, sp.End})
				if len(number.Scan(doc.Folded[sp.Start:sp.End], doc.Text[sp.Start:sp.End])) > 0 {
					cut = append(cut, span{doc, sp.Start, sp.End})
				}
			}
		}
	}
	cutAll := func(spans []span) time.Duration {
		t := time.Now()
		for _, s := range spans {
			seg.Cut(s.doc.Folded, s.start, s.end)
		}
		return time.Since(t)
	}
	bestNum, bestEvery, bestPipe := time.Duration(1<<62), time.Duration(1<<62), time.Duration(1<<62)
	for b.Loop() {
		bestNum = min(bestNum, cutAll(cut))
		bestEvery = min(bestEvery, cutAll(all))
		t := time.Now()
		pipeline(b, x, io.Discard)
		bestPipe = min(bestPipe, time.Since(t))
	}
	mb := float64(Size(reports)) / 1e6
	b.ReportMetric(mb/bestNum.Seconds(), "seg-numbers-MB/s")
	b.ReportMetric(mb/bestEvery.Seconds(), "seg-all-MB/s")
	b.ReportMetric(mb/bestPipe.Seconds(), "pipeline-MB/s")
	b.ReportMetric(bestPipe.Seconds()/bestNum.Seconds(), "x-seg-numbers")
	b.ReportMetric(bestPipe.Seconds()/bestEvery.Seconds(), "x-seg-all")
	b.ReportMetric(0, "ns/op")
}
