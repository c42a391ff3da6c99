package segment_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zhibiao/zhibiao/document"
	"github.com/zhibiao/zhibiao/rules"
	"github.com/zhibiao/zhibiao/segment"
)

// TestCompactAlignsLikeSimplified cuts every sentence of the seed reports
// with the compact dictionary and with gse's zh_s, the rule words loaded
// first in both. The engine only asks whether a rule word starts and ends
// on token boundaries, so that is what must agree: for every occurrence of
// a rule word, both dictionaries align it, or neither. Whole-sentence cuts
// may differ (a rare word kept whole by zh_s is cut in two); their number
// is logged. Loading zh_s takes about 2 s and 200 MB.
func TestCompactAlignsLikeSimplified(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's zh_s (about 2 s, 200 MB)")
	}
	set, err := rules.Load()
	if err != nil {
		t.Fatal(err)
	}
	lexicon := set.Lexicon()
	compact, err := segment.New(lexicon, segment.DictCompact)
	if err != nil {
		t.Fatal(err)
	}
	full, err := segment.New(lexicon, segment.DictSimplified)
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob("../testdata/corpus/*.txt")
	if len(paths) == 0 {
		t.Fatal("no seed reports in ../testdata/corpus")
	}
	var sentences, differ, occurrences, disagree int
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := document.Parse(p, data)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range doc.Lines {
			for _, sp := range segment.Sentences(doc.Folded, line.Start, line.End) {
				sentences++
				a := compact.Cut(doc.Folded, sp.Start, sp.End)
				b := full.Cut(doc.Folded, sp.Start, sp.End)
				if join(a) != join(b) {
					differ++
				}
				ba, bb := bounds(a), bounds(b)
				text := string(doc.Folded[sp.Start:sp.End])
				for _, w := range lexicon {
					for _, at := range find(text, w) {
						occurrences++
						s, e := sp.Start+at, sp.Start+at+len([]rune(w))
						if (ba[s] && ba[e]) != (bb[s] && bb[e]) {
							disagree++
							t.Errorf("%s: %s aligned differently\ncompact: %s\nzh_s:    %s", filepath.Base(p), w, join(a), join(b))
						}
					}
				}
			}
		}
	}
	t.Logf("%d sentences, %d cut differently; %d rule-word occurrences, %d aligned differently", sentences, differ, occurrences, disagree)
}

// bounds is the set of token boundaries of a cut.
func bounds(toks []segment.Token) map[int]bool {
	b := map[int]bool{}
	for _, tk := range toks {
		b[tk.Start], b[tk.End] = true, true
	}
	return b
}

// find returns the rune offsets of w in s.
func find(s, w string) []int {
	var at []int
	r := []rune(s)
	wr := []rune(w)
	for i := 0; i+len(wr) <= len(r); i++ {
		if string(r[i:i+len(wr)]) == w {
			at = append(at, i)
		}
	}
	return at
}

func join(toks []segment.Token) string {
	var b strings.Builder
	for _, tk := range toks {
		b.WriteString(tk.Text)
		b.WriteByte('/')
	}
	return b.String()
}
