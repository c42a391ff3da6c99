package eval

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/zhibiao/zhibiao/extract"
)

// goldExcerpt is a few rows of the corpus gold file (shared/corpus/gold.csv),
// embedded so that the test needs nothing outside the repository.
const goldExcerpt = `doc,metric,value,unit,kind,qualifier,scope,evidence
000,规范性文件报备率,100,%,level,exact,,行政规范性文件报备率和报备及时率均为100%
000,行政复议调撤率,54.5,%,level,approx,,复议案件调撤率约为54.5%
001,执法证考试通过率,23.33,%,derived,exact,,60人报名，14人成绩合格
002,行政复议纠错率,31.43,%,derived,exact,,审结70件 … 纠错22件
003,复议诉讼比,1.13,ratio,level,exact,,复议诉讼比达1.13
004,行政复议纠错率,36.37,%,previous,exact,市政府,较2019年36.37%大幅下降
004,行政复议受理数,171.43,%,change,exact,市政府,同比上升171.43%
`

var excerptWant = []Gold{
	{"000", "规范性文件报备率", "100", "%", "level", "exact", "", "行政规范性文件报备率和报备及时率均为100%", 2},
	{"000", "行政复议调撤率", "54.5", "%", "level", "approx", "", "复议案件调撤率约为54.5%", 3},
	{"001", "执法证考试通过率", "23.33", "%", "derived", "exact", "", "60人报名，14人成绩合格", 4},
	{"002", "行政复议纠错率", "31.43", "%", "derived", "exact", "", "审结70件 … 纠错22件", 5},
	{"003", "复议诉讼比", "1.13", "ratio", "level", "exact", "", "复议诉讼比达1.13", 6},
	{"004", "行政复议纠错率", "36.37", "%", "previous", "exact", "市政府", "较2019年36.37%大幅下降", 7},
	{"004", "行政复议受理数", "171.43", "%", "change", "exact", "市政府", "同比上升171.43%", 8},
}

func TestLoadGold(t *testing.T) {
	for _, in := range []string{goldExcerpt, "\uFEFF" + goldExcerpt, strings.ReplaceAll(goldExcerpt, "\n", "\r\n")} {
		got, err := LoadGold("gold.csv", strings.NewReader(in))
		if err != nil {
			t.Fatalf("LoadGold: %v", err)
		}
		if !reflect.DeepEqual(got, excerptWant) {
			t.Errorf("LoadGold(%.20q…):\ngot  %+v\nwant %+v", in, got, excerptWant)
		}
	}
}

func TestLoadGoldColumns(t *testing.T) {
	in := "\n" + // blank lines are skipped but counted
		"scope,evidence,note, metric ,doc,value,unit,kind,qualifier,note\n" +
		"市政府,\"较2019年\n36.37%\",see p.3,行政复议纠错率,004, 36.37 ,%,previous,exact,\n" +
		",x,,调解案件数,000,1305,件,level,exact,\n"
	got, err := LoadGold("g.csv", strings.NewReader(in))
	if err != nil {
		t.Fatalf("LoadGold: %v", err)
	}
	want := []Gold{
		{"004", "行政复议纠错率", "36.37", "%", "previous", "exact", "市政府", "较2019年\n36.37%", 3},
		{"000", "调解案件数", "1305", "件", "level", "exact", "", "x", 5},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}

	got, err = LoadGold("g.csv", strings.NewReader("doc,metric,value,unit,kind,qualifier,scope,evidence\n"))
	if err != nil || len(got) != 0 {
		t.Errorf("header only: got %v, %v; want no rows", got, err)
	}
}

