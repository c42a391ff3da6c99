// Package extract is the engine of zhibiao's flow:
//
//	document ──▶ segment ──▶ number ──▶ extract ──▶ output
//
// It takes a decoded document, cuts it into sentences, clauses and gse
// tokens, finds the rule triggers on tokens and the numbers on characters,
// and links each number to the metric it states. The rules say which words
// name a metric and what must be near; the engine decides the link (为, 达,
// 均为, 分别为, value before metric), the kind (level, change, previous,
// target), the qualifier and the scope, so a new metric is a rule edit, not
// code. Out come Records, one per figure, ordered by position.
package extract
