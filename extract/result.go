package extract

import "github.com/zhibiao/zhibiao/document"

// Check is one consistency check of a report's figures: a stated rate
// against its counts, counts against each other, a rate out of range.
// Checks never drop a record; they are warnings for the researcher (every
// status but ok).
type Check struct {
	File     string // as in Record.File
	Scope    string // the scope the checked figures share
	Check    string // what was checked: rate_vs_counts, count_sum, count_order, change_sum, rate_range, claimed
	Status   string // ok, mismatch, ambiguous_denominator, claimed, out_of_range
	Metric   string // metric id of the checked figure
	Stated   string // the stated value, as in Record.Value ("" if none)
	Expected string // what the other figures imply ("" if nothing to compare)
	Message  string // one line for stderr, naming the file, line and figures
	Line     int    // line of the stated figure (or of the first input)
}

// Result is everything the engine finds in one document.
type Result struct {
	Records []Record // ordered by position; derived records after the others
	Checks  []Check  // ordered by line
}

// Run extracts a document's records, derives the figures the rules'
// formulas give from its counts, and checks them. The internal parts the
// formulas use are not among the records.
func (x *Extractor) Run(doc *document.Doc) Result {
	all := x.extractAll(doc)
	groups := x.groups(all)
	derived := x.derive(doc, groups)
	checks := x.check(doc, groups)
	recs := x.catalogOnly(all)
	recs = append(recs, x.catalogOnly(derived)...)
	return Result{Records: recs, Checks: checks}
}
