package segment

import (
	"strings"
	"testing"
)

func TestBounds(t *testing.T) {
	text := []rune("全年受理案件58件,审结55件。纠错率、调撤率分别为9%、40%;\n  \n下一句")
	var got []string
	for _, s := range Sentences(text, 0, len(text)) {
		var cl []string
		for _, c := range Clauses(text, s) {
			cl = append(cl, string(text[c.Start:c.End]))
		}
		got = append(got, strings.Join(cl, "|"))
	}
	want := []string{"全年受理案件58件,|审结55件。", "纠错率、调撤率分别为9%、40%;", "下一句"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestCutKeepsLexiconWordsAndOffsets(t *testing.T) {
	seg, err := New([]string{"行政复议纠错率", "出庭应诉率"}, DictNone)
	if err != nil {
		t.Fatal(err)
	}
	text := []rune("前文。行政复议纠错率为8.2%,出庭应诉率100%")
	toks := seg.Cut(text, 3, len(text))
	var words []string
	pos := 3
	for _, tk := range toks {
		if tk.Start != pos || string(text[tk.Start:tk.End]) != tk.Text {
			t.Fatalf("token %+v does not sit at %d", tk, pos)
		}
		pos = tk.End
		words = append(words, tk.Text)
	}
	if pos != len(text) {
		t.Errorf("tokens end at %d, text at %d", pos, len(text))
	}
	joined := "/" + strings.Join(words, "/") + "/"
	for _, w := range []string{"/行政复议纠错率/", "/出庭应诉率/"} {
		if !strings.Contains(joined, w) {
			t.Errorf("%s not one token in %s", w, joined)
		}
	}
	if _, err := New(nil, "klingon"); err == nil || err.Error() != `unknown dictionary "klingon" (want compact, zh_s, zh or none)` {
		t.Errorf("bad dictionary: %v", err)
	}
}

func TestSentencesCapped(t *testing.T) {
	text := []rune(strings.Repeat("纠错率9%,", 400) + strings.Repeat("甲", 2500))
	spans := Sentences(text, 0, len(text))
	pos := 0
	for _, sp := range spans {
		if sp.Start != pos || sp.End-sp.Start > MaxSentence || sp.End <= sp.Start {
			t.Fatalf("span %v after %d", sp, pos)
		}
		pos = sp.End
	}
	if pos != len(text) {
		t.Fatalf("spans end at %d of %d", pos, len(text))
	}
	// The comma-separated part is cut after a comma, never inside a clause.
	if first := string(text[spans[0].Start:spans[0].End]); !strings.HasSuffix(first, ",") {
		t.Errorf("first cut not at a comma: ...%s", first[len(first)-12:])
	}
}

// TestNewOddWords: words gse's dictionary builder cannot take (a NUL inside
// one was found by fuzzing the rule loader) are left out of the lexicon
// instead of panicking.
func TestNewOddWords(t *testing.T) {
	seg, err := New([]string{"\x0000", "纠错率", "a\x01b", "·率", ""}, DictCompact)
	if err != nil {
		t.Fatal(err)
	}
	text := []rune("纠错率\x0000")
	if toks := seg.Cut(text, 0, len(text)); len(toks) == 0 || toks[0].Text != "纠错率" {
		t.Errorf("cut %+v", toks)
	}
}
