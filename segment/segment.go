package segment

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// LexiconFreq is the frequency given to domain words. It is high enough
// that gse keeps a metric phrase whole against the stock dictionary's
// splits, and low enough that a domain word does not break a common word
// around it (通报名单 stays 通报/名单 although 报名 is a domain word).
const LexiconFreq = 20000

// Dictionaries that New accepts.
const (
	DictCompact    = "compact" // compact.dict: the top words of zh_s, embedded here (loads in a tenth of the time)
	DictSimplified = "zh_s"    // gse's embedded simplified-Chinese dictionary
	DictFull       = "zh"      // simplified and traditional
	DictNone       = "none"    // the domain lexicon alone (for tests of the lexicon)
)

// Segmenter cuts text into gse tokens. Build it once with New, then share
// it: concurrent Cut calls on one Segmenter are safe; building a second one
// while another cuts is not (gse keeps package state).
type Segmenter struct {
	gse gse.Segmenter
}

// Token is one gse token with its rune offsets in the text given to Cut.
type Token struct {
	Start, End int
	Text       string
}

// New builds a Segmenter: the lexicon first (the first definition of a word
// wins in gse), then the named base dictionary.
func New(lexicon []string, dict string) (seg *Segmenter, err error) {
	// gse's dictionary builder panics on some odd words (a NUL inside one);
	// whatever a rule file holds, building a Segmenter returns an error.
	defer func() {
		if r := recover(); r != nil {
			seg, err = nil, fmt.Errorf("gse could not build its dictionary: %v", r)
		}
	}()
	s := &Segmenter{}
	s.gse.SkipLog = true
	s.gse.NotLoadHMM = true // zhibiao cuts without HMM: numbers are found on characters
	// Token texts are taken from the caller's runes, so gse's global
	// lower-casing (gse.ToLower) never shows and is left alone.

	// Sized for the dictionary: growing gse's token slice by appending
	// copies it a dozen times.
	s.gse.Dict = gse.NewDict()
	s.gse.Init()
	if dict == DictCompact {
		s.gse.Dict.Tokens = make([]gse.Token, 0, len(lexicon)+strings.Count(compactDict, "\n")+1)
	}

	var b strings.Builder
	for _, w := range lexicon {
		w = strings.TrimSpace(w)
		if !lexiconWord(w) {
			continue // still a trigger, matched where gse's cuts allow
		}
		fmt.Fprintf(&b, "%s %d n\n", w, LexiconFreq)
	}
	if err := s.gse.LoadDictStr(b.String()); err != nil {
		return nil, fmt.Errorf("load domain lexicon: %w", err)
	}
	switch dict {
	case DictNone:
	case DictCompact:
		if err := s.gse.LoadDictStr(compactDict); err != nil {
			return nil, fmt.Errorf("load dictionary %s: %w", dict, err)
		}
	case DictSimplified, DictFull:
		n := s.gse.Dict.NumTokens()
		if err := s.gse.LoadDictEmbed(dict); err != nil {
			return nil, fmt.Errorf("load gse dictionary %s: %w", dict, err)
		}
		if s.gse.Dict.NumTokens() == n {
			return nil, fmt.Errorf("gse dictionary %s is not in this binary (built with -tags ne): use --dict %s", dict, DictCompact)
		}
	default:
		return nil, fmt.Errorf("unknown dictionary %q (want %s, %s, %s or %s)", dict, DictCompact, DictSimplified, DictFull, DictNone)
	}
	return s, nil
}

// Cut returns the tokens of text[start:end], with offsets into text. Token
// texts are substrings of one copy of the sentence: one allocation for the
// text of all tokens.
func (s *Segmenter) Cut(text []rune, start, end int) []Token {
	if start >= end {
		return nil
	}
	str := string(text[start:end])
	// gse's Segment is what its Cut runs, without turning every token
	// into a new string; its offsets are bytes of str.
	segs := s.gse.Segment([]byte(str))
	toks := make([]Token, 0, len(segs))
	pos, at := start, 0
	for i := range segs {
		b, e := segs[i].Start(), segs[i].End()
		if b != at || e > len(str) {
			break
		}
		if e == b {
			continue
		}
		w := str[b:e]
		n := utf8.RuneCountInString(w)
		toks = append(toks, Token{Start: pos, End: pos + n, Text: w})
		pos, at = pos+n, e
	}
	if pos != end || at != len(str) {
		// gse returned text of another length than it was given: fall
		// back to one token per rune rather than misplace offsets.
		toks = toks[:0]
		for i := start; i < end; i++ {
			toks = append(toks, Token{Start: i, End: i + 1, Text: string(text[i])})
		}
	}
	return toks
}

// lexiconWord: a word gse can take into its dictionary: letters and digits
// only (rule words are Chinese words; punctuation or control characters in
// one would only confuse gse's cuts, or its dictionary builder).
func lexiconWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