func TestLoadGoldErrors(t *testing.T) {
	const header = "doc,metric,value,unit,kind,qualifier,scope,evidence\n"
	const row = "000,调解案件数,1305,件,level,exact,,共调处矛盾纠纷1305件\n"
	tests := []struct{ in, want string }{
		{"", `gold.csv:1: missing header (want doc,metric,value,unit,kind,qualifier,scope,evidence)`},
		{"\uFEFF", `gold.csv:1: missing header (want doc,metric,value,unit,kind,qualifier,scope,evidence)`},
		{"doc,value,unit,kind,qualifier,scope,evidence\n" + row, `gold.csv:1: missing column "metric"`},
		{"doc,metric,value,unit,kind,qualifier,scope,evidence,doc\n", `gold.csv:1: duplicate column "doc"`},
		{header + row + row + row + row + row + "000,调解案件数,1305,件,level\n", `gold.csv:7: want 8 fields, got 5`},
		{header + row + "000,调解案件数,1305,件,level,exact,,a,b\n", `gold.csv:3: want 8 fields, got 9`},
		{header + "000,调解案件数,abc,件,level,exact,,x\n", `gold.csv:2: value "abc" is not a number`},
		{header + "000,调解案件数,,件,level,exact,,x\n", `gold.csv:2: value "" is not a number`},
		{header + "000,调解案件数,\"1,305\",件,level,exact,,x\n", `gold.csv:2: value "1,305" is not a number`},
		{header + "000,调解案件数,12.5%,%,level,exact,,x\n", `gold.csv:2: value "12.5%" is not a number`},
		{header + "000,调解案件数,NaN,件,level,exact,,x\n", `gold.csv:2: value "NaN" is not a number`},
		{header + "000,调解案件数,1e3,件,level,exact,,x\n", `gold.csv:2: value "1e3" is not a number`},
		{header + ",调解案件数,1,件,level,exact,,x\n", `gold.csv:2: empty doc`},
		{header + "000,,1,件,level,exact,,x\n", `gold.csv:2: empty metric`},
		{header + "000,调解案件数,1,件,levle,exact,,x\n", `gold.csv:2: unknown kind "levle" (want level, change, previous, target, derived)`},
		{header + "000,调解案件数,1,件,level,about,,x\n", `gold.csv:2: unknown qualifier "about" (want exact, approx, lower, upper)`},
		{header + row + "000,调解案件数,1,件,level,exact,,\"x\n", `gold.csv:3: extraneous or missing " in quoted-field`},
		{header + row + row + "000,调\"解,1,件,level,exact,,x\n", `gold.csv:4: bare " in non-quoted-field`},
	}
	for _, tt := range tests {
		_, err := LoadGold("gold.csv", strings.NewReader(tt.in))
		if err == nil || err.Error() != tt.want {
			t.Errorf("LoadGold(%q):\ngot  %v\nwant %s", tt.in, err, tt.want)
		}
	}
}

// errReader fails after its data.
type errReader struct{ data string }

