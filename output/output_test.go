package output

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/zhibiao/zhibiao/extract"
)

// records are two records; the second has a comma, quotes, HTML characters
// and a newline in its evidence, an unknown year and a previous year.
var records = []extract.Record{
	{
		File: "in/002_report.txt", Region: "某市", Year: 2020,
		MetricID: "reconsideration_applications", Metric: "行政复议申请数",
		Value: "98", Unit: "件", Qualifier: "exact", Kind: "level",
		Evidence: "全市共收到行政复议申请98件", Line: 12, Start: 340, End: 342,
		Rule: "rules/fuyi.yaml:3",
	},
	{
		File: "in/004_report.txt", MetricID: "reconsideration_correction_rate",
		Metric: "行政复议纠错率", Value: "-6.5", Unit: "%", Qualifier: "approx",
		Kind: "previous", RefYear: 2019, Scope: "市政府",
		Evidence: "较2019年\"36.37%\"，下降 <a&b>,\n大幅", Line: 7, Start: 0, End: 5,
		Rule: "derived:a/b",
	},
}

const csvWant = "file,region,year,metric_id,metric,value,unit,qualifier,kind,ref_year,scope,evidence,line,start,end,rule\n" +
	"in/002_report.txt,某市,2020,reconsideration_applications,行政复议申请数,98,件,exact,level,,,全市共收到行政复议申请98件,12,340,342,rules/fuyi.yaml:3\n" +
	"in/004_report.txt,,,reconsideration_correction_rate,行政复议纠错率,-6.5,%,approx,previous,2019,市政府,\"较2019年\"\"36.37%\"\"，下降 <a&b>,\n大幅\",7,0,5,derived:a/b\n"

