package output

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/rules"
)

// xlsxCatalog has an internal metric, which gets no reports column.
var xlsxCatalog = []*rules.Metric{
	{ID: "review.concluded", Name: "行政复议审结数", Unit: "件"},
	{ID: "review.revoked", Name: "撤销数", Unit: "件", Internal: true},
	{ID: "review.correction_rate", Name: "行政复议纠错率", Unit: "%"},
	{ID: "litigation.loss_rate", Name: "行政诉讼败诉率", Unit: "%"},
	{ID: "mediation.cases", Name: "调解案件数", Unit: "件"},
}

// xlsxInput is one AddFile call.
type xlsxInput struct {
	info FileInfo
	res  extract.Result
}

// xlsxInputs are three inputs: a report with a previous value before its
// level, two levels of one metric, a derived-only metric, an uncatalogued
// figure and two checks; an input that could not be read; a report with no
// region or year whose evidence needs escaping.
func xlsxInputs() []xlsxInput {
	a := "in/002_report.txt"
	rec := func(id, name, value, unit, kind string, refYear, line, start int, rule string) extract.Record {
		return extract.Record{
			File: a, Region: "某市", Year: 2020, MetricID: id, Metric: name, Value: value,
			Unit: unit, Qualifier: "exact", Kind: kind, RefYear: refYear,
			Evidence: name + value + unit, Line: line, Start: start, End: start + len(value) + 1, Rule: rule,
		}
	}
	return []xlsxInput{
		{
			info: FileInfo{File: a, Region: "某市", Year: 2020, Encoding: "gb18030", Chars: 5230},
			res: extract.Result{
				Records: []extract.Record{
					rec("review.concluded", "行政复议审结数", "55", "件", "level", 0, 3, 70, "default/10-review.yaml:63"),
					rec("review.correction_rate", "行政复议纠错率", "12.5", "%", "previous", 2019, 3, 87, "default/10-review.yaml:8"),
					rec("review.correction_rate", "行政复议纠错率", "9.09", "%", "level", 0, 3, 74, "default/10-review.yaml:8"),
					rec("review.correction_rate", "行政复议纠错率", "8", "%", "level", 0, 9, 400, "default/10-review.yaml:8"),
					rec("other", "立案率", "97.5", "%", "level", 0, 10, 420, "discover"),
					rec("litigation.loss_rate", "行政诉讼败诉率", "4.76", "%", "derived", 0, 4, 139, "derived:loss_rate"),
				},
				Checks: []extract.Check{
					{File: a, Check: "rate_vs_counts", Status: "mismatch", Metric: "review.correction_rate",
						Stated: "9.09", Expected: "10.91", Message: a + ":3: 行政复议纠错率 9.09% but 6 of 55 is 10.91%", Line: 3},
					{File: a, Scope: "区政府", Check: "count_order", Status: "ok", Metric: "review.concluded",
						Stated: "55", Message: a + ":3: ok", Line: 3},
				},
			},
		},
		{info: FileInfo{File: "in/003_empty.txt", Err: errors.New("in/003_empty.txt: empty file")}},
		{
			info: FileInfo{File: "in/004_report.txt", Encoding: "utf-8", Chars: 12},
			res:  extract.Result{Records: records[1:]},
		},
	}
}

