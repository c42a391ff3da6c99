// Package number finds the numeric expressions in a report's text and
// normalizes them.
//
// It is the third step of zhibiao's flow:
//
//	document → segment → number → extract
//
// document decodes a report into text and folds full-width forms
// (０-９ ％ ． ， ： and the ideographic space) to their ASCII
// counterparts, keeping one rune for one rune. segment splits that text
// into clauses. number reads the folded runes of a clause (or of the whole
// text) character by character — not word-segmenter tokens — and returns
// every figure it can read there as a Number: a half-open rune span into
// the folded text, a normalized decimal Value ("92.8", "2258100", "1.25"),
// the Unit written after it ("%", "个百分点", "件", "年", "ratio", or ""),
// the Qualifier carried by the words around it (约, 超过, 以上, 余 …) and
// whether it is an ordinal (第二批). extract then decides what each number
// means.
//
// The package knows nothing of metrics, reports or years: it only reads
// numerals. Arabic numerals (with thousands separators, decimals, the
// multipliers 万 and 亿), Chinese numerals (一千三百零五, 二〇二三, 七点五),
// percentages (98.5%, 百分之七点五, 三成), percentage points (2.4个百分点)
// and ratios (1:0.8) are recognised. A Chinese numeral is returned only
// when a unit follows it, so words such as 一是, 两法衔接 or 十九大 yield
// nothing. Dates written with dots or dashes, clock times, identifiers and
// digits glued to Latin letters (5G, G20) are skipped.
//
// Scan runs in time linear in the length of its input, keeps no state
// between calls and never panics.
package number
