// Package document is the first stage of zhibiao's flow:
//
//	files → document → segment → number → extract → output
//
// It turns the bytes of one downloaded 法治政府建设年度报告 (a .txt file or a
// saved .html page, in UTF-8, GBK/GB18030 or UTF-16) into a [Doc]: the decoded
// text as runes, a width-folded copy of the same length for matching, the
// lines with web-page furniture ("chrome") marked, and a guess at the issuing
// government (Region) and the year the report is about (Year).
//
// Every offset in the project is a rune index into [Doc.Text], half-open.
// Line endings are normalized to '\n' before offsets are taken, and a UTF-8
// byte order mark is stripped, so offsets never count them.
//
// The package knows nothing of sentences, numbers or metrics; later stages
// read Doc.Text and Doc.Folded and skip lines whose Chrome flag is set.
package document