func writeCSV(t *testing.T, bom bool, recs []extract.Record) string {
	t.Helper()
	var b bytes.Buffer
	w := NewCSV(&b, bom)
	for _, r := range recs {
		if err := w.Write(r); err != nil {
			t.Fatalf("Write: %v", err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	return b.String()
}

func TestCSV(t *testing.T) {
	if got := writeCSV(t, false, records); got != csvWant {
		t.Errorf("CSV:\ngot  %q\nwant %q", got, csvWant)
	}
}

func TestCSVBOM(t *testing.T) {
	want := "\xef\xbb\xbf" + csvWant
	if got := writeCSV(t, true, records); got != want {
		t.Errorf("CSV with BOM:\ngot  %q\nwant %q", got, want)
	}
}

func TestCSVEmpty(t *testing.T) {
	want := strings.Join(extract.Header, ",") + "\n"
	if got := writeCSV(t, false, nil); got != want {
		t.Errorf("empty CSV: got %q, want %q", got, want)
	}
	if got := writeCSV(t, true, nil); got != "\uFEFF"+want {
		t.Errorf("empty CSV with BOM: got %q, want %q", got, "\uFEFF"+want)
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestCSVError(t *testing.T) {
	w := NewCSV(failWriter{}, true)
	w.Write(records[0]) // buffered: may or may not fail yet
	if err := w.Close(); err == nil || err.Error() != "disk full" {
		t.Errorf("Close: got %v, want disk full", err)
	}
}

func TestJSONL(t *testing.T) {
	var b bytes.Buffer
	w := NewJSONL(&b)
	for _, r := range records {
		if err := w.Write(r); err != nil {
			t.Fatalf("Write: %v", err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	want := `{"file":"in/002_report.txt","region":"某市","year":2020,"metric_id":"reconsideration_applications","metric":"行政复议申请数","value":98,"unit":"件","qualifier":"exact","kind":"level","ref_year":null,"scope":"","evidence":"全市共收到行政复议申请98件","line":12,"start":340,"end":342,"rule":"rules/fuyi.yaml:3"}` + "\n" +
		`{"file":"in/004_report.txt","region":"","year":null,"metric_id":"reconsideration_correction_rate","metric":"行政复议纠错率","value":-6.5,"unit":"%","qualifier":"approx","kind":"previous","ref_year":2019,"scope":"市政府","evidence":"较2019年\"36.37%\"，下降 <a&b>,\n大幅","line":7,"start":0,"end":5,"rule":"derived:a/b"}` + "\n"
	if got := b.String(); got != want {
		t.Errorf("JSONL:\ngot  %s\nwant %s", got, want)
	}
}

// TestJSONLKeys checks that the JSON keys are extract.Header, in order.
func TestJSONLKeys(t *testing.T) {
	typ := reflect.TypeOf(jsonRecord{})
	var keys []string
	for i := range typ.NumField() {
		keys = append(keys, typ.Field(i).Tag.Get("json"))
	}
	if !reflect.DeepEqual(keys, extract.Header) {
		t.Errorf("JSON keys %v, want %v", keys, extract.Header)
	}
}

func TestJSONLBadValue(t *testing.T) {
	for _, v := range []string{"", "abc", "1,000", "12.", ".5", "+5", "01", "1e", "NaN", `"98"`, "98 "} {
		var b bytes.Buffer
		r := records[0]
		r.Value = v
		err := NewJSONL(&b).Write(r)
		if err == nil {
			t.Errorf("value %q: no error", v)
			continue
		}
		want := `value "` + strings.ReplaceAll(v, `"`, `\"`) + `" at in/002_report.txt:12 is not a number`
		if err.Error() != want {
			t.Errorf("value %q: error %q, want %q", v, err, want)
		}
		if b.Len() != 0 {
			t.Errorf("value %q: wrote %q", v, b.String())
		}
	}
	for _, v := range []string{"0", "-0.5", "2258100", "1e6", "12.345"} {
		if !isJSONNumber(v) {
			t.Errorf("isJSONNumber(%q) = false", v)
		}
	}
}

// dirNames returns the names in dir.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestFileCommit(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Abort()
	if _, err := f.Write([]byte("new\n")); err != nil {
		t.Fatal(err)
	}
	if names := dirNames(t, dir); len(names) != 2 || !strings.HasPrefix(names[0], ".out.csv.tmp-") {
		t.Errorf("before commit: dir has %q, want the temp file and out.csv", names)
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("before commit: out.csv = %q, want old", got)
	}
	if err := f.Commit(); err != nil {
		t.Fatalf("Commit: %v", err)
	}
	if err := f.Abort(); err != nil {
		t.Errorf("Abort after Commit: %v", err)
	}
	if names := dirNames(t, dir); !reflect.DeepEqual(names, []string{"out.csv"}) {
		t.Errorf("after commit: dir has %q, want [out.csv]", names)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "new\n" {
		t.Errorf("after commit: out.csv = %q, %v; want new", got, err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("after commit: mode %v, %v; want 0644", fi.Mode().Perm(), err)
	}
	if err := f.Commit(); !errors.Is(err, os.ErrClosed) {
		t.Errorf("second Commit: got %v, want os.ErrClosed", err)
	}
	if _, err := f.Write([]byte("x")); !errors.Is(err, os.ErrClosed) {
		t.Errorf("Write after Commit: got %v, want os.ErrClosed", err)
	}
}

func TestFileAbort(t *testing.T) {
	dir := t.TempDir()
	f, err := Create(filepath.Join(dir, "out.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("partial"))
	if err := f.Abort(); err != nil {
		t.Fatalf("Abort: %v", err)
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Errorf("after abort: dir has %q, want nothing", names)
	}
	if err := f.Abort(); err != nil {
		t.Errorf("second Abort: %v", err)
	}
}

func TestFileAbortKeepsExisting(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Write([]byte("new"))
	if err := f.Abort(); err != nil {
		t.Fatalf("Abort: %v", err)
	}
	if names := dirNames(t, dir); !reflect.DeepEqual(names, []string{"out.csv"}) {
		t.Errorf("after abort: dir has %q, want [out.csv]", names)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "old" {
		t.Errorf("after abort: out.csv = %q, %v; want old", got, err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("after abort: mode %v, %v; want 0600", fi.Mode().Perm(), err)
	}
}

func TestCreateError(t *testing.T) {
	path := filepath.Join(t.TempDir(), "missing", "out.csv")
	_, err := Create(path)
	if err == nil || !errors.Is(err, os.ErrNotExist) || !strings.HasPrefix(err.Error(), "create "+path+": ") {
		t.Errorf("Create in a missing directory: got %v", err)
	}
}

func TestFormatOf(t *testing.T) {
	tests := []struct {
		path, format, want, err string
	}{
		{"", "", "csv", ""},
		{"-", "", "csv", ""},
		{"out.csv", "", "csv", ""},
		{"dir.d/OUT.CSV", "", "csv", ""},
		{"out.jsonl", "", "jsonl", ""},
		{"out.ndjson", "", "jsonl", ""},
		{"out.xlsx", "", "xlsx", ""},
		{"out.json", "", "", `unknown output format ".json" (use .csv, .jsonl or .xlsx, or --format)`},
		{"out.foo", "", "", `unknown output format ".foo" (use .csv, .jsonl or .xlsx, or --format)`},
		{"dir.d/out", "", "", `output file "dir.d/out" has no extension (use .csv, .jsonl or .xlsx, or --format)`},
		{"out.foo", "jsonl", "jsonl", ""},
		{"out.csv", "xlsx", "xlsx", ""},
		{"-", "JSONL", "jsonl", ""},
		{"", "csv", "csv", ""},
		{"out.csv", "json", "", `unknown format "json" (use csv, jsonl or xlsx)`},
	}
	for _, tt := range tests {
		got, err := FormatOf(tt.path, tt.format)
		errText := ""
		if err != nil {
			errText = err.Error()
		}
		if got != tt.want || errText != tt.err {
			t.Errorf("FormatOf(%q, %q) = %q, %q; want %q, %q", tt.path, tt.format, got, errText, tt.want, tt.err)
		}
	}
}