// writeXLSX writes the inputs to a workbook and returns its bytes.
func writeXLSX(t *testing.T, ins []xlsxInput) []byte {
	t.Helper()
	var b bytes.Buffer
	w := NewXLSX(&b, xlsxCatalog)
	for _, in := range ins {
		if err := w.AddFile(in.info, in.res); err != nil {
			t.Fatalf("AddFile %s: %v", in.info.File, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return b.Bytes()
}

// The expected sheets, as raw cell values (trailing blank cells trimmed,
// as excelize's GetRows does).
var (
	wantRecords = [][]string{
		extract.Header,
		{"in/002_report.txt", "某市", "2020", "review.concluded", "行政复议审结数", "55", "件", "exact", "level", "", "", "行政复议审结数55件", "3", "70", "73", "default/10-review.yaml:63"},
		{"in/002_report.txt", "某市", "2020", "review.correction_rate", "行政复议纠错率", "12.5", "%", "exact", "previous", "2019", "", "行政复议纠错率12.5%", "3", "87", "92", "default/10-review.yaml:8"},
		{"in/002_report.txt", "某市", "2020", "review.correction_rate", "行政复议纠错率", "9.09", "%", "exact", "level", "", "", "行政复议纠错率9.09%", "3", "74", "79", "default/10-review.yaml:8"},
		{"in/002_report.txt", "某市", "2020", "review.correction_rate", "行政复议纠错率", "8", "%", "exact", "level", "", "", "行政复议纠错率8%", "9", "400", "402", "default/10-review.yaml:8"},
		{"in/002_report.txt", "某市", "2020", "other", "立案率", "97.5", "%", "exact", "level", "", "", "立案率97.5%", "10", "420", "425", "discover"},
		{"in/002_report.txt", "某市", "2020", "litigation.loss_rate", "行政诉讼败诉率", "4.76", "%", "exact", "derived", "", "", "行政诉讼败诉率4.76%", "4", "139", "144", "derived:loss_rate"},
		{"in/004_report.txt", "", "", "reconsideration_correction_rate", "行政复议纠错率", "-6.5", "%", "approx", "previous", "2019", "市政府", "较2019年\"36.37%\"，下降 <a&b>,\n大幅", "7", "0", "5", "derived:a/b"},
	}
	wantReports = [][]string{
		{"file", "region", "year", "行政复议审结数", "行政复议纠错率", "行政诉讼败诉率", "调解案件数"},
		{"in/002_report.txt", "某市", "2020", "55", "9.09", "4.76"},
		{"in/004_report.txt"},
	}
	wantChecks = [][]string{
		{"file", "scope", "check", "status", "metric", "stated", "expected", "message", "line"},
		{"in/002_report.txt", "", "rate_vs_counts", "mismatch", "review.correction_rate", "9.09", "10.91", "in/002_report.txt:3: 行政复议纠错率 9.09% but 6 of 55 is 10.91%", "3"},
		{"in/002_report.txt", "区政府", "count_order", "ok", "review.concluded", "55", "", "in/002_report.txt:3: ok", "3"},
	}
	wantFiles = [][]string{
		{"file", "encoding", "characters", "records", "error"},
		{"in/002_report.txt", "gb18030", "5230", "6"},
		{"in/003_empty.txt", "", "", "", "in/003_empty.txt: empty file"},
		{"in/004_report.txt", "utf-8", "12", "1"},
	}
	// Cell types, row by row: n number, s text, - blank.
	wantTypes = map[string][]string{
		"records": {
			"ssssssssssssssss",
			"ssnssnsss--snnns",
			"ssnssnsssn-snnns",
			"ssnssnsss--snnns",
			"ssnssnsss--snnns",
			"ssnssnsss--snnns",
			"ssnssnsss--snnns",
			"s--ssnsssnssnnns",
		},
		"reports": {"sssssss", "ssnnnn-", "s------"},
		"checks":  {"sssssssss", "s-sssnnsn", "sssssn-sn"},
		"files":   {"sssss", "ssnn-", "s---s", "ssnn-"},
	}
)

func openXLSX(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("open xlsx: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// cellKind tells a number cell (no type, or n), a text cell and a blank one.
func cellKind(t *testing.T, f *excelize.File, sheet, cell string) byte {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	typ, err := f.GetCellType(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	switch {
	case v == "":
		return '-'
	case typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber:
		return 'n'
	case typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString:
		return 's'
	}
	return '?'
}

func TestXLSX(t *testing.T) {
	f := openXLSX(t, writeXLSX(t, xlsxInputs()))
	if got, want := f.GetSheetList(), []string{"records", "reports", "checks", "files"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	if got := f.GetActiveSheetIndex(); got != 0 {
		t.Errorf("active sheet %d, want 0 (records)", got)
	}
	want := map[string][][]string{"records": wantRecords, "reports": wantReports, "checks": wantChecks, "files": wantFiles}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(rows, want[sheet]) {
			t.Errorf("sheet %s:\ngot  %q\nwant %q", sheet, rows, want[sheet])
		}
		for r, kinds := range wantTypes[sheet] {
			var got []byte
			for c := range kinds {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				got = append(got, cellKind(t, f, sheet, cell))
			}
			if string(got) != kinds {
				t.Errorf("sheet %s row %d: cell types %s, want %s", sheet, r+1, got, kinds)
			}
		}

		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 0 || panes.TopLeftCell != "A2" {
			t.Errorf("sheet %s: panes %+v, want the first row frozen", sheet, panes)
		}
		for cell, bold := range map[string]bool{"A1": true, "B1": true, "A2": false} {
			id, err := f.GetCellStyle(sheet, cell)
			if err != nil {
				t.Fatal(err)
			}
			style, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if got := style.Font != nil && style.Font.Bold; got != bold {
				t.Errorf("sheet %s cell %s: bold %v, want %v", sheet, cell, got, bold)
			}
		}
	}
	widths := []struct {
		sheet, col string
		want       float64
	}{
		{"records", "A", 32}, {"records", "C", 6}, {"records", "L", 60}, {"records", "P", 28},
		{"reports", "A", 32}, {"reports", "D", 16}, {"reports", "G", 12},
		{"checks", "H", 80}, {"files", "E", 50},
	}
	for _, w := range widths {
		got, err := f.GetColWidth(w.sheet, w.col)
		if err != nil || got != w.want {
			t.Errorf("sheet %s column %s: width %v, %v; want %v", w.sheet, w.col, got, err, w.want)
		}
	}
}

func TestXLSXEmpty(t *testing.T) {
	f := openXLSX(t, writeXLSX(t, nil))
	for sheet, header := range map[string][]string{
		"records": extract.Header, "reports": wantReports[0], "checks": wantChecks[0], "files": wantFiles[0],
	} {
		rows, err := f.GetRows(sheet)
		if err != nil || !reflect.DeepEqual(rows, [][]string{header}) {
			t.Errorf("empty workbook, sheet %s: %q, %v; want the header only", sheet, rows, err)
		}
	}
}

func TestXLSXBadValue(t *testing.T) {
	var b bytes.Buffer
	w := NewXLSX(&b, xlsxCatalog)
	r := records[0]
	r.Value = "1,000"
	err := w.AddFile(FileInfo{File: r.File}, extract.Result{Records: []extract.Record{r}})
	const want = `value "1,000" at in/002_report.txt:12 is not a number`
	if err == nil || err.Error() != want {
		t.Errorf("AddFile: got %v, want %s", err, want)
	}
	if err := w.AddFile(FileInfo{File: "x"}, extract.Result{}); err == nil || err.Error() != want {
		t.Errorf("AddFile after an error: got %v, want the first error", err)
	}
	if err := w.Close(); err == nil || err.Error() != want {
		t.Errorf("Close: got %v, want %s", err, want)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %d bytes after an error", b.Len())
	}
}

func TestXLSXWriterError(t *testing.T) {
	w := NewXLSX(failWriter{}, xlsxCatalog)
	if err := w.AddFile(FileInfo{File: records[0].File}, extract.Result{Records: records}); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err == nil || err.Error() != "xlsx: disk full" {
		t.Errorf("Close: got %v, want xlsx: disk full", err)
	}
	if err := w.Close(); err == nil || err.Error() != "xlsx: workbook already closed" {
		t.Errorf("second Close: got %v", err)
	}
	if err := w.AddFile(FileInfo{File: "x"}, extract.Result{}); err == nil || err.Error() != "xlsx: add x: workbook already closed" {
		t.Errorf("AddFile after Close: got %v", err)
	}
}

func TestXLSXAbort(t *testing.T) {
	var b bytes.Buffer
	w := NewXLSX(&b, xlsxCatalog)
	if err := w.AddFile(FileInfo{File: records[0].File}, extract.Result{Records: records}); err != nil {
		t.Fatal(err)
	}
	if err := w.Abort(); err != nil {
		t.Fatalf("Abort: %v", err)
	}
	if err := w.Abort(); err != nil {
		t.Errorf("second Abort: %v", err)
	}
	if b.Len() != 0 {
		t.Errorf("wrote %d bytes after Abort", b.Len())
	}
}

// TestXLSXLibreOffice converts the workbook to CSV with LibreOffice, one
// file per sheet, and compares the values: another reader agrees on them.
func TestXLSXLibreOffice(t *testing.T) {
	office, err := exec.LookPath("libreoffice")
	if err != nil {
		if office, err = exec.LookPath("soffice"); err != nil {
			t.Skip("libreoffice not on PATH")
		}
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "metrics.xlsx")
	if err := os.WriteFile(in, writeXLSX(t, xlsxInputs()), 0o644); err != nil {
		t.Fatal(err)
	}
	// Filter options: comma, double quote, UTF-8, from line 1, …, values
	// as stored (not as shown), every sheet to its own file (-1).
	cmd := exec.Command(office, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
		"--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", office, err, out)
	}
	want := map[string][][]string{"records": wantRecords, "reports": wantReports, "checks": wantChecks, "files": wantFiles}
	for sheet, rows := range want {
		data, err := os.ReadFile(filepath.Join(dir, "metrics-"+sheet+".csv"))
		if err != nil {
			t.Errorf("sheet %s: %v", sheet, err)
			continue
		}
		if got, want := string(data), csvOf(rows); got != want {
			t.Errorf("sheet %s as converted by LibreOffice:\ngot  %q\nwant %q", sheet, got, want)
		}
	}
}

// csvOf writes rows as LibreOffice does: every row padded to the widest,
// text with a comma, quote or newline quoted.
func csvOf(rows [][]string) string {
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	var b strings.Builder
	for _, r := range rows {
		for i := range width {
			if i > 0 {
				b.WriteByte(',')
			}
			if i >= len(r) {
				continue
			}
			v := r[i]
			if strings.ContainsAny(v, ",\"\n") {
				v = `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
			}
			b.WriteString(v)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestXLSXMemoryFlat streams many records and checks that the heap does
// not grow with them: rows go to excelize's stream (a temporary file past
// 16 MB), not to memory.
func TestXLSXMemoryFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 150000 records")
	}
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	const files, perFile = 1500, 100
	w := NewXLSX(&discard{}, xlsxCatalog)
	defer w.Abort()
	recs := make([]extract.Record, perFile)
	start := time.Now()
	var base, peak uint64
	for i := range files {
		for j := range recs {
			recs[j] = records[0]
			recs[j].File = fmt.Sprintf("in/%04d.txt", i)
			recs[j].Value = fmt.Sprint(i*perFile + j)
			recs[j].Evidence = strings.Repeat("全市共收到行政复议申请", 4)
		}
		if err := w.AddFile(FileInfo{File: recs[0].File, Encoding: "utf-8", Chars: 1000}, extract.Result{Records: recs}); err != nil {
			t.Fatal(err)
		}
		switch {
		case i == files/5:
			base = heap()
		case i > files/5 && i%100 == 0:
			peak = max(peak, heap())
		}
	}
	streamed := time.Since(start)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d records streamed in %v (%v with Close); heap %d MB after %d records, at most %d MB after",
		files*perFile, streamed, time.Since(start), base>>20, files/5*perFile, peak>>20)
	// The rows take ~70 MB of XML; excelize keeps at most 16 MB of a sheet
	// in memory.
	if peak > base+24<<20 {
		t.Errorf("heap grew from %d MB to %d MB while streaming", base>>20, peak>>20)
	}
}

// discard counts the bytes written to it.
type discard struct{ n int }

func (d *discard) Write(p []byte) (int, error) { d.n += len(p); return len(p), nil }
