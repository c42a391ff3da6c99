// Command gendict writes segment/compact.dict, the compact base dictionary
// that package segment embeds (segment.DictCompact). It holds, from gse's
// zh_s dictionary: the N most common words (lowest idf in gse's idf.txt;
// zh_s's own frequencies say 3 for most modern words, 覆盖 has 2), every
// place name (part of speech ns: reports name regions before the scope
// words, 海东市政府 is 海东/市政府), every word that overlaps a rule word of
// the embedded rules (it can move the token boundaries the engine matches
// on), and every single character (gse weighs all of them alike). The
// format is gse's, without part-of-speech tags, in byte order (gse's trie
// loads sorted words fastest). Regenerate it when the embedded rules gain
// words; TestCompactAlignsLikeSimplified in package segment checks it.
//
// Its first line is a balance entry: a private-use word that never occurs
// in text, carrying the frequency of the words left out, so that gse's
// total frequency — and with it the weight of every kept word and the cut
// of any text made only of kept words — is what zh_s gives.
//
//	go run ./internal/gendict            # reads zh_s from the module cache
//	go run ./internal/gendict -n 20000 -by idf -src PATH/s_1.txt -o segment/compact.dict
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zhibiao/zhibiao/rules"
)

// BalanceWord is the private-use word of the balance entry.
const BalanceWord = "\uE000\uE001"

// minFreq is gse's MinTokenFreq: entries below it are dropped on load.
const minFreq = 2

func main() {
	n := flag.Int("n", 20000, "most common multi-character words to keep (besides places and words overlapping rule words)")
	by := flag.String("by", "idf", "rank words by idf (gse's idf.txt, most common first) or freq (zh_s frequency)")
	src := flag.String("src", "", "gse zh_s dictionary (default: data/dict/zh/s_1.txt of the gse module in the module cache)")
	out := flag.String("o", "segment/compact.dict", "output file")
	flag.Parse()
	if *by != "idf" && *by != "freq" {
		fmt.Fprintln(os.Stderr, "gendict: -by is idf or freq")
		os.Exit(2)
	}
	if err := run(*src, *out, *n, *by); err != nil {
		fmt.Fprintf(os.Stderr, "gendict: error: %v\n", err)
		os.Exit(1)
	}
}

func run(src, out string, n int, by string) error {
	if src == "" {
		dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
		if err != nil {
			return fmt.Errorf("locate gse in the module cache (go list -m github.com/go-ego/gse): %w", err)
		}
		src = filepath.Join(strings.TrimSpace(string(dir)), "data", "dict", "zh", "s_1.txt")
	}
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	var idf map[string]float64
	if by == "idf" {
		idf, err = readIDF(filepath.Join(filepath.Dir(src), "idf.txt"))
		if err != nil {
			return err
		}
	}
	set, err := rules.Load()
	if err != nil {
		return err
	}
	var b bytes.Buffer
	stats := Compact(data, n, idf, set.Lexicon(), &b)
	if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gendict: %s: %d of %d words (%d single characters, %d place names, %d overlapping rule words), %d bytes; balance frequency %.0f of %.0f\n",
		out, stats.Kept, stats.Words, stats.Singles, stats.Places, stats.Crossing, b.Len(), stats.Balance, stats.Total)
	return nil
}

// Stats describe a compact dictionary.
type Stats struct {
	Words, Kept, Singles int     // entries gse would load from the source; kept; single characters kept
	Places, Crossing     int     // words kept beyond the top n: place names; words overlapping a rule word
	Total, Balance       float64 // gse's total frequency of the source; the part left out
}

type entry struct {
	word  string
	freq  float64 // as gse counts it: 2 for a single character
	text  string  // the line's frequency as written
	pos   string  // part of speech
	order int
}

