package number

import "strings"

// quantity is a numeral as read, before its unit: a span and the ASCII
// digits of its integer part and fraction.
type quantity struct {
	start, end int
	intPart    string
	frac       string
}

// value is the quantity's normalized decimal, shifted by a power of ten.
func (q quantity) value(shift int) string { return decimalValue(q.intPart, q.frac, shift) }

// leadingZero reports a written leading zero (02, 0571), the mark of a
// date or a code.
func (q quantity) leadingZero() bool { return len(q.intPart) > 1 && q.intPart[0] == '0' }

// digitsEnd returns the end of the run of ASCII digits starting at i.
func (s *scanner) digitsEnd(i int) int {
	for i < len(s.text) && isDigit(s.text[i]) {
		i++
	}
	return i
}

// arabic reads an Arabic numeral at i (a digit): digits, ASCII-comma
// thousands groups, and a fraction after '.'.
func (s *scanner) arabic(i int) quantity {
	p := s.digitsEnd(i)
	var b strings.Builder
	b.WriteString(string(s.text[i:p]))
	if p-i <= 3 {
		for s.thousandsAt(p) {
			b.WriteString(string(s.text[p+1 : p+4]))
			p += 4
		}
	}
	q := quantity{start: i, intPart: b.String()}
	if s.at(p) == '.' && isDigit(s.at(p+1)) {
		e := s.digitsEnd(p + 1)
		q.frac = string(s.text[p+1 : e])
		p = e
	}
	q.end = p
	return q
}

// thousandsAt reports a thousands separator at p: an ASCII ',' in the raw
// text (a folded '，' never is one) followed by exactly three digits.
func (s *scanner) thousandsAt(p int) bool {
	if s.at(p) != ',' || s.rawAt(p) != ',' {
		return false
	}
	return isDigit(s.at(p+1)) && isDigit(s.at(p+2)) && isDigit(s.at(p+3)) && !isDigit(s.at(p+4))
}

// isJoiner is a character that binds two Arabic numerals into one
// expression: a range, a ratio, a date or an identifier.
func isJoiner(r rune) bool {
	switch r {
	case '-', '~', '/', '_', '.', ':', '∶':
		return true
	}
	return false
}

func isRangeJoiner(r rune) bool { return r == '-' || r == '~' }

func isRatioJoiner(r rune) bool { return r == ':' || r == '∶' }

// chain is a run of Arabic numerals bound by joiners.
type chain struct {
	parts   []quantity
	joiners []rune
	end     int
}

// readChain reads the numerals bound to the one at i.
func (s *scanner) readChain(i int) chain {
	q := s.arabic(i)
	c := chain{parts: []quantity{q}, end: q.end}
	for isJoiner(s.at(c.end)) && isDigit(s.at(c.end+1)) {
		c.joiners = append(c.joiners, s.at(c.end))
		q = s.arabic(c.end + 1)
		c.parts = append(c.parts, q)
		c.end = q.end
	}
	return c
}

// all reports whether every joiner of the chain satisfies f.
func (c chain) all(f func(rune) bool) bool {
	for _, r := range c.joiners {
		if !f(r) {
			return false
		}
	}
	return true
}

// arabicAt reads the Arabic numerals starting at i and emits what they
// stand for.
func (s *scanner) arabicAt(i int) int {
	glued := s.gluedBefore(i)
	c := s.readChain(i)
	if glued || isLetter(s.at(c.end)) {
		return s.skipCode(c.end)
	}
	switch {
	case len(c.parts) == 1:
		return s.single(c.parts[0], false)
	case len(c.parts) == 2 && c.all(isRangeJoiner):
		return s.rangeOf(c.parts[0], c.parts[1], c.end)
	case len(c.parts) == 2 && c.all(isRatioJoiner):
		return s.ratio(c.parts[0], c.parts[1])
	}
	return c.end // a date, a clock time with seconds or an identifier
}

// gluedBefore reports a numeral at i that is glued to a Latin letter or to
// a code before it (G20, No.5, GB/T-2023).
func (s *scanner) gluedBefore(i int) bool {
	prev := s.at(i - 1)
	return isLetter(prev) || isJoiner(prev) && isAlnum(s.at(i-2))
}

// skipCode returns the end of the identifier (letters, digits and joiners
// between them) that goes on at p.
func (s *scanner) skipCode(p int) int {
	for isAlnum(s.at(p)) || isJoiner(s.at(p)) && isAlnum(s.at(p+1)) {
		p++
	}
	return p
}

// single emits one numeral with the multiplier, unit and qualifiers after
// it. ordinal carries a 第 seen before the start of a range.
func (s *scanner) single(q quantity, ordinal bool) int {
	t := s.readTail(q.end)
	next := s.emit(q.start, t.end, q.value(t.shift), t.unit, t.approx)
	if ordinal {
		s.out[len(s.out)-1].Ordinal = true
	}
	return next
}

// rangeOf emits both ends of a-b: a bare, b with its unit. A side written
// with a leading zero makes it a date or a code, which is skipped.
func (s *scanner) rangeOf(a, b quantity, end int) int {
	if a.leadingZero() || b.leadingZero() {
		return end
	}
	s.emit(a.start, a.end, a.value(0), "", false)
	return s.single(b, s.out[len(s.out)-1].Ordinal)
}

// ratio emits a:b as one number with Unit "ratio". A clock time (09:28)
// is skipped; b = 0 gives two bare numbers.
func (s *scanner) ratio(a, b quantity) int {
	if a.frac == "" && b.frac == "" && len(b.intPart) == 2 {
		return b.end
	}
	if len(a.intPart)+len(a.frac) > maxRatioDigits || len(b.intPart)+len(b.frac) > maxRatioDigits {
		return b.end
	}
	v, ok := ratioValue(a.value(0), b.value(0))
	if !ok {
		s.emit(a.start, a.end, a.value(0), "", false)
		return s.emit(b.start, b.end, b.value(0), "", false)
	}
	return s.emit(a.start, b.end, v, "ratio", false)
}
