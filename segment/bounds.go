package segment

// Span is a half-open range of rune offsets.
type Span struct{ Start, End int }

// sentenceEnd reports whether r closes a sentence. A line break also does.
func sentenceEnd(r rune) bool {
	switch r {
	case '。', '！', '？', '!', '?', '；', ';', '\n':
		return true
	}
	return false
}

// clauseEnd reports whether text[i] closes a clause inside a sentence. The
// list comma 、 does not (纠错率、调撤率分别为11%、40% is one clause), nor a
// comma between digit groups (1,234件).
func clauseEnd(text []rune, i int) bool {
	switch text[i] {
	case '，':
		return true
	case ',':
		return !thousands(text, i)
	}
	return false
}

// thousands: the comma at i separates digit groups: a digit before it and
// exactly three after it.
func thousands(text []rune, i int) bool {
	isDigit := func(k int) bool { return k >= 0 && k < len(text) && text[k] >= '0' && text[k] <= '9' }
	return isDigit(i-1) && isDigit(i+1) && isDigit(i+2) && isDigit(i+3) && !isDigit(i+4)
}

// MaxSentence is the longest sentence Sentences returns, in runes. Real
// sentences are far shorter; a dump with no sentence punctuation is cut at
// the last comma before this length (or at the length itself), so that no
// work on a sentence grows with the size of the file.
const MaxSentence = 1000

// Sentences splits text[start:end] into sentences. Each span includes its
// closing punctuation; spans holding only spaces are dropped.
func Sentences(text []rune, start, end int) []Span {
	var spans []Span
	from, lastComma := start, -1
	for i := start; i < end; i++ {
		switch {
		case sentenceEnd(text[i]):
			spans = appendSpan(spans, text, from, i+1)
			from, lastComma = i+1, -1
		case clauseEnd(text, i):
			lastComma = i
		}
		if i+1-from >= MaxSentence {
			cut := i + 1
			if lastComma > from {
				cut = lastComma + 1
			}
			spans = appendSpan(spans, text, from, cut)
			from, lastComma = cut, -1
		}
	}
	return appendSpan(spans, text, from, end)
}

// Clauses splits the sentence s of text into clauses on commas.
func Clauses(text []rune, s Span) []Span {
	return split(text, s.Start, s.End, clauseEnd)
}

func split(text []rune, start, end int, isEnd func([]rune, int) bool) []Span {
	var spans []Span
	from := start
	for i := start; i < end; i++ {
		if isEnd(text, i) {
			spans = appendSpan(spans, text, from, i+1)
			from = i + 1
		}
	}
	return appendSpan(spans, text, from, end)
}

func appendSpan(spans []Span, text []rune, from, to int) []Span {
	for i := from; i < to; i++ {
		switch text[i] {
		case ' ', '\t', '\n', '\r':
			continue
		}
		return append(spans, Span{from, to})
	}
	return spans
}
