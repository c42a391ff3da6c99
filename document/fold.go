package document

import "golang.org/x/text/width"

// Fold returns a width-folded copy of text, rune for rune, so offsets into
// the copy are offsets into text. See FoldRune.
func Fold(text []rune) []rune {
	out := make([]rune, len(text))
	for i, r := range text {
		out[i] = FoldRune(r)
	}
	return out
}

// FoldRune folds one rune for matching: full-width ASCII (digits, letters,
// ％ ． ， ： ； ！ ？ （ ）…) becomes ASCII and half-width katakana becomes
// wide, as width.Fold does; the ideographic space and the other Unicode
// spaces (no-break, en, em, thin, zero-width…) become ' ', and the ratio
// sign ∶ becomes ':'. Wide punctuation without an ASCII twin (。、“”「」) is
// kept. Later stages fold their patterns with the same function.
func FoldRune(r rune) rune {
	switch {
	case r == '\u3000', r == '\u00a0', r >= '\u2000' && r <= '\u200b',
		r == '\u202f', r == '\u205f', r == '\ufeff':
		return ' '
	case r == '\u2236': // ∶ RATIO
		return ':'
	case r < 0x80:
		return r
	}
	if f := width.LookupRune(r).Folded(); f != 0 {
		return f
	}
	return r
}
