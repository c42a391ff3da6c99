package number

// Qualifier says how exact a stated figure is.
type Qualifier string

// Qualifiers, as in the SPEC.
const (
	Exact  Qualifier = "exact"
	Approx Qualifier = "approx" // 约, 左右, 近, 余, 多
	Lower  Qualifier = "lower"  // 超过, 逾, 以上, 不低于: the true value is at least Value
	Upper  Qualifier = "upper"  // 不到, 低于, 以下, 不超过: the true value is at most Value
)

// Number is a numeric expression found in text.
//
// Multipliers are folded into Value and left out of Unit: 225.81万件 is
// Value "2258100", Unit "件"; 4.23亿元 is "423000000", "元"; 1.5万 alone
// is "15000", "". 成 is tenths: 三成 is Value "30", Unit "%". 余 and 多
// between a numeral and its unit (120余件) make the Qualifier approx.
type Number struct {
	Start, End int       // rune offsets of the expression (numerals, multiplier, unit), half-open
	Value      string    // normalized decimal: no thousands separators, no trailing zeros
	Unit       string    // "%", "‰", "个百分点", "ratio", a counting word as written (件, 人, 件次, 名, 年…), or "" when none follows
	Qualifier  Qualifier // from the words just before or after it
	QualStart  int       // rune offset where a leading qualifier word starts (== Start when none)
	QualEnd    int       // rune offset where a trailing qualifier word ends (== End when none)
	Ordinal    bool      // preceded by 第: a rank, not a figure
}
