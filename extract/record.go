package extract

import "strconv"

// Kinds of record, as in the SPEC.
const (
	KindLevel    = "level"
	KindChange   = "change"
	KindPrevious = "previous"
	KindTarget   = "target"
	KindDerived  = "derived"
)

// Header is the record schema of the SPEC, in its fixed column order. CSV
// headers, JSONL keys and the XLSX records sheet all use it.
var Header = []string{
	"file", "region", "year", "metric_id", "metric", "value", "unit",
	"qualifier", "kind", "ref_year", "scope", "evidence", "line", "start",
	"end", "rule",
}

// Record is one figure found in one report.
type Record struct {
	File      string // path as given on the command line, or "-"
	Region    string // issuing government, empty if unknown
	Year      int    // year the report is about, 0 if unknown
	MetricID  string // catalog id, or "other"
	Metric    string // canonical Chinese name
	Value     string // normalized decimal: "98", "-6.5", "2258100"
	Unit      string // %, 个百分点, 件, 人, 次, 个, 项, 元, ratio
	Qualifier string // exact, approx, lower, upper
	Kind      string // level, change, previous, target, derived
	RefYear   int    // year of a previous value, 0 if none
	Scope     string // who the figure is about, empty if the report itself
	Evidence  string // clause or sentence as written
	Line      int    // 1-based line of the value
	Start     int    // rune offset of the value in the decoded text
	End       int    // half-open
	Rule      string // file:line of the rule, or derived:<formula>
}

// Strings returns the record's fields in Header order, as CSV cells.
func (r Record) Strings() []string {
	return []string{
		r.File, r.Region, itoa0(r.Year), r.MetricID, r.Metric, r.Value,
		r.Unit, r.Qualifier, r.Kind, itoa0(r.RefYear), r.Scope, r.Evidence,
		strconv.Itoa(r.Line), strconv.Itoa(r.Start), strconv.Itoa(r.End),
		r.Rule,
	}
}

// itoa0 formats n, or returns "" for 0 (an unknown year).
func itoa0(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}
