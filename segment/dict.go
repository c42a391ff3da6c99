package segment

import _ "embed"

// compactDict is the base dictionary of DictCompact, 72,458 of the 352,275
// words of gse's zh_s, made by `go run ./internal/gendict` (see there for
// the choice): the 20,000 most common words, every place name, every word
// overlapping a word of the embedded rules and every single character. Its
// first line is a balance entry that keeps gse's total frequency — and so
// the weight of every word — what zh_s gives. It loads in about a tenth of
// the time and memory of zh_s; on the seed reports every rule word is
// aligned on token boundaries as with zh_s (TestCompactAlignsLikeSimplified)
// and the records are the same.
//
//go:embed compact.dict
var compactDict string
