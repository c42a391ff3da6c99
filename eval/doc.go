// Package eval scores extracted records against a hand-made gold standard.
//
// It sits beside the main flow extract → output: given the records that
// package extract produced for some reports and the gold rows for the same
// reports ([LoadGold]), [Score] matches them one to one and reports true
// positives, false hits and misses, with precision, recall and F1 per
// metric, per kind and overall ([Report.Write]).
package eval
