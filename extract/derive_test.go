package extract

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/zhibiao/zhibiao/document"
)

// runBody runs the engine (records, derived figures and checks) on a report
// of 某某县 about 2023 whose body, from line 2, is text.
func runBody(t *testing.T, text string) Result {
	t.Helper()
	doc, err := document.Parse("t.txt", []byte("某某县2023年度法治政府建设情况报告\n"+text+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	return testEngine(t).Run(doc)
}

// derivedRec is a derived record of the test report t.txt.
func derivedRec(id, name, value, unit, scope, evidence string, line, start, end int, formula string) Record {
	return Record{
		File: "t.txt", Region: "某某县", Year: 2023, MetricID: id, Metric: name, Value: value, Unit: unit,
		Qualifier: "exact", Kind: KindDerived, Scope: scope, Evidence: evidence,
		Line: line, Start: start, End: end, Rule: "derived:" + formula,
	}
}

// check is a Check of the test report t.txt.
func check(scope, name, status, metric, stated, expected string, line int, message string) Check {
	return Check{File: "t.txt", Scope: scope, Check: name, Status: status, Metric: metric,
		Stated: stated, Expected: expected, Message: message, Line: line}
}

// compareResult asserts the records (briefly), the derived records and
// the checks, all exactly.
func compareResult(t *testing.T, res Result, records []string, derived []Record, checks []Check) {
	t.Helper()
	var got []string
	var gotDerived []Record
	for i, r := range res.Records {
		got = append(got, brief(r))
		if r.Kind == KindDerived {
			gotDerived = append(gotDerived, r)
		} else if len(gotDerived) > 0 {
			t.Errorf("record %d (%s) comes after a derived one", i, brief(r))
		}
	}
	if strings.Join(got, "\n") != strings.Join(records, "\n") {
		t.Errorf("records\n got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(records, "\n  "))
	}
	if !reflect.DeepEqual(gotDerived, derived) {
		t.Errorf("derived records\n got:\n%s\nwant:\n%s", listOf(gotDerived), listOf(derived))
	}
	if !reflect.DeepEqual(res.Checks, checks) {
		t.Errorf("checks\n got:\n%s\nwant:\n%s", listOf(res.Checks), listOf(checks))
	}
}

func listOf[T any](xs []T) string {
	var b strings.Builder
	for _, x := range xs {
		fmt.Fprintf(&b, "  %+v\n", x)
	}
	return b.String()
}

// TestDeriveConsistent: a report whose figures agree. Counts with no rate
// give derived rates, a stated rate is checked ok (to its rounding: 98%
// for 490 of 500), a 100% with nothing behind it is a claim, and
// 确认违法3件 in a litigation sentence is no review decision.
func TestDeriveConsistent(t *testing.T) {
	res := runBody(t, "全年共收到行政复议申请120件,受理110件,审结100件,其中维持七十件,依法撤销八件、变更两件,确认违法3件,责令履行法定职责2件,纠错率15%。\n"+
		"共办理行政应诉案件40件,审结36件,其中确认违法3件,败诉3件。\n"+
		"全年调处矛盾纠纷500件,调解成功490件,调解成功率98%。\n"+
		"本年度执法资格考试120人报名,90人考试合格。\n"+
		"规范性文件报备率100%。")
	compareResult(t, res, []string{
		"review.applications 120 件 level exact",
		"review.accepted 110 件 level exact",
		"review.concluded 100 件 level exact",
		"review.correction_rate 15 % level exact",
		"litigation.cases 40 件 level exact",
		"litigation.concluded 36 件 level exact",
		"litigation.losses 3 件 level exact",
		"mediation.cases 500 件 level exact",
		"mediation.successes 490 件 level exact",
		"mediation.success_rate 98 % level exact",
		"enforcement.exam_takers 120 人 level exact",
		"enforcement.exam_passed 90 人 level exact",
		"docs.filing_rate 100 % level exact",
		"review.corrected 15 件 derived exact",
		"litigation.loss_rate 8.33 % derived exact",
		"enforcement.cert_pass_rate 75 % derived exact",
	}, []Record{
		derivedRec("review.corrected", "行政复议纠错数", "15", "件", "", "依法撤销八件、变更两件 … 确认违法3件 … 责令履行法定职责2件", 2, 62, 64, "corrected"),
		derivedRec("litigation.loss_rate", "行政诉讼败诉率", "8.33", "%", "", "行政诉讼败诉数 3 ÷ 行政诉讼审结数 36", 3, 111, 114, "loss_rate"),
		derivedRec("enforcement.cert_pass_rate", "执法证考试通过率", "75", "%", "", "执法证考试合格人数 90 ÷ 执法证考试参考人数 120", 5, 171, 175, "cert_pass_rate"),
	}, []Check{
		check("", CheckRate, StatusOK, "review.correction_rate", "15", "15", 2,
			"t.txt:2: 行政复议纠错率 15% stated, counts give 15% (纠错数 15 ÷ 审结数 100)"),
		check("", CheckOrder, StatusOK, "review.corrected", "15", "", 2,
			"t.txt:2: 行政复议纠错数 15 ≤ 行政复议审结数 100 ≤ 行政复议受理数 110 ≤ 行政复议申请数 120"),
		check("", CheckRate, StatusOK, "mediation.success_rate", "98", "98", 4,
			"t.txt:4: 调解成功率 98% stated, counts give 98% (成功数 490 ÷ 案件数 500)"),
		check("", CheckClaimed, StatusClaimed, "docs.filing_rate", "100", "", 6,
			"t.txt:6: 规范性文件报备率 100% stated, no counts to check it"),
	})
	for _, c := range res.Checks {
		if c.Status != StatusOK && c.Status != StatusClaimed {
			t.Errorf("warning in a consistent report: %s", c.Message)
		}
	}
}

// TestChecks has one sentence set per kind of inconsistency, and the
// cases that must not be one.
func TestChecks(t *testing.T) {
	for _, tc := range []struct {
		name    string
		text    string
		records []string
		derived []Record
		checks  []Check
	}{
		{
			name: "stated rate against its counts",
			text: "行政复议审结40件,撤销3件,变更2件,纠错率10%。",
			records: []string{
				"review.concluded 40 件 level exact", "review.correction_rate 10 % level exact",
				"review.corrected 5 件 derived exact"},
			derived: []Record{derivedRec("review.corrected", "行政复议纠错数", "5", "件", "", "撤销3件 … 变更2件", 2, 32, 34, "corrected")},
			checks: []Check{
				check("", CheckRate, StatusMismatch, "review.correction_rate", "10", "12.5", 2,
					"t.txt:2: 行政复议纠错率 10% stated, counts give 12.5% (纠错数 5 ÷ 审结数 40)"),
				check("", CheckOrder, StatusOK, "review.corrected", "5", "", 2, "t.txt:2: 行政复议纠错数 5 ≤ 行政复议审结数 40"),
			},
		},
		{
			name: "a bound holds",
			text: "行政复议审结40件,撤销3件,变更2件,纠错率超过10%。",
			records: []string{
				"review.concluded 40 件 level exact", "review.correction_rate 10 % level lower",
				"review.corrected 5 件 derived exact"},
			derived: []Record{derivedRec("review.corrected", "行政复议纠错数", "5", "件", "", "撤销3件 … 变更2件", 2, 32, 34, "corrected")},
			checks: []Check{
				check("", CheckRate, StatusOK, "review.correction_rate", "10", "12.5", 2,
					"t.txt:2: 行政复议纠错率 at least 10% stated, counts give 12.5% (纠错数 5 ÷ 审结数 40)"),
				check("", CheckOrder, StatusOK, "review.corrected", "5", "", 2, "t.txt:2: 行政复议纠错数 5 ≤ 行政复议审结数 40"),
			},
		},
		{
			name: "the rate of another denominator",
			text: "全年受理行政复议案件50件,审结40件,撤销3件,变更2件,纠错率10%。",
			records: []string{
				"review.accepted 50 件 level exact", "review.concluded 40 件 level exact", "review.correction_rate 10 % level exact",
				"review.corrected 5 件 derived exact"},
			derived: []Record{derivedRec("review.corrected", "行政复议纠错数", "5", "件", "", "撤销3件 … 变更2件", 2, 42, 44, "corrected")},
			checks: []Check{
				check("", CheckRate, StatusAmbiguous, "review.correction_rate", "10", "12.5", 2,
					"t.txt:2: 行政复议纠错率 10% stated, counts give 12.5% (纠错数 5 ÷ 审结数 40); 纠错数 5 ÷ 受理数 50 gives 10%"),
				check("", CheckOrder, StatusOK, "review.corrected", "5", "", 2, "t.txt:2: 行政复议纠错数 5 ≤ 行政复议审结数 40 ≤ 行政复议受理数 50"),
			},
		},
		{
			name:    "counts out of order",
			text:    "受理行政复议案件30件,审结35件。",
			records: []string{"review.accepted 30 件 level exact", "review.concluded 35 件 level exact"},
			checks: []Check{
				check("", CheckOrder, StatusMismatch, "review.concluded", "35", "<=30", 2, "t.txt:2: 行政复议审结数 35 exceeds 行政复议受理数 30"),
			},
		},
		{
			name:    "parts beyond their total",
			text:    "行政复议纠错12件,其中撤销8件,变更6件。",
			records: []string{"review.corrected 12 件 level exact"},
			checks: []Check{
				check("", CheckSum, StatusMismatch, "review.corrected", "12", "14", 2,
					"t.txt:2: 行政复议纠错数 12 stated, its parts add up to 14 (撤销数 8 + 变更数 6)"),
			},
		},
		{
			name:    "parts that add up; a stated count is not derived",
			text:    "审结行政复议案件46件,依法纠错7件(其中撤销5件、确认违法2件)。",
			records: []string{"review.concluded 46 件 level exact", "review.corrected 7 件 level exact", "review.correction_rate 15.22 % derived exact"},
			derived: []Record{derivedRec("review.correction_rate", "行政复议纠错率", "15.22", "%", "", "行政复议纠错数 7 ÷ 行政复议审结数 46", 2, 28, 31, "correction_rate")},
			checks: []Check{
				check("", CheckSum, StatusOK, "review.corrected", "7", "7", 2,
					"t.txt:2: 行政复议纠错数 7 stated, its parts add up to 7 (撤销数 5 + 确认违法数 2)"),
				check("", CheckOrder, StatusOK, "review.corrected", "7", "", 2, "t.txt:2: 行政复议纠错数 7 ≤ 行政复议审结数 46"),
			},
		},
		{
			name:    "rate out of range",
			text:    "行政复议纠错率为112%。",
			records: []string{"review.correction_rate 112 % level exact"},
			checks: []Check{
				check("", CheckRange, StatusOutOfRange, "review.correction_rate", "112", "", 2, "t.txt:2: 行政复议纠错率 112% stated, outside 0-100%"),
			},
		},
		{
			name: "previous plus change is not the level",
			text: "行政诉讼败诉率为10%,上年为15%,同比下降2个百分点。",
			records: []string{
				"litigation.loss_rate 10 % level exact", "litigation.loss_rate 15 % previous exact ref=2022",
				"litigation.loss_rate -2 个百分点 change exact"},
			checks: []Check{
				check("", CheckChange, StatusMismatch, "litigation.loss_rate", "10", "13", 2,
					"t.txt:2: 行政诉讼败诉率 10% stated, previous 15% and change -2个百分点 give 13%"),
			},
		},
		{
			name: "previous plus change is the level",
			text: "行政诉讼败诉率为10%,上年为15%,同比下降5个百分点。",
			records: []string{
				"litigation.loss_rate 10 % level exact", "litigation.loss_rate 15 % previous exact ref=2022",
				"litigation.loss_rate -5 个百分点 change exact"},
			checks: []Check{
				check("", CheckChange, StatusOK, "litigation.loss_rate", "10", "10", 2,
					"t.txt:2: 行政诉讼败诉率 10% stated, previous 15% and change -5个百分点 give 10%"),
			},
		},
		{
			name:    "100% with no counts",
			text:    "行政机关负责人出庭应诉率100%。",
			records: []string{"litigation.head_appearance_rate 100 % level exact"},
			checks: []Check{
				check("", CheckClaimed, StatusClaimed, "litigation.head_appearance_rate", "100", "", 2,
					"t.txt:2: 行政机关负责人出庭应诉率 100% stated, no counts to check it"),
			},
		},
		{
			name: "100% with counts is checked, not claimed",
			text: "本次执法资格考试共有40人报名,40人考试合格,通过率100%。",
			records: []string{
				"enforcement.exam_takers 40 人 level exact", "enforcement.exam_passed 40 人 level exact",
				"enforcement.cert_pass_rate 100 % level exact"},
			checks: []Check{
				check("", CheckRate, StatusOK, "enforcement.cert_pass_rate", "100", "100", 2,
					"t.txt:2: 执法证考试通过率 100% stated, counts give 100% (合格人数 40 ÷ 参考人数 40)"),
			},
		},
		{
			name: "scopes never mix",
			text: "区政府审结行政复议案件20件,撤销2件;市政府行政复议纠错率50%。",
			records: []string{
				"review.concluded 20 件 level exact scope=区政府", "review.correction_rate 50 % level exact scope=市政府",
				"review.corrected 2 件 derived exact scope=区政府", "review.correction_rate 10 % derived exact scope=区政府"},
			derived: []Record{
				derivedRec("review.corrected", "行政复议纠错数", "2", "件", "区政府", "撤销2件", 2, 37, 39, "corrected"),
				derivedRec("review.correction_rate", "行政复议纠错率", "10", "%", "区政府", "行政复议纠错数 2 ÷ 行政复议审结数 20", 2, 31, 34, "correction_rate"),
			},
			checks: []Check{
				check("区政府", CheckOrder, StatusOK, "review.corrected", "2", "", 2, "t.txt:2: 区政府: 行政复议纠错数 2 ≤ 行政复议审结数 20"),
			},
		},
		{
			name: "Chinese numerals and 分别为",
			text: "行政复议审结二十件,撤销、变更、确认违法分别为4件、2件、一件。",
			records: []string{
				"review.concluded 20 件 level exact",
				"review.corrected 7 件 derived exact", "review.correction_rate 35 % derived exact"},
			derived: []Record{
				derivedRec("review.corrected", "行政复议纠错数", "7", "件", "", "撤销、变更、确认违法分别为4件、2件、一件", 2, 43, 45, "corrected"),
				derivedRec("review.correction_rate", "行政复议纠错率", "35", "%", "", "行政复议纠错数 7 ÷ 行政复议审结数 20", 2, 26, 29, "correction_rate"),
			},
			checks: []Check{
				check("", CheckOrder, StatusOK, "review.corrected", "7", "", 2, "t.txt:2: 行政复议纠错数 7 ≤ 行政复议审结数 20"),
			},
		},
		{
			name: "decisions named as such",
			text: "审结行政复议案件46件,其中作出撤销决定3件,责令履行职责1件,确认违法1件。",
			records: []string{
				"review.concluded 46 件 level exact",
				"review.corrected 5 件 derived exact", "review.correction_rate 10.87 % derived exact"},
			derived: []Record{
				derivedRec("review.corrected", "行政复议纠错数", "5", "件", "", "其中作出撤销决定3件 … 责令履行职责1件 … 确认违法1件", 2, 40, 42, "corrected"),
				derivedRec("review.correction_rate", "行政复议纠错率", "10.87", "%", "", "行政复议纠错数 5 ÷ 行政复议审结数 46", 2, 28, 31, "correction_rate"),
			},
			checks: []Check{
				check("", CheckOrder, StatusOK, "review.corrected", "5", "", 2, "t.txt:2: 行政复议纠错数 5 ≤ 行政复议审结数 46"),
			},
		},
		{
			name:    "court judgments are no review decisions",
			text:    "法院审结行政案件30件,判决撤销2件,确认违法1件。",
			records: []string{"litigation.concluded 30 件 level exact"},
		},
		{
			name: "two values of one count: no rate from either",
			text: "全年审结行政复议案件40件,撤销4件。另审结行政复议案件50件。",
			records: []string{
				"review.concluded 40 件 level exact", "review.concluded 50 件 level exact",
				"review.corrected 4 件 derived exact"},
			derived: []Record{derivedRec("review.corrected", "行政复议纠错数", "4", "件", "", "撤销4件", 2, 36, 38, "corrected")},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			compareResult(t, runBody(t, tc.text), tc.records, tc.derived, tc.checks)
		})
	}
}

// TestCorpusDerived: the derived rows of the analysts' gold come out of
// the seed reports, and only those.
func TestCorpusDerived(t *testing.T) {
	want := map[string][]string{
		"001_4132fc12d559d735.txt": {"enforcement.cert_pass_rate 23.33 % derived exact|执法证考试合格人数 14 ÷ 执法证考试参考人数 60|derived:cert_pass_rate"},
		"002_7c928908932c69f5.txt": {
			"review.corrected 22 件 derived exact|撤销14件 … 确认违法4件 … 变更1件 … 责令履行3件|derived:corrected",
			"review.correction_rate 31.43 % derived exact|行政复议纠错数 22 ÷ 行政复议审结数 70|derived:correction_rate"},
		"004_136b53df648072ac.txt": {"review.corrected 1 件 derived exact scope=市政府|其中确认违法1件|derived:corrected"},
	}
	for _, doc := range corpusDocs(t) {
		p := doc.Name
		var got []string
		for _, r := range testEngine(t).Run(doc).Records {
			if r.Kind == KindDerived {
				got = append(got, brief(r)+"|"+r.Evidence+"|"+r.Rule)
			}
		}
		if w := want[filepath.Base(p)]; strings.Join(got, "\n") != strings.Join(w, "\n") {
			t.Errorf("%s: derived\n got:\n  %s\nwant:\n  %s", p, strings.Join(got, "\n  "), strings.Join(w, "\n  "))
		}
	}
}

func TestDecimalAndTolerance(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"22", "22"}, {"2200/70", "31.43"}, {"1400/60", "23.33"}, {"100/15", "6.67"}, {"1/8", "0.13"},
		{"-1/8", "-0.13"}, {"1/1000", "0"}, {"100", "100"}, {"2258100", "2258100"},
	} {
		r, ok := ratOf(strings.Split(tc.in, "/")[0])
		if !ok {
			t.Fatalf("ratOf(%q) failed", tc.in)
		}
		if num, den, ok := strings.Cut(tc.in, "/"); ok {
			n, _ := ratOf(num)
			d, _ := ratOf(den)
			r = n.Quo(n, d)
		}
		if got := decimal(r); got != tc.want {
			t.Errorf("decimal(%s) = %s, want %s", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct {
		value string
		want  float64
	}{{"98", 0.5}, {"98.1", 0.05}, {"6.67", 0.05}, {"99.875", 0.05}} {
		if got := tolerance(tc.value); got < tc.want || got > tc.want+1e-6 {
			t.Errorf("tolerance(%s) = %v, want %v", tc.value, got, tc.want)
		}
	}
}
