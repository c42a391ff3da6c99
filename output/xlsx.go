package output

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/rules"
)

// The sheets of the workbook, in order.
const (
	sheetRecords = "records"
	sheetReports = "reports"
	sheetChecks  = "checks"
	sheetFiles   = "files"
)

// Fixed headers of the checks and files sheets, and the leading columns of
// the reports sheet (the metric names follow).
var (
	checksHeader  = []string{"file", "scope", "check", "status", "metric", "stated", "expected", "message", "line"}
	filesHeader   = []string{"file", "encoding", "characters", "records", "error"}
	reportsHeader = []string{"file", "region", "year"}
)

// Column widths, in Excel's character units, for the fixed columns. A
// Chinese character takes about two units.
var (
	recordsWidths = []float64{32, 10, 6, 32, 26, 10, 8, 9, 9, 8, 14, 60, 7, 8, 8, 28}
	checksWidths  = []float64{32, 12, 16, 22, 32, 10, 10, 80, 7}
	filesWidths   = []float64{40, 12, 11, 9, 50}
	reportsWidths = []float64{32, 10, 6}
)

// FileInfo describes one input for the reports and files sheets.
type FileInfo struct {
	File     string // path as given, as in Record.File
	Region   string // issuing government, "" if unknown
	Year     int    // year the report is about, 0 if unknown
	Encoding string // encoding detected, "" if the file could not be read
	Chars    int    // characters (runes) of the decoded text
	Err      error  // why the file could not be read; nil if it was
}

// XLSX writes a workbook of four sheets: records (one row per record, the
// columns of [extract.Header]), reports (one row per report read: file,
// region, year and the first level value of each catalog metric, else its
// first derived value), checks (one row per [extract.Check]) and files (one
// row per input: encoding, characters, records, error). Every sheet has a
// bold, frozen header row.
//
// Rows are streamed to excelize's StreamWriter as they come (to a temporary
// file once a sheet passes 16 MB), so memory does not grow with the number
// of records; [XLSX.Close] assembles the workbook and writes it.
type XLSX struct {
	w       io.Writer
	f       *excelize.File
	catalog []*rules.Metric // the reports sheet's metric columns, in order
	column  map[string]int  // metric id → index into catalog
	sheets  [4]*excelize.StreamWriter
	rows    [4]int // rows written so far on each sheet, header included
	bold    int    // style id of header cells
	row     []any  // reused row buffer
	report  []any  // reused reports row
	err     error  // first error; sticky
	closed  bool
}

// NewXLSX returns a workbook writer on w whose reports sheet has one column
// per metric of catalog, in that order, headed by its Chinese name; internal
// metrics (parts of formulas, never written as records) have none. Errors
// are reported by AddFile or Close.
func NewXLSX(w io.Writer, catalog []*rules.Metric) *XLSX {
	x := &XLSX{w: w, f: excelize.NewFile(), column: map[string]int{}}
	for _, m := range catalog {
		if _, dup := x.column[m.ID]; dup || m.Internal {
			continue
		}
		x.column[m.ID] = len(x.catalog)
		x.catalog = append(x.catalog, m)
	}
	x.err = x.start()
	return x
}

// start creates the sheets and writes their header rows.
func (x *XLSX) start() error {
	if err := x.f.SetSheetName("Sheet1", sheetRecords); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	for _, name := range []string{sheetReports, sheetChecks, sheetFiles} {
		if _, err := x.f.NewSheet(name); err != nil {
			return fmt.Errorf("xlsx: %w", err)
		}
	}
	// The first sheet opens; set before streaming, since setting it after
	// makes excelize read every streamed sheet back in.
	x.f.SetActiveSheet(0)
	bold, err := x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	x.bold = bold

	reports := append([]string(nil), reportsHeader...)
	widths := append([]float64(nil), reportsWidths...)
	for _, m := range x.catalog {
		reports = append(reports, m.Name)
		widths = append(widths, max(10, 2*float64(utf8.RuneCountInString(m.Name))+2))
	}
	headers := [4][]string{extract.Header, reports, checksHeader, filesHeader}
	allWidths := [4][]float64{recordsWidths, widths, checksWidths, filesWidths}
	for i, name := range []string{sheetRecords, sheetReports, sheetChecks, sheetFiles} {
		sw, err := x.f.NewStreamWriter(name)
		if err != nil {
			return fmt.Errorf("xlsx: sheet %s: %w", name, err)
		}
		x.sheets[i] = sw
		if err := x.header(i, headers[i], allWidths[i]); err != nil {
			return fmt.Errorf("xlsx: sheet %s: %w", name, err)
		}
	}
	return nil
}

// header sets the column widths, freezes the first row and writes it bold.
func (x *XLSX) header(sheet int, names []string, widths []float64) error {
	sw := x.sheets[sheet]
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	err := sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	})
	if err != nil {
		return err
	}
	row := make([]any, len(names))
	for i, n := range names {
		row[i] = excelize.Cell{StyleID: x.bold, Value: n}
	}
	return x.put(sheet, row)
}

// put writes the next row of a sheet.
func (x *XLSX) put(sheet int, row []any) error {
	x.rows[sheet]++
	cell, err := excelize.CoordinatesToCellName(1, x.rows[sheet])
	if err != nil {
		return err
	}
	return x.sheets[sheet].SetRow(cell, row)
}

// AddFile adds one input: its records (streamed to the records sheet, in
// order), its row on the reports sheet (not for an input that could not be
// read), its checks and its row on the files sheet. Call it once per input,
// in output order.
func (x *XLSX) AddFile(info FileInfo, res extract.Result) error {
	if x.err != nil {
		return x.err
	}
	if x.closed {
		return fmt.Errorf("xlsx: add %s: workbook already closed", info.File)
	}
	x.err = x.addFile(info, res)
	return x.err
}

