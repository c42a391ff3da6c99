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

// clauseEnd reports whether r closes a clause inside a sentence. The list
// comma 、 does not: 纠错率、调撤率分别为11%、40% is one clause.
func clauseEnd(r rune) bool {
	return r == '，' || r == ','
}

// Sentences splits text[start:end] into sentences. Each span includes its
// closing punctuation; spans holding only spaces are dropped.
func Sentences(text []rune, start, end int) []Span {
	return split(text, start, end, sentenceEnd)
}

// Clauses splits the sentence s of text into clauses on commas.
func Clauses(text []rune, s Span) []Span {
	return split(text, s.Start, s.End, clauseEnd)
}

func split(text []rune, start, end int, isEnd func(rune) bool) []Span {
	var spans []Span
	from := start
	for i := start; i < end; i++ {
		if isEnd(text[i]) {
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