func (r *errReader) Read(p []byte) (int, error) {
	if r.data == "" {
		return 0, errors.New("device gone")
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestLoadGoldReadError(t *testing.T) {
	_, err := LoadGold("gold.csv", &errReader{goldExcerpt})
	if err == nil || err.Error() != "gold.csv: device gone" {
		t.Errorf("got %v, want gold.csv: device gone", err)
	}
}

func TestDocOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"000_some_report.txt", "000"},
		{"corpus/004_minhang_2020.docx", "004"},
		{"/abs/dir_with_underscore/012.txt", "012"},
		{"012.txt", "012"},
		{"report.tar.gz", "report.tar"},
		{"noext", "noext"},
		{"-", "-"},
	}
	for _, tt := range tests {
		if got := DocOf(tt.in); got != tt.want {
			t.Errorf("DocOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// rec is a record for doc with the fields of a figure.
func rec(doc, metric, value, unit, kind, qualifier, scope string) extract.Record {
	return extract.Record{
		File: "in/" + doc + "_report.txt", Metric: metric, Value: value, Unit: unit,
		Kind: kind, Qualifier: qualifier, Scope: scope, Evidence: "…" + value + unit, Line: 1,
	}
}

// gold is a gold row with the fields of a figure.
func gold(doc, metric, value, unit, kind, qualifier, scope string) Gold {
	return Gold{Doc: doc, Metric: metric, Value: value, Unit: unit, Kind: kind,
		Qualifier: qualifier, Scope: scope, Evidence: "gold " + value}
}

func checkCounts(t *testing.T, what string, got, want Counts) {
	t.Helper()
	if got != want {
		t.Errorf("%s: got %+v, want %+v", what, got, want)
	}
}

func TestScorePerfect(t *testing.T) {
	g := []Gold{
		gold("000", "调解案件数", "1305", "件", "level", "exact", ""),
		gold("004", "行政复议纠错率", "36.37", "%", "previous", "exact", "市政府"),
	}
	got := []extract.Record{
		rec("004", "行政复议纠错率", "36.370", "%", "previous", "exact", "市政府"), // numerically equal
		rec("000", "调解案件数", "1305", "件", "level", "exact", ""),
	}
	r := Score(g, []string{"000", "004"}, got, Options{})
	checkCounts(t, "overall", r.Overall, Counts{TP: 2})
	if r.Overall.Precision() != 1 || r.Overall.Recall() != 1 || r.Overall.F1() != 1 {
		t.Errorf("scores %v %v %v, want 1 1 1", r.Overall.Precision(), r.Overall.Recall(), r.Overall.F1())
	}
	if len(r.Hits) != 2 || len(r.Misses) != 0 || len(r.FalseHits) != 0 {
		t.Errorf("hits %d misses %d false hits %d, want 2 0 0", len(r.Hits), len(r.Misses), len(r.FalseHits))
	}
	if r.Hits[0].Gold != g[0] || r.Hits[0].Record != got[1] || r.Hits[1].Gold != g[1] || r.Hits[1].Record != got[0] {
		t.Errorf("hits %+v", r.Hits)
	}
	checkCounts(t, "调解案件数", r.ByMetric["调解案件数"], Counts{TP: 1})
	checkCounts(t, "previous", r.ByKind["previous"], Counts{TP: 1})
	if f := r.KindF1("level"); f != 1 {
		t.Errorf("KindF1(level) = %v, want 1", f)
	}
}

// TestScoreMismatch checks that a difference in any compared field gives a
// false hit and a miss, and one in evidence does not.
func TestScoreMismatch(t *testing.T) {
	g := gold("004", "行政复议纠错率", "36.37", "%", "previous", "exact", "市政府")
	tests := []struct {
		name string
		rec  extract.Record
		tp   int
	}{
		{"same", rec("004", "行政复议纠错率", "36.37", "%", "previous", "exact", "市政府"), 1},
		{"evidence", func() extract.Record {
			r := rec("004", "行政复议纠错率", "36.37", "%", "previous", "exact", "市政府")
			r.Evidence = "something else"
			return r
		}(), 1},
		{"value", rec("004", "行政复议纠错率", "36.38", "%", "previous", "exact", "市政府"), 0},
		{"bad value", rec("004", "行政复议纠错率", "36.37%", "%", "previous", "exact", "市政府"), 0},
		{"scope", rec("004", "行政复议纠错率", "36.37", "%", "previous", "exact", "区政府"), 0},
		{"no scope", rec("004", "行政复议纠错率", "36.37", "%", "previous", "exact", ""), 0},
		{"qualifier", rec("004", "行政复议纠错率", "36.37", "%", "previous", "approx", "市政府"), 0},
		{"kind", rec("004", "行政复议纠错率", "36.37", "%", "level", "exact", "市政府"), 0},
		{"unit", rec("004", "行政复议纠错率", "36.37", "个百分点", "previous", "exact", "市政府"), 0},
		{"metric", rec("004", "行政复议直接纠错率", "36.37", "%", "previous", "exact", "市政府"), 0},
		{"doc", rec("005", "行政复议纠错率", "36.37", "%", "previous", "exact", "市政府"), 0},
	}
	for _, tt := range tests {
		r := Score([]Gold{g}, []string{"004", "005"}, []extract.Record{tt.rec}, Options{})
		want := Counts{TP: tt.tp, FP: 1 - tt.tp, FN: 1 - tt.tp}
		checkCounts(t, tt.name, r.Overall, want)
		if tt.tp == 0 {
			if len(r.Misses) != 1 || r.Misses[0] != g || len(r.FalseHits) != 1 || r.FalseHits[0] != tt.rec {
				t.Errorf("%s: misses %+v, false hits %+v", tt.name, r.Misses, r.FalseHits)
			}
			if p, rc, f := r.Overall.Precision(), r.Overall.Recall(), r.Overall.F1(); p != 0 || rc != 0 || f != 0 {
				t.Errorf("%s: scores %v %v %v, want 0 0 0", tt.name, p, rc, f)
			}
		}
	}
}

func TestScoreValueMismatchCounts(t *testing.T) {
	g := []Gold{
		gold("002", "行政复议申请数", "98", "件", "level", "exact", ""),
		gold("002", "行政复议受理数", "83", "件", "level", "exact", ""),
	}
	got := []extract.Record{
		rec("002", "行政复议申请数", "89", "件", "level", "exact", ""),
		rec("002", "行政复议受理数", "83", "件", "level", "exact", ""),
	}
	r := Score(g, []string{"002"}, got, Options{})
	checkCounts(t, "overall", r.Overall, Counts{TP: 1, FP: 1, FN: 1})
	checkCounts(t, "行政复议申请数", r.ByMetric["行政复议申请数"], Counts{FP: 1, FN: 1})
	checkCounts(t, "行政复议受理数", r.ByMetric["行政复议受理数"], Counts{TP: 1})
	checkCounts(t, "level", r.ByKind["level"], Counts{TP: 1, FP: 1, FN: 1})
	if p := r.Overall.Precision(); p != 0.5 {
		t.Errorf("precision %v, want 0.5", p)
	}
	if f := r.KindF1("level"); f != 0.5 {
		t.Errorf("KindF1(level) = %v, want 0.5", f)
	}
}

func TestScoreDuplicates(t *testing.T) {
	g := gold("004", "行政复议受理数", "19", "件", "level", "exact", "市政府")
	r1 := rec("004", "行政复议受理数", "19", "件", "level", "exact", "市政府")

	r := Score([]Gold{g, g}, []string{"004"}, []extract.Record{r1}, Options{})
	checkCounts(t, "two gold, one record", r.Overall, Counts{TP: 1, FN: 1})

	r = Score([]Gold{g}, []string{"004"}, []extract.Record{r1, r1}, Options{})
	checkCounts(t, "one gold, two records", r.Overall, Counts{TP: 1, FP: 1})

	r = Score([]Gold{g, g}, []string{"004"}, []extract.Record{r1, r1}, Options{})
	checkCounts(t, "two and two", r.Overall, Counts{TP: 2})
}

func TestScoreSkipKinds(t *testing.T) {
	g := []Gold{
		gold("001", "执法证考试参考人数", "60", "人", "level", "exact", ""),
		gold("001", "执法证考试通过率", "23.33", "%", "derived", "exact", ""),
		gold("002", "行政复议纠错率", "31.43", "%", "derived", "exact", ""),
	}
	got := []extract.Record{
		rec("001", "执法证考试参考人数", "60", "人", "level", "exact", ""),
		rec("001", "执法证考试通过率", "23.3", "%", "derived", "exact", ""),
	}
	r := Score(g, []string{"001", "002"}, got, Options{})
	checkCounts(t, "all kinds", r.Overall, Counts{TP: 1, FP: 1, FN: 2})

	r = Score(g, []string{"001", "002"}, got, Options{SkipKinds: []string{"derived"}})
	checkCounts(t, "skip derived", r.Overall, Counts{TP: 1})
	if _, ok := r.ByKind["derived"]; ok || len(r.ByMetric) != 1 {
		t.Errorf("skipped kind counted: %v %v", r.ByKind, r.ByMetric)
	}
	if f := r.KindF1("derived"); f != 1 {
		t.Errorf("KindF1 of a skipped kind = %v, want 1", f)
	}
}

func TestScoreDocs(t *testing.T) {
	g := []Gold{
		gold("000", "调解案件数", "1305", "件", "level", "exact", ""),
		gold("001", "调解案件数", "1356", "件", "level", "exact", ""),
		gold("002", "调解案件数", "4660", "件", "level", "exact", ""),
	}
	got := []extract.Record{rec("001", "调解案件数", "1356", "件", "level", "exact", "")}

	// 000 was read but gave nothing; 002 was not read.
	r := Score(g, []string{"000", "001"}, got, Options{})
	checkCounts(t, "docs 000 001", r.Overall, Counts{TP: 1, FN: 1})
	if len(r.Misses) != 1 || r.Misses[0] != g[0] {
		t.Errorf("misses %+v, want the 000 row", r.Misses)
	}

	r = Score(g, nil, nil, Options{})
	checkCounts(t, "no docs", r.Overall, Counts{})
	if p, rc, f := r.Overall.Precision(), r.Overall.Recall(), r.Overall.F1(); p != 1 || rc != 1 || f != 1 {
		t.Errorf("empty: scores %v %v %v, want 1 1 1", p, rc, f)
	}
}

func TestCounts(t *testing.T) {
	tests := []struct {
		c       Counts
		p, r, f float64
	}{
		{Counts{}, 1, 1, 1},
		{Counts{FP: 2}, 0, 1, 0},
		{Counts{FN: 2}, 1, 0, 0},
		{Counts{FP: 1, FN: 1}, 0, 0, 0},
		{Counts{TP: 3, FP: 1}, 0.75, 1, 6.0 / 7},
		{Counts{TP: 1, FP: 1, FN: 3}, 0.5, 0.25, 1.0 / 3},
	}
	for _, tt := range tests {
		p, r, f := tt.c.Precision(), tt.c.Recall(), tt.c.F1()
		if math.Abs(p-tt.p) > 1e-12 || math.Abs(r-tt.r) > 1e-12 || math.Abs(f-tt.f) > 1e-12 {
			t.Errorf("%+v: got %v %v %v, want %v %v %v", tt.c, p, r, f, tt.p, tt.r, tt.f)
		}
	}
}

func TestReportWrite(t *testing.T) {
	g := []Gold{
		gold("002", "行政复议申请数", "98", "件", "level", "exact", ""),
		gold("002", "行政复议受理数", "83", "件", "level", "exact", ""),
		gold("004", "行政复议纠错率", "36.37", "%", "previous", "exact", "市政府"),
	}
	g[2].Evidence = "较2019年\n36.37%大幅下降"
	g[2].Line = 35
	got := []extract.Record{
		rec("002", "行政复议申请数", "89", "件", "level", "exact", ""),
		rec("002", "行政复议受理数", "83", "件", "level", "exact", ""),
		rec("004", "复议诉讼比", "1.13", "ratio", "level", "approx", ""),
	}
	got[0].Line = 12
	got[0].Evidence = "全市共收到行政复议申请89件"
	r := Score(g, []string{"002", "004"}, got, Options{})
	var b strings.Builder
	if err := r.Write(&b); err != nil {
		t.Fatal(err)
	}
	want := `metric          tp  fp  fn  precision  recall     f1
复议诉讼比       0   1   0      0.000   1.000  0.000
行政复议受理数   1   0   0      1.000   1.000  1.000
行政复议申请数   0   1   1      0.000   0.000  0.000
行政复议纠错率   0   0   1      1.000   0.000  0.000

kind      tp  fp  fn  precision  recall     f1
level      1   2   1      0.333   0.500  0.400
previous   0   0   1      1.000   0.000  0.000

misses:
  002 行政复议申请数 98 件 level exact - — gold 98 (gold line 0)
  004 行政复议纠错率 36.37 % previous exact 市政府 — 较2019年 36.37%大幅下降 (gold line 35)

false hits:
  in/002_report.txt:12 行政复议申请数 89 件 level exact - — 全市共收到行政复议申请89件
  in/004_report.txt:1 复议诉讼比 1.13 ratio level approx - — …1.13ratio

overall: tp=1 fp=2 fn=2 precision=0.333 recall=0.333 f1=0.333
`
	if b.String() != want {
		t.Errorf("Write:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestReportWriteEmpty(t *testing.T) {
	var b strings.Builder
	if err := Score(nil, nil, nil, Options{}).Write(&b); err != nil {
		t.Fatal(err)
	}
	want := `metric  tp  fp  fn  precision  recall  f1

kind  tp  fp  fn  precision  recall  f1

misses: none

false hits: none

overall: tp=0 fp=0 fn=0 precision=1.000 recall=1.000 f1=1.000
`
	if b.String() != want {
		t.Errorf("Write:\n%s\nwant:\n%s", b.String(), want)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("pipe closed") }

func TestReportWriteError(t *testing.T) {
	if err := Score(nil, nil, nil, Options{}).Write(failWriter{}); err == nil || err.Error() != "pipe closed" {
		t.Errorf("got %v, want pipe closed", err)
	}
}
