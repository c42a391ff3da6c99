package extract

import "github.com/zhibiao/zhibiao/document"

// Check is one consistency check of a report's figures: a stated rate
// against its counts, counts against each other, a rate out of range.
// Checks never drop a record; they are warnings for the researcher.
type Check struct {
	File     string // as in Record.File
	Scope    string // the scope the checked figures share
	Check    string // what was checked, e.g. "rate_vs_counts", "count_order", "rate_range", "change_sum", "claimed"
	Status   string // "ok", "mismatch", "ambiguous_denominator", "claimed", "out_of_range"
	Metric   string // metric id of the checked figure
	Stated   string // the stated value, as in Record.Value ("" if none)
	Expected string // what the other figures imply ("" if nothing to compare)
	Message  string // one line for stderr, naming the figures
	Line     int    // line of the stated figure (or of the first input)
}

// Result is everything the engine finds in one document.
type Result struct {
	Records []Record // ordered by position; derived records after the others
	Checks  []Check
}

// Run extracts a document's records and checks them.
func (x *Extractor) Run(doc *document.Doc) Result {
	return Result{Records: x.Extract(doc)}
}
