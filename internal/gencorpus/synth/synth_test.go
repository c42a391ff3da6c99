package synth

import (
	"bytes"
	"math/rand/v2"
	"testing"
	"unicode"
)

func TestVaryKeepsShape(t *testing.T) {
	in := []byte("2022年受理1,356件,纠错率26.56%,较2019年0.5个百分点,第３２条,发布时间:2023-02-24 09:28")
	out := Vary(in, rand.New(rand.NewPCG(1, 2)))
	if bytes.Equal(in, out) {
		t.Fatalf("nothing varied: %s", out)
	}
	a, b := []rune(string(in)), []rune(string(out))
	if len(a) != len(b) {
		t.Fatalf("rune count changed: %s", out)
	}
	for i := range a {
		da, db := unicode.IsDigit(a[i]), unicode.IsDigit(b[i])
		if da != db || (!da && a[i] != b[i]) || (da && (a[i] < 0x80) != (b[i] < 0x80)) {
			t.Fatalf("shape changed at %d: %s → %s", i, string(in), string(out))
		}
	}
	for _, keep := range []string{"2022年", "较2019年0.", "2023-0"} {
		if !bytes.Contains(out, []byte(keep)) {
			t.Errorf("%q not kept in %s", keep, out)
		}
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	seeds := []Seed{{"a", []byte("共12件,占3.5%。")}, {"b", []byte("达到100%。")}}
	x, y := Corpus(seeds, 6, 7), Corpus(seeds, 6, 7)
	for i := range x {
		if x[i].Name != y[i].Name || !bytes.Equal(x[i].Text, y[i].Text) {
			t.Fatalf("report %d differs between runs", i)
		}
		if g := Generate(seeds, i, 7); !bytes.Equal(g.Text, x[i].Text) {
			t.Fatalf("report %d differs made alone", i)
		}
	}
	if x[4].Name != "000004_a.txt" || x[5].Name != "000005_b.txt" {
		t.Errorf("names: %s %s", x[4].Name, x[5].Name)
	}
	if bytes.Equal(x[0].Text, x[2].Text) {
		t.Errorf("two reports of one seed are equal: %s", x[0].Text)
	}
}

func TestLoadSeeds(t *testing.T) {
	seeds, err := LoadSeeds("../../../testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	if len(seeds) != 5 || seeds[0].Name != "000_91e0d0777a8f95a6" {
		t.Errorf("got %d seeds, first %q", len(seeds), seeds[0].Name)
	}
}