func (x *XLSX) addFile(info FileInfo, res extract.Result) error {
	for _, rec := range res.Records {
		if err := x.record(rec); err != nil {
			return err
		}
	}
	if info.Err == nil {
		if err := x.reportRow(info, res.Records); err != nil {
			return fmt.Errorf("xlsx: %s: %w", info.File, err)
		}
	}
	for _, c := range res.Checks {
		row := x.reset(len(checksHeader))
		row[0], row[1], row[2], row[3], row[4] = str(c.File), str(c.Scope), str(c.Check), str(c.Status), str(c.Metric)
		row[5], row[6], row[7], row[8] = numOrString(c.Stated), numOrString(c.Expected), str(c.Message), positive(c.Line)
		if err := x.put(2, row); err != nil {
			return fmt.Errorf("xlsx: %s: %w", info.File, err)
		}
	}
	row := x.reset(len(filesHeader))
	row[0] = str(info.File)
	if info.Err != nil {
		row[4] = info.Err.Error()
	} else {
		row[1], row[2], row[3] = str(info.Encoding), info.Chars, len(res.Records)
	}
	if err := x.put(3, row); err != nil {
		return fmt.Errorf("xlsx: %s: %w", info.File, err)
	}
	return nil
}

// record writes one row of the records sheet: year, value, ref_year, line,
// start and end as numbers, the rest as text; empty fields as blank cells.
func (x *XLSX) record(r extract.Record) error {
	if !isJSONNumber(r.Value) {
		return fmt.Errorf("value %q at %s:%d is not a number", r.Value, r.File, r.Line)
	}
	v, err := strconv.ParseFloat(r.Value, 64)
	if err != nil {
		return fmt.Errorf("value %q at %s:%d: %w", r.Value, r.File, r.Line, err)
	}
	row := x.reset(len(extract.Header))
	row[0], row[1], row[2], row[3], row[4] = str(r.File), str(r.Region), positive(r.Year), str(r.MetricID), str(r.Metric)
	row[5], row[6], row[7], row[8], row[9] = v, str(r.Unit), str(r.Qualifier), str(r.Kind), positive(r.RefYear)
	row[10], row[11], row[12], row[13], row[14], row[15] = str(r.Scope), str(r.Evidence), r.Line, r.Start, r.End, str(r.Rule)
	if err := x.put(0, row); err != nil {
		return fmt.Errorf("xlsx: %s:%d: %w", r.File, r.Line, err)
	}
	return nil
}

// reportRow writes a report's row: for each catalog metric the first level
// value among recs, else the first derived one, else a blank cell.
func (x *XLSX) reportRow(info FileInfo, recs []extract.Record) error {
	n := len(reportsHeader)
	if cap(x.report) < n+len(x.catalog) {
		x.report = make([]any, n+len(x.catalog))
	}
	row := x.report[:n+len(x.catalog)]
	clear(row)
	row[0], row[1], row[2] = str(info.File), str(info.Region), positive(info.Year)
	for _, r := range recs {
		i, ok := x.column[r.MetricID]
		if !ok {
			continue
		}
		switch r.Kind {
		case extract.KindLevel:
			if v, ok := row[n+i].(levelValue); !ok || v.derived {
				row[n+i] = levelValue{value: r.Value}
			}
		case extract.KindDerived:
			if row[n+i] == nil {
				row[n+i] = levelValue{value: r.Value, derived: true}
			}
		}
	}
	for i := n; i < len(row); i++ {
		if v, ok := row[i].(levelValue); ok {
			row[i] = numOrString(v.value)
		}
	}
	return x.put(1, row)
}

// levelValue is a reports cell being chosen: a derived value gives way to
// a level one.
type levelValue struct {
	value   string
	derived bool
}

// reset returns the reused row buffer, cleared, of length n.
func (x *XLSX) reset(n int) []any {
	if cap(x.row) < n {
		x.row = make([]any, n)
	}
	x.row = x.row[:n]
	clear(x.row)
	return x.row
}

// Close ends every sheet, writes the workbook to the underlying writer and
// removes excelize's temporary files. It returns the first error met; it
// does not close the underlying writer.
func (x *XLSX) Close() error {
	if x.closed {
		return fmt.Errorf("xlsx: %w", errClosed)
	}
	x.closed = true
	err := x.err
	if err == nil {
		err = x.flush()
	}
	if cerr := x.f.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("xlsx: %w", cerr)
	}
	return err
}

func (x *XLSX) flush() error {
	for _, sw := range x.sheets {
		if err := sw.Flush(); err != nil {
			return fmt.Errorf("xlsx: sheet %s: %w", sw.Sheet, err)
		}
	}
	if err := x.f.Write(x.w); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

// Abort gives up the workbook: nothing more is written to the underlying
// writer and excelize's temporary files are removed. After Close or an
// earlier Abort it does nothing.
func (x *XLSX) Abort() error {
	if x.closed {
		return nil
	}
	x.closed = true
	if err := x.f.Close(); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

// errClosed is returned by a second Close.
var errClosed = errors.New("workbook already closed")

// str returns s, or nil (a blank cell) for "".
func str(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// positive returns n, or nil (a blank cell) for 0 or less: an unknown year,
// no line.
func positive(n int) any {
	if n <= 0 {
		return nil
	}
	return n
}

// numOrString returns a decimal as a float64 cell, "" as a blank cell and
// anything else as text.
func numOrString(s string) any {
	if s == "" {
		return nil
	}
	if isJSONNumber(s) {
		if v, err := strconv.ParseFloat(s, 64); err == nil {
			return v
		}
	}
	return s
}
