package number

import (
	"math/big"
	"strings"
)

// decimalValue joins the ASCII digits of an integer part and a fraction,
// moves the decimal point shift places to the right (万 is 4) and returns
// the normalized decimal: no leading zeros, no trailing zeros after the
// point, no trailing point. The arithmetic is on the digit string, so
// 225.81万 is exactly "2258100".
func decimalValue(intPart, frac string, shift int) string {
	digits := intPart + frac
	point := len(intPart) + shift
	if point > len(digits) {
		digits += strings.Repeat("0", point-len(digits))
	}
	ip := strings.TrimLeft(digits[:point], "0")
	fp := strings.TrimRight(digits[point:], "0")
	if ip == "" {
		ip = "0"
	}
	if fp == "" {
		return ip
	}
	return ip + "." + fp
}

// maxRatioDigits bounds the operands of a ratio, so that big arithmetic
// stays cheap; longer digit runs are identifiers, not ratios.
const maxRatioDigits = 20

// ratioValue is a/b rounded half away from zero to two decimals, trailing
// zeros trimmed. ok is false when b is zero.
func ratioValue(a, b string) (string, bool) {
	x, okA := new(big.Rat).SetString(a)
	y, okB := new(big.Rat).SetString(b)
	if !okA || !okB || y.Sign() == 0 {
		return "", false
	}
	q := new(big.Rat).Quo(x, y).FloatString(2)
	q = strings.TrimRight(strings.TrimRight(q, "0"), ".")
	return q, true
}
