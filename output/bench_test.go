package output

import (
	"bytes"
	"io"
	"sync"
	"testing"

	"github.com/zhibiao/zhibiao/document"
	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/internal/bench"
	"github.com/zhibiao/zhibiao/rules"
	"github.com/zhibiao/zhibiao/segment"
)

// minBenchRecords is the fewest records a writer benchmark writes: the
// records of the benchmark corpus, repeated until there are this many.
const minBenchRecords = 10000

var benchRecords struct {
	once    sync.Once
	set     *rules.Set
	results []extract.Result // one per report, repeated
	infos   []FileInfo
	n       int
	err     error
}

// recordsForBench extracts the benchmark corpus of package bench once.
func recordsForBench(b *testing.B) (*rules.Set, []extract.Result, []FileInfo, int) {
	b.Helper()
	reports := bench.Reports(b)
	r := &benchRecords
	r.once.Do(func() {
		r.set, r.err = rules.Load()
		if r.err != nil {
			return
		}
		seg, err := segment.New(r.set.Lexicon(), segment.DictCompact)
		if err != nil {
			r.err = err
			return
		}
		x := extract.New(seg, r.set)
		var results []extract.Result
		var infos []FileInfo
		n := 0
		for _, rep := range reports {
			doc, err := document.Parse(rep.Name, rep.Text)
			if err != nil {
				r.err = err
				return
			}
			res := x.Run(doc)
			results = append(results, res)
			infos = append(infos, FileInfo{File: doc.Name, Region: doc.Region, Year: doc.Year, Encoding: doc.Encoding, Chars: len(doc.Text)})
			n += len(res.Records)
		}
		for n > 0 && r.n < minBenchRecords {
			r.results = append(r.results, results...)
			r.infos = append(r.infos, infos...)
			r.n += n
		}
	})
	if r.err != nil {
		b.Fatal(r.err)
	}
	if r.n == 0 {
		b.Fatal("the benchmark corpus gave no records")
	}
	return r.set, r.results, r.infos, r.n
}

// benchWriter writes every record with w and reports the output's MB/s
// (b.SetBytes is the size of one output) and records per second.
func benchWriter(b *testing.B, open func(io.Writer) RecordWriter) {
	_, results, _, n := recordsForBench(b)
	write := func(dst io.Writer) {
		w := open(dst)
		for _, res := range results {
			for _, rec := range res.Records {
				if err := w.Write(rec); err != nil {
					b.Fatal(err)
				}
			}
		}
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
	measure(b, n, write)
}

func BenchmarkCSV(b *testing.B) {
	benchWriter(b, func(w io.Writer) RecordWriter { return NewCSV(w, true) })
}

func BenchmarkJSONL(b *testing.B) {
	benchWriter(b, func(w io.Writer) RecordWriter { return NewJSONL(w) })
}

// BenchmarkXLSX writes the whole workbook (records, reports, checks and
// files sheets), as `zhibiao extract -o out.xlsx` does.
func BenchmarkXLSX(b *testing.B) {
	set, results, infos, n := recordsForBench(b)
	write := func(dst io.Writer) {
		x := NewXLSX(dst, set.Metrics)
		for i, res := range results {
			if err := x.AddFile(infos[i], res); err != nil {
				b.Fatal(err)
			}
		}
		if err := x.Close(); err != nil {
			b.Fatal(err)
		}
	}
	measure(b, n, write)
}

// measure runs write in the benchmark loop, reporting the output's bytes as
// b.SetBytes and the records written per second.
func measure(b *testing.B, records int, write func(io.Writer)) {
	var size bytes.Buffer
	write(&size)
	b.SetBytes(int64(size.Len()))
	b.ReportAllocs()
	for b.Loop() {
		write(io.Discard)
	}
	b.ReportMetric(float64(records)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
}
