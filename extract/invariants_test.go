package extract

import (
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/zhibiao/zhibiao/document"
)

// TestCorpusInvariants checks every record of the seed corpus: its offsets
// lie in the text and cover the value, its line holds it, and a second run
// gives the same records.
func TestCorpusInvariants(t *testing.T) {
	x := testEngine(t)
	for _, doc := range corpusDocs(t) {
		p := doc.Name
		res := x.Run(doc)
		recs := res.Records
		if len(recs) == 0 {
			t.Errorf("%s: no records", p)
		}
		for _, r := range recs {
			checkRecord(t, doc, r, res.Checks)
		}
		if again := x.Run(doc); !reflect.DeepEqual(res, again) {
			t.Errorf("%s: a second extraction differs", p)
		}
	}
}

// checkRecord holds one record to the invariants: its span lies in the
// text and (unless derived, whose span is its first input) holds its value
// and lies in its evidence; a level rate outside [0,100] is flagged by a
// check.
func checkRecord(t testing.TB, doc *document.Doc, r Record, checks []Check) {
	t.Helper()
	if r.Start < 0 || r.Start >= r.End || r.End > len(doc.Text) {
		t.Errorf("%s: bad span %d:%d (text has %d runes)", r.File, r.Start, r.End, len(doc.Text))
		return
	}
	if doc.LineOf(r.Start) != r.Line {
		t.Errorf("%s: line %d, span is on line %d", r.File, r.Line, doc.LineOf(r.Start))
	}
	v, err := strconv.ParseFloat(r.Value, 64)
	if err != nil {
		t.Errorf("%s:%d: value %q is not a number", r.File, r.Line, r.Value)
	}
	if r.Unit == "%" && r.Kind == KindLevel && (v < 0 || v > 100) && !slices.ContainsFunc(checks, func(c Check) bool {
		return c.Status == StatusOutOfRange && c.Line == r.Line && c.Metric == r.MetricID
	}) {
		t.Errorf("%s:%d: rate %s out of range and not flagged", r.File, r.Line, r.Value)
	}
	if r.Kind == KindDerived {
		return
	}
	folded := strings.ReplaceAll(string(doc.Folded[r.Start:r.End]), ",", "") // 1,356件 holds 1356
	digits := strings.TrimPrefix(r.Value, "-")
	if head, _, ok := strings.Cut(digits, "."); ok && !strings.Contains(folded, digits) {
		digits = head // 92.80 is stored as 92.8; the integer part must show
	}
	computed := r.Unit == "ratio" && strings.Contains(folded, ":") // 1:0.8 is stored as 1.25
	if !computed && !strings.Contains(folded, digits) && !strings.ContainsAny(folded, "零〇一二两三四五六七八九十百千万亿成") {
		t.Errorf("%s:%d: span %q does not hold value %s", r.File, r.Line, folded, r.Value)
	}
	if !strings.Contains(r.Evidence, string(doc.Text[r.Start:r.End])) {
		t.Errorf("%s:%d: evidence %q lacks the value text %q", r.File, r.Line, r.Evidence, string(doc.Text[r.Start:r.End]))
	}
}

// corpusDocs reads the seed reports of testdata/corpus.
func corpusDocs(t testing.TB) []*document.Doc {
	t.Helper()
	paths, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	var docs []*document.Doc
	for _, p := range paths {
		doc, err := document.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	return docs
}
