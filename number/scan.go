package number

// Scan returns every numeric expression in text, in order of Start, with
// non-overlapping spans (and non-overlapping qualifier spans).
//
// text is the width-folded text; raw is the same text before folding, of
// the same length, so that raw[i] is the original of text[i]. raw is only
// consulted to tell an ASCII ',' (a thousands separator) from a folded
// full-width '，' (never one). raw may be nil, in which case every
// character is taken to be written as it appears in text; a raw of another
// length than text is ignored in the same way.
//
// Decisions on ambiguous forms:
//   - A Chinese numeral with no unit after it is not returned.
//   - Digits glued to ASCII letters (5G, G20, 4S店, ISO9001) are skipped.
//   - Arabic numerals joined by '/' or '_', by a second '.', by a mix of
//     joiners, or more than two joined by '-', '~' or ':' (2021.02.04,
//     2023-02-24, 10:30:00, 331083000000/2023-122267) are dates or
//     identifiers and are skipped.
//   - a-b and a~b give two numbers: a bare (Unit ""), b with its unit
//     (2019-2025年, 10~15个工作日), unless a side has a leading zero
//     (2023-02, 0571-8888), which makes it a date or a code: skipped.
//   - a:b is a ratio (Unit "ratio", Value a/b rounded to two decimals),
//     except a clock time — both sides integers, the right side exactly two
//     digits (09:28) — which is skipped, and b = 0, which gives a and b as
//     bare numbers.
//   - a.b followed by something that is not a unit (12.18地震) is a bare
//     number with Unit "".
//   - A '-' before a number is not a minus sign: the magnitude is returned.
func Scan(text, raw []rune) []Number {
	if len(raw) != len(text) {
		raw = nil
	}
	s := &scanner{text: text, raw: raw}
	for i := 0; i < len(text); {
		next := s.step(i)
		if next <= i {
			next = i + 1
		}
		i = next
	}
	return s.out
}

// scanner holds one call's input and output.
type scanner struct {
	text, raw []rune
	out       []Number
	floor     int // where the last emitted number's qualifier span ends
}

// The words that begin a percentage or a permillage written in Chinese.
var (
	percentWord  = []rune("百分之")
	permilleWord = []rune("千分之")
)

// step reads whatever starts at i and returns where to go on.
func (s *scanner) step(i int) int {
	switch r := s.text[i]; {
	case isDigit(r):
		return s.arabicAt(i)
	case s.hasAt(i, percentWord):
		return s.fractionAt(i, "%")
	case s.hasAt(i, permilleWord):
		return s.fractionAt(i, "‰")
	case s.startsChinese(i):
		return s.chineseAt(i)
	}
	return i + 1
}

// rawAt is the original of text[i].
func (s *scanner) rawAt(i int) rune {
	if s.raw == nil {
		return s.text[i]
	}
	return s.raw[i]
}

// at is text[i], or 0 outside the text.
func (s *scanner) at(i int) rune {
	if i < 0 || i >= len(s.text) {
		return 0
	}
	return s.text[i]
}

// hasAt reports whether w is written at i.
func (s *scanner) hasAt(i int, w []rune) bool {
	if i < 0 || len(s.text)-i < len(w) {
		return false
	}
	for j, r := range w {
		if s.text[i+j] != r {
			return false
		}
	}
	return true
}

// hasBefore reports whether w is written just before end, starting no
// earlier than the floor, and returns where it starts.
func (s *scanner) hasBefore(end int, w []rune) (int, bool) {
	start := end - len(w)
	if start < s.floor || start < 0 {
		return 0, false
	}
	return start, s.hasAt(start, w)
}

// skipSpaces returns the first offset at or after i that is not a space.
func (s *scanner) skipSpaces(i int) int {
	for i < len(s.text) && isSpace(s.text[i]) {
		i++
	}
	return i
}

// spacesBefore returns the offset of the run of spaces ending at i, not
// going below the floor.
func (s *scanner) spacesBefore(i int) int {
	for i > s.floor && isSpace(s.text[i-1]) {
		i--
	}
	return i
}

// emit builds the Number for [start,end), reads its qualifiers and
// ordinal mark, records it and returns where scanning goes on.
func (s *scanner) emit(start, end int, value, unit string, approx bool) int {
	n := Number{
		Start: start, End: end, Value: value, Unit: unit,
		Qualifier: Exact, QualStart: start, QualEnd: end,
	}
	if approx {
		n.Qualifier = Approx
	}
	if q, e, ok := s.trailingQualifier(end); ok {
		n.Qualifier = combine(n.Qualifier, q)
		n.QualEnd = e
	}
	if q, b, ok := s.leadingQualifier(start); ok {
		n.Qualifier = combine(n.Qualifier, q)
		n.QualStart = b
	}
	n.Ordinal = s.ordinal(start)
	s.out = append(s.out, n)
	s.floor = n.QualEnd
	return n.QualEnd
}

// ordinal reports whether 第 stands just before start.
func (s *scanner) ordinal(start int) bool {
	j := s.spacesBefore(start)
	return j > s.floor && s.text[j-1] == '第'
}

// combine merges a newly found qualifier into the current one: a bound
// (lower, upper) beats approx, and approx beats exact.
func combine(cur, found Qualifier) Qualifier {
	switch {
	case found == Lower || found == Upper:
		return found
	case found == Approx && cur == Exact:
		return Approx
	}
	return cur
}
