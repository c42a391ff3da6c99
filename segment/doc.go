// Package segment is the second stage of zhibiao's flow:
//
//	document ──▶ segment ──▶ number ──▶ extract ──▶ output
//
// It takes the folded text of a document (runes) and yields sentence and
// clause bounds, found on punctuation, and gse tokens, found with one
// Segmenter that is built once from an explicit dictionary plus a domain
// lexicon (the rule triggers) loaded first, so that 行政复议纠错率 or 出庭应诉率
// come out as single tokens. Every offset is a rune index into the text it
// was given, half-open.
//
// The package knows nothing of metrics: the caller hands it the lexicon.
package segment
