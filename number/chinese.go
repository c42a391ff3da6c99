package number

import (
	"strconv"
	"strings"
)

// startsChinese reports a Chinese numeral starting at i: a digit, 十, or
// 百/千/万 standing alone before 余 (百余件).
func (s *scanner) startsChinese(i int) bool {
	r := s.text[i]
	if _, ok := cnDigit(r); ok || r == '十' {
		return true
	}
	return cnPower(r) >= 2 && cnPower(r) <= 4 && s.at(i+1) == '余'
}

// chineseAt reads a Chinese numeral at i and emits it if a unit follows;
// a bare Chinese numeral (一是, 两法衔接, 十九大) is not a figure.
func (s *scanner) chineseAt(i int) int {
	q, end, ok := s.chinese(i)
	if !ok {
		return end
	}
	t := s.readTail(q.end)
	if t.unit == "" {
		return q.end
	}
	return s.emit(q.start, t.end, q.value(t.shift), t.unit, t.approx)
}

// chinese reads the Chinese numeral at i: an integer part, and a fraction
// after 点 (七点五). When it cannot be read, ok is false and end is where
// the unreadable run of numeral characters ends.
func (s *scanner) chinese(i int) (q quantity, end int, ok bool) {
	if p := cnPower(s.at(i)); p >= 2 && p <= 4 && s.at(i+1) == '余' {
		q = quantity{start: i, end: i + 1, intPart: "1" + strings.Repeat("0", p)}
		return q, q.end, true
	}
	e := i
	for isCNNumeral(s.at(e)) {
		e++
	}
	intPart, ok := parseCNInt(s.text[i:e])
	if !ok {
		return quantity{}, e, false
	}
	q = quantity{start: i, end: e, intPart: intPart}
	if s.at(e) == '点' && isCNFracDigit(s.at(e+1)) {
		var b strings.Builder
		f := e + 1
		for ; isCNFracDigit(s.at(f)); f++ {
			d, _ := cnDigit(s.at(f))
			b.WriteByte(byte('0' + d))
		}
		q.frac, q.end = b.String(), f
	}
	return q, q.end, true
}

// isCNFracDigit is a digit that may follow 点 (not 两).
func isCNFracDigit(r rune) bool {
	_, ok := cnDigit(r)
	return ok && r != '两'
}

// parseCNInt reads the integer part of a Chinese numeral and returns its
// ASCII digits. Place-value numerals (一千三百零五, 三十五万, 一万二) and
// digit-by-digit ones (二〇二三) are read; anything else (十一五, 一两,
// 三四) is not a number.
func parseCNInt(rs []rune) (string, bool) {
	if len(rs) == 0 {
		return "", false
	}
	for _, r := range rs {
		if cnPower(r) > 0 {
			v, ok := parsePlaceValue(rs)
			return strconv.FormatUint(v, 10), ok
		}
	}
	return parseDigitByDigit(rs)
}

// parseDigitByDigit reads a numeral written digit by digit (二〇二三). A
// single digit stands for itself; two digits only when one is a zero
// (三四 means "three or four"); 两 only alone.
func parseDigitByDigit(rs []rune) (string, bool) {
	if len(rs) == 1 {
		d, _ := cnDigit(rs[0])
		return strconv.Itoa(d), true
	}
	var b strings.Builder
	zero := false
	for _, r := range rs {
		d, _ := cnDigit(r)
		if r == '两' {
			return "", false
		}
		zero = zero || d == 0
		b.WriteByte(byte('0' + d))
	}
	if len(rs) == 2 && !zero {
		return "", false
	}
	return b.String(), true
}

// placeValue is the state of parsePlaceValue.
type placeValue struct {
	yi      uint64 // the part counted in 亿
	wan     uint64 // the part counted in 万, below 亿
	section uint64 // the part below 万
	digit   uint64 // a digit waiting for its place
	pending bool   // digit is set
	last    uint64 // the last of 十/百/千 in this section, 0 if none
	prev    uint64 // the place just before the pending digit (一万二), 0 if none
	wanSet  bool
	yiSet   bool
}

// parsePlaceValue reads a place-value numeral: digits each followed by
// 十, 百, 千, sections closed by 万 and 亿, 零 as a filler, and a last digit
// that may drop its place (一万二 is 12000, 三千五 is 3500). 两 stands
// only before a place character.
func parsePlaceValue(rs []rune) (uint64, bool) {
	var st placeValue
	for _, r := range rs {
		if !st.add(r) {
			return 0, false
		}
	}
	if st.pending {
		if rs[len(rs)-1] == '两' {
			return 0, false // 两 counts only before a place: 两百, not 二十两
		}
		st.section += st.digit * max(st.prev/10, 1)
	}
	return st.yi + st.wan*1e4 + st.section, true
}

// add feeds one character to the parse and reports whether it fits.
func (st *placeValue) add(r rune) bool {
	if d, ok := cnDigit(r); ok {
		if st.pending {
			return false
		}
		if d == 0 {
			st.prev = 0
			return true
		}
		st.digit, st.pending = uint64(d), true
		return true
	}
	switch cnPower(r) {
	case 1, 2, 3:
		return st.place(pow10(cnPower(r)))
	case 4:
		return st.closeWan()
	case 8:
		return st.closeYi()
	}
	return false
}

// place applies 十, 百 or 千 (u) to the pending digit.
func (st *placeValue) place(u uint64) bool {
	if !st.pending {
		if u != 10 {
			return false
		}
		st.digit = 1 // 十二, 一百十
	}
	if st.last != 0 && u >= st.last {
		return false
	}
	st.section += st.digit * u
	st.last, st.prev, st.pending = u, u, false
	return true
}

// closeWan closes the section below 万.
func (st *placeValue) closeWan() bool {
	st.flush()
	if st.section == 0 || st.wanSet {
		return false
	}
	st.wan, st.section = st.section, 0
	st.last, st.prev, st.wanSet = 0, 1e4, true
	return true
}

// closeYi closes the part below 亿.
func (st *placeValue) closeYi() bool {
	st.flush()
	x := st.wan*1e4 + st.section
	if x == 0 || st.yiSet {
		return false
	}
	st.yi, st.wan, st.section = x*1e8, 0, 0
	st.last, st.prev, st.wanSet, st.yiSet = 0, 1e8, false, true
	return true
}

// flush adds a pending digit to the section as units.
func (st *placeValue) flush() {
	if st.pending {
		st.section += st.digit
		st.pending = false
	}
}

func pow10(k int) uint64 {
	v := uint64(1)
	for ; k > 0; k-- {
		v *= 10
	}
	return v
}

// fractionAt reads 百分之N (unit "%") or 千分之N (unit "‰") at i. N may be
// a Chinese numeral (百分之九十八, 百分之七点五), 百 itself (百分之百) or
// Arabic (百分之98).
func (s *scanner) fractionAt(i int, unit string) int {
	p := i + 3
	var q quantity
	switch {
	case isDigit(s.at(p)):
		q = s.arabic(p)
	case unit == "%" && s.at(p) == '百' && !isCNNumeral(s.at(p+1)):
		q = quantity{start: p, end: p + 1, intPart: "100"}
	default:
		var ok bool
		if q, _, ok = s.chinese(p); !ok {
			return p
		}
	}
	return s.emit(i, q.end, q.value(0), unit, false)
}
