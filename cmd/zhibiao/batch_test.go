package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/xuri/excelize/v2"
)

// batchRegions are the governments of the generated reports.
var batchRegions = []string{"玉环市", "凤凰县", "海东市", "龙湾区", "青浦区"}

// writeBatch writes n small reports under dir/reports, 50 to a folder, each
// with its own numbers in the same few sentences, and returns the folder.
func writeBatch(t *testing.T, dir string, n int) string {
	t.Helper()
	root := filepath.Join(dir, "reports")
	for i := range n {
		region, year := batchRegions[i%len(batchRegions)], 2018+i%5
		applied := 40 + i
		accepted := applied - 1 - i%7
		concluded := accepted - i%5
		text := fmt.Sprintf("%s人民政府关于%d年度法治政府建设情况的报告\n"+
			"%d年,%s坚持依法行政,推进严格规范公正文明执法。\n"+
			"全年共收到行政复议申请%d件,受理%d件,审结%d件,纠错率%d.%02d%%,较%d年的%d.5%%有所下降。\n"+
			"共办理行政应诉案件%d件,行政机关负责人出庭应诉率达到%d%%,行政诉讼败诉率约为%d.%d%%。\n"+
			"全年共调处矛盾纠纷%d件,调解成功率为%d.%d%%。\n",
			region, year, year, region, applied, accepted, concluded, 5+i%9, i%100, year-1, 10+i%6,
			20+i%13, 90+i%11, 3+i%4, i%10, 300+7*i, 95+i%5, i%10)
		path := filepath.Join(root, fmt.Sprintf("%d", i/50), fmt.Sprintf("r%03d.txt", i))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// runZhibiao runs the command line and returns its exit code, stdout and
// stderr.
func runZhibiao(ctx context.Context, args ...string) (int, string, string) {
	var stdout, stderr bytes.Buffer
	code := run(ctx, args, nil, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// xlsxSheets reads every sheet of a workbook as raw cell values.
func xlsxSheets(t *testing.T, path string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := map[string][][]string{}
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		sheets[name] = rows
	}
	return sheets
}

// TestBatchJobs extracts 200 generated reports with one worker and with
// four: the CSV and its warnings are byte for byte the same, and so are the
// cells of the XLSX sheets, whose records sheet holds the CSV's rows.
func TestBatchJobs(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeBatch(t, dir, 200)

	code, csv1, warn1 := runZhibiao(context.Background(), "extract", "-j", "1", "reports")
	if code != 0 {
		t.Fatalf("-j 1: exit %d: %s", code, warn1)
	}
	code, csv4, warn4 := runZhibiao(context.Background(), "extract", "-j", "4", "reports")
	if code != 0 {
		t.Fatalf("-j 4: exit %d: %s", code, warn4)
	}
	if csv1 != csv4 {
		t.Errorf("CSV differs between -j 1 and -j 4:\n%s", lineDiff(csv1, csv4))
	}
	if warn1 != warn4 {
		t.Errorf("warnings differ between -j 1 and -j 4:\n%s", lineDiff(warn1, warn4))
	}
	rows, err := csv.NewReader(strings.NewReader(csv1)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// Every report gives at least its 3 review counts, 2 rates, a previous
	// rate, the litigation figures and the mediation figures.
	perFile := map[string]int{}
	for _, r := range rows[1:] {
		perFile[r[0]]++
	}
	if len(perFile) != 200 {
		t.Errorf("records from %d files, want 200", len(perFile))
	}
	for f, n := range perFile {
		if n < 8 {
			t.Errorf("%s: %d records, want at least 8", f, n)
		}
	}
	if first := rows[1]; first[0] != filepath.Join("reports", "0", "r000.txt") || first[1] != "玉环市" || first[2] != "2018" {
		t.Errorf("first record %q, want reports/0/r000.txt of 玉环市, 2018", first)
	}

	for _, j := range []string{"1", "4"} {
		code, stdout, stderr := runZhibiao(context.Background(), "extract", "-j", j, "reports", "-o", "j"+j+".xlsx")
		if code != 0 || stdout != "" || stderr != warn1 {
			t.Fatalf("xlsx -j %s: exit %d, stdout %q, stderr:\n%s", j, code, stdout, lineDiff(warn1, stderr))
		}
	}
	x1, x4 := xlsxSheets(t, "j1.xlsx"), xlsxSheets(t, "j4.xlsx")
	if !reflect.DeepEqual(x1, x4) {
		for name := range x1 {
			if !reflect.DeepEqual(x1[name], x4[name]) {
				t.Errorf("sheet %s differs between -j 1 and -j 4", name)
			}
		}
	}
	// GetRows drops trailing blank cells; pad to compare with the CSV.
	recs := x1["records"]
	for i := range recs {
		for len(recs[i]) < len(rows[0]) {
			recs[i] = append(recs[i], "")
		}
	}
	if !reflect.DeepEqual(recs, rows) {
		t.Errorf("records sheet (%d rows) differs from the CSV (%d rows)", len(recs), len(rows))
	}
	if got := len(x1["reports"]); got != 201 {
		t.Errorf("reports sheet: %d rows, want 201", got)
	}
	if got := len(x1["files"]); got != 201 {
		t.Errorf("files sheet: %d rows, want 201", got)
	}
	warnings := strings.Count(warn1, "\n")
	notOK := 0
	for _, c := range x1["checks"][1:] {
		if c[3] != "ok" {
			notOK++
		}
	}
	if notOK != warnings {
		t.Errorf("checks sheet: %d checks not ok, stderr: %d warnings", notOK, warnings)
	}
}

// cancelAfter is a context cancelled at the n-th call of its Done method:
// the worker pool asks for Done once per input fed and once per result
// taken, so cancellation comes in the middle of the batch.
type cancelAfter struct {
	context.Context
	cancel context.CancelFunc
	n      atomic.Int64
}

func newCancelAfter(n int64) *cancelAfter {
	ctx, cancel := context.WithCancel(context.Background())
	c := &cancelAfter{Context: ctx, cancel: cancel}
	c.n.Store(n)
	return c
}

func (c *cancelAfter) Done() <-chan struct{} {
	if c.n.Add(-1) == 0 {
		c.cancel()
	}
	return c.Context.Done()
}

// TestBatchCancel interrupts a run mid-way: no output file appears, no
// temporary file stays in the folder, and a file that was there before is
// left as it was.
func TestBatchCancel(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeBatch(t, dir, 200)
	if err := os.WriteFile("old.xlsx", []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	done := regexp.MustCompile(`\] (\d+)/200 files`)
	for _, out := range []string{"new.csv", "old.xlsx"} {
		ctx := newCancelAfter(60)
		code, stdout, stderr := runZhibiao(ctx, "extract", "-j", "2", "--progress", "always", "reports", "-o", out)
		if code != exitInputs || stdout != "" || !strings.HasSuffix(stderr, "\nzhibiao: error: context canceled\n") {
			t.Errorf("-o %s: exit %d, stdout %q, stderr %q; want exit 1 and context canceled", out, code, stdout, stderr)
		}
		// The bar's last state says how far the run went before it stopped.
		m := done.FindStringSubmatch(stderr)
		if m == nil || m[1] == "0" || m[1] == "200" {
			t.Errorf("-o %s: cancelled after %v files, want some but not all", out, m)
		}
		names, err := filepath.Glob("*")
		if err != nil {
			t.Fatal(err)
		}
		hidden, _ := filepath.Glob(".*")
		if want := []string{"old.xlsx", "reports"}; !reflect.DeepEqual(names, want) || len(hidden) != 0 {
			t.Errorf("-o %s: folder holds %q and %q, want %q", out, names, hidden, want)
		}
	}
	data, err := os.ReadFile("old.xlsx")
	if err != nil || string(data) != "old" {
		t.Errorf("old.xlsx = %q, %v; want it unchanged", data, err)
	}
	if fi, err := os.Stat("old.xlsx"); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("old.xlsx mode changed: %v, %v", fi.Mode(), err)
	}
}

func TestParseShard(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want shard
		err  string
	}{
		{"", shard{1, 1}, ""},
		{"1/1", shard{1, 1}, ""},
		{"2/8", shard{2, 8}, ""},
		{"8/8", shard{8, 8}, ""},
		{"0/8", shard{}, `invalid --shard "0/8": want i/n with 1 ≤ i ≤ n, e.g. 2/8`},
		{"9/8", shard{}, `invalid --shard "9/8": want i/n with 1 ≤ i ≤ n, e.g. 2/8`},
		{"1/0", shard{}, `invalid --shard "1/0": want i/n with 1 ≤ i ≤ n, e.g. 2/8`},
		{"2", shard{}, `invalid --shard "2": want i/n with 1 ≤ i ≤ n, e.g. 2/8`},
		{"a/b", shard{}, `invalid --shard "a/b": want i/n with 1 ≤ i ≤ n, e.g. 2/8`},
		{"-1/2", shard{}, `invalid --shard "-1/2": want i/n with 1 ≤ i ≤ n, e.g. 2/8`},
		{"1/2/3", shard{}, `invalid --shard "1/2/3": want i/n with 1 ≤ i ≤ n, e.g. 2/8`},
	} {
		got, err := parseShard(tt.in)
		errText := ""
		if err != nil {
			errText = err.Error()
		}
		if got != tt.want || errText != tt.err {
			t.Errorf("parseShard(%q) = %v, %q; want %v, %q", tt.in, got, errText, tt.want, tt.err)
		}
	}
}

// TestShardPartition: over 1000 paths, shards 1/n … n/n hold every path
// exactly once, the split is near even, and a path's shard is FNV-1a 64 of
// the path modulo n (fixed values, so it never changes between releases).
func TestShardPartition(t *testing.T) {
	const n = 8
	count := make([]int, n)
	for p := range 1000 {
		path := fmt.Sprintf("reports/%d/r%03d.txt", p/50, p)
		in := 0
		for i := 1; i <= n; i++ {
			if (shard{i, n}).has(path) {
				in++
				count[i-1]++
			}
		}
		if in != 1 {
			t.Errorf("%s is in %d shards of %d", path, in, n)
		}
	}
	for i, c := range count {
		if c < 90 || c > 160 {
			t.Errorf("shard %d/%d holds %d of 1000 paths", i+1, n, c)
		}
	}
	// FNV-1a 64 of "a.txt" is 0x7ed582b5571bbd5a, ≡ 2 mod 4: shard 3/4.
	for i, want := range []bool{false, false, true, false} {
		if got := (shard{i + 1, 4}).has("a.txt"); got != want {
			t.Errorf("a.txt in shard %d/4: %v, want %v", i+1, got, want)
		}
	}
}

// TestProcessStopsOnEmitError: when writing a result fails, process returns
// that error at once and leaves no worker behind (it would hang otherwise).
func TestProcessStopsOnEmitError(t *testing.T) {
	dir := t.TempDir()
	var ins []input
	for i := range 50 {
		p := filepath.Join(dir, fmt.Sprintf("r%02d.txt", i))
		if err := os.WriteFile(p, []byte("某某县2023年度法治政府建设情况报告\n全年行政复议纠错率为8.2%。\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		ins = append(ins, input{path: p})
	}
	a := newApp(nil, io.Discard, io.Discard)
	a.jobs = 2
	x, _, err := a.engine()
	if err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	n := 0
	err = a.process(context.Background(), x, ins, func(r result) error {
		if n++; n == 3 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || n != 3 {
		t.Errorf("process = %v after %d results, want disk full after 3", err, n)
	}
}
