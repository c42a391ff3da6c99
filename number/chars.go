package number

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

func isLetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

func isAlnum(r rune) bool { return isDigit(r) || isLetter(r) }

// isSpace is a space inside a line: folded text has U+3000 and U+00A0 as ' '.
func isSpace(r rune) bool { return r == ' ' || r == '\t' }

// cnDigit is the value of a Chinese digit (〇 零 一 … 九 两).
func cnDigit(r rune) (int, bool) {
	switch r {
	case '〇', '零':
		return 0, true
	case '一':
		return 1, true
	case '二', '两':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

// cnPower is the power of ten a Chinese place character stands for
// (十 1, 百 2, 千 3, 万 4, 亿 8), or 0.
func cnPower(r rune) int {
	switch r {
	case '十':
		return 1
	case '百':
		return 2
	case '千':
		return 3
	case '万':
		return 4
	case '亿':
		return 8
	}
	return 0
}

// isCNNumeral is a character of a Chinese numeral's integer part.
func isCNNumeral(r rune) bool {
	_, ok := cnDigit(r)
	return ok || cnPower(r) > 0
}

// isApproxMark is 余 or 多 between a numeral and its unit (120余件).
func (s *scanner) isApproxMark(i int) bool {
	switch s.at(i) {
	case '余':
		return true
	case '多':
		return s.at(i+1) != '于' // 多于 is a leading qualifier of what follows
	}
	return false
}
