// Package synth makes a corpus of any size from the seed reports, for
// benchmarks and scale tests: each generated report is a seed whose Arabic
// numbers are replaced by others of the same shape.
//
//	testdata/corpus/*.txt ──synth──▶ N reports (in memory or, through
//	cmd internal/gencorpus, on disk)
//
// The output is deterministic: the same seeds, count and seed value give
// the same bytes.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// Seed is one seed report.
type Seed struct {
	Name string // base name without extension, e.g. 000_91e0d0777a8f95a6
	Text []byte // UTF-8 text
}

// Report is one generated report.
type Report struct {
	Name string // file name, e.g. 000042_002_7c928908932c69f5.txt
	Text []byte
}

// LoadSeeds reads the seed reports (*.txt) of dir, in name order.
func LoadSeeds(dir string) ([]Seed, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no seed reports (*.txt)", dir)
	}
	slices.Sort(paths)
	seeds := make([]Seed, 0, len(paths))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if !utf8.Valid(data) {
			return nil, fmt.Errorf("%s: seed is not UTF-8", p)
		}
		seeds = append(seeds, Seed{Name: strings.TrimSuffix(filepath.Base(p), ".txt"), Text: data})
	}
	return seeds, nil
}

// Generate returns report i of a corpus: seed i mod len(seeds) with its
// numbers varied by a generator seeded with (seed, i). Reports are
// independent, so any slice of a corpus can be made without the rest.
func Generate(seeds []Seed, i int, seed uint64) Report {
	s := seeds[i%len(seeds)]
	rng := rand.New(rand.NewPCG(seed, uint64(i)))
	return Report{
		Name: fmt.Sprintf("%06d_%s.txt", i, s.Name),
		Text: Vary(s.Text, rng),
	}
}

// Corpus returns reports 0..n-1.
func Corpus(seeds []Seed, n int, seed uint64) []Report {
	out := make([]Report, n)
	for i := range out {
		out[i] = Generate(seeds, i, seed)
	}
	return out
}

// Vary returns a copy of text in which every run of Arabic digits (ASCII or
// full-width) is replaced by random digits of the same width and count;
// separators (. , % …) stay, so 1,356 stays d,ddd and 26.56% stays dd.dd%.
// A run's first digit stays 0 if it was 0 (03, 0.5) and is never 0
// otherwise. Runs that read as years (four digits, 1990–2039) are kept, so
// that the report's year, 较2019年 and plan headings keep their meaning.
func Vary(text []byte, rng *rand.Rand) []byte {
	out := make([]byte, 0, len(text))
	for i := 0; i < len(text); {
		if _, ok := digitAt(text, i); !ok {
			out = append(out, text[i])
			i++
			continue
		}
		// A run of digits: [i, j).
		j := i
		var vals []int
		for {
			v, ok := digitAt(text, j)
			if !ok {
				break
			}
			vals = append(vals, v)
			j += digitLen(text[j])
		}
		if isYear(vals) {
			out = append(out, text[i:j]...)
			i = j
			continue
		}
		for k, v := 0, i; v < j; k++ {
			d := rng.IntN(10)
			switch {
			case k == 0 && vals[0] == 0:
				d = 0
			case k == 0 && len(vals) > 1:
				d = 1 + rng.IntN(9)
			}
			if text[v] < utf8.RuneSelf {
				out = append(out, byte('0'+d))
				v++
			} else {
				out = utf8.AppendRune(out, rune('０'+d))
				v += 3
			}
		}
		i = j
	}
	return out
}

// digitAt returns the value of the digit at text[i], if one starts there.
func digitAt(text []byte, i int) (int, bool) {
	if i >= len(text) {
		return 0, false
	}
	if c := text[i]; c >= '0' && c <= '9' {
		return int(c - '0'), true
	}
	// Full-width ０-９ are U+FF10–U+FF19: EF BC 90–99.
	if i+2 < len(text) && text[i] == 0xEF && text[i+1] == 0xBC && text[i+2] >= 0x90 && text[i+2] <= 0x99 {
		return int(text[i+2] - 0x90), true
	}
	return 0, false
}

func digitLen(b byte) int {
	if b < utf8.RuneSelf {
		return 1
	}
	return 3
}

func isYear(vals []int) bool {
	if len(vals) != 4 {
		return false
	}
	y := vals[0]*1000 + vals[1]*100 + vals[2]*10 + vals[3]
	return y >= 1990 && y <= 2039
}
