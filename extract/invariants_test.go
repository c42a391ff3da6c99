package extract

import (
	"path/filepath"
	"reflect"
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
		recs := x.Extract(doc)
		if len(recs) == 0 {
			t.Errorf("%s: no records", p)
		}
		for _, r := range recs {
			checkRecord(t, doc, r)
		}
		if again := x.Extract(doc); !reflect.DeepEqual(recs, again) {
			t.Errorf("%s: a second extraction differs", p)
		}
	}
}

func checkRecord(t *testing.T, doc *document.Doc, r Record) {
	t.Helper()
	if r.Start < 0 || r.Start >= r.End || r.End > len(doc.Text) {
		t.Errorf("%s: bad span %d:%d (text has %d runes)", r.File, r.Start, r.End, len(doc.Text))
		return
	}
	folded := string(doc.Folded[r.Start:r.End])
	digits := strings.TrimPrefix(r.Value, "-")
	if head, _, ok := strings.Cut(digits, "."); ok && !strings.Contains(folded, digits) {
		digits = head // 92.80 is stored as 92.8; the integer part must show
	}
	if !strings.Contains(folded, digits) && !strings.ContainsAny(folded, "零〇一二两三四五六七八九十百千万亿成") {
		t.Errorf("%s:%d: span %q does not hold value %s", r.File, r.Line, folded, r.Value)
	}
	if doc.LineOf(r.Start) != r.Line {
		t.Errorf("%s: line %d, span is on line %d", r.File, r.Line, doc.LineOf(r.Start))
	}
	if !strings.Contains(r.Evidence, string(doc.Text[r.Start:r.End])) {
		t.Errorf("%s:%d: evidence %q lacks the value text %q", r.File, r.Line, r.Evidence, string(doc.Text[r.Start:r.End]))
	}
	if v, err := strconv.ParseFloat(r.Value, 64); err != nil || r.Unit == "%" && r.Kind == KindLevel && (v < 0 || v > 100) {
		t.Errorf("%s:%d: rate %s out of range", r.File, r.Line, r.Value)
	}
}

// corpusDocs reads the seed reports of testdata/corpus.
func corpusDocs(t *testing.T) []*document.Doc {
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