// Compact reads a gse dictionary (word freq [pos] per line) and writes the
// compact form of it to w: the balance entry, then the kept words in byte
// order. It follows gse's loading rules: the first entry of a word wins,
// entries with frequency below 2 are dropped, a single character counts 2.
// The multi-character words kept are the n of lowest idf when idf is not
// nil (a word without one ranks last), else the n of highest frequency,
// and every word that overlaps a rule word of lexicon (see crosses).
func Compact(src []byte, n int, idf map[string]float64, lexicon []string, w *bytes.Buffer) Stats {
	var all []entry
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(src))
	for sc.Scan() {
		f := strings.Split(sc.Text(), " ")
		if len(f) < 2 {
			continue
		}
		word := strings.TrimSpace(f[0])
		freq, err := strconv.ParseFloat(strings.TrimSpace(f[1]), 64)
		if word == "" || err != nil || freq < minFreq || seen[gseKey(word)] {
			continue
		}
		seen[gseKey(word)] = true
		if utf8.RuneCountInString(word) < 2 {
			freq = 2
		}
		pos := ""
		if len(f) > 2 {
			pos = strings.TrimSpace(f[2])
		}
		all = append(all, entry{word, freq, strings.TrimSpace(f[1]), pos, len(all)})
	}
	var st Stats
	st.Words = len(all)
	var multi []entry
	keep := make([]bool, len(all))
	for _, e := range all {
		st.Total += e.freq
		if utf8.RuneCountInString(e.word) < 2 {
			keep[e.order] = true
			st.Singles++
		} else {
			multi = append(multi, e)
		}
	}
	slices.SortStableFunc(multi, func(a, b entry) int {
		if idf != nil {
			if c := cmp.Compare(idfOf(idf, a.word), idfOf(idf, b.word)); c != 0 {
				return c
			}
		}
		return cmp.Compare(b.freq, a.freq)
	})
	for _, e := range multi[:min(n, len(multi))] {
		keep[e.order] = true
	}
	cr := newCrosser(lexicon)
	for _, e := range multi[min(n, len(multi)):] {
		switch {
		case e.pos == "ns":
			keep[e.order] = true
			st.Places++
		case cr.crosses(e.word):
			keep[e.order] = true
			st.Crossing++
		}
	}
	for _, e := range all {
		if !keep[e.order] {
			st.Balance += e.freq
		}
	}
	// In byte order: gse's double-array trie takes words in order fastest.
	slices.SortFunc(all, func(a, b entry) int { return strings.Compare(a.word, b.word) })
	fmt.Fprintf(w, "%s %.0f\n", BalanceWord, st.Balance)
	for _, e := range all {
		if keep[e.order] {
			fmt.Fprintf(w, "%s %s\n", e.word, e.text)
			st.Kept++
		}
	}
	return st
}

// gseKey is the key gse files a word under: ASCII letters lower-cased
// (gse.ToLower is on by default), so 4S店 and 4s店 are one word.
func gseKey(w string) string {
	return strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, w)
}

// readIDF reads gse's idf.txt: "word idf" per line.
func readIDF(path string) (map[string]float64, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	idf := map[string]float64{}
	for line := range strings.Lines(string(data)) {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		if v, err := strconv.ParseFloat(f[1], 64); err == nil {
			idf[f[0]] = v
		}
	}
	return idf, nil
}

func idfOf(idf map[string]float64, w string) float64 {
	if v, ok := idf[w]; ok {
		return v
	}
	return math.Inf(1)
}

// crosser finds dictionary words that overlap a rule word: such a word can
// move the token boundaries around the rule word (未结 in 未结案件 makes
// 结案 no token; 复议法 splits 行政复议法 as 行政/复议法), which is the one
// thing the engine asks of the cut.
type crosser struct {
	words            []string
	prefixes, suffix map[string]bool // proper prefixes and suffixes of rule words
}

func newCrosser(lexicon []string) *crosser {
	c := &crosser{prefixes: map[string]bool{}, suffix: map[string]bool{}}
	for _, l := range lexicon {
		r := []rune(l)
		for k := 1; k < len(r); k++ {
			c.prefixes[string(r[:k])] = true
			c.suffix[string(r[k:])] = true
		}
		c.words = append(c.words, l)
	}
	return c
}

// crosses reports whether w ends with the start of a rule word, starts
// with the end of one, or holds one strictly inside.
func (c *crosser) crosses(w string) bool {
	r := []rune(w)
	for k := 1; k < len(r); k++ {
		if c.prefixes[string(r[k:])] || c.suffix[string(r[:k])] {
			return true
		}
	}
	for _, l := range c.words {
		if l != w && strings.Contains(w, l) {
			return true
		}
	}
	return false
}
