package rules

import (
	"strings"
	"testing"
)

func TestDefaultCatalog(t *testing.T) {
	set, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	units := map[string]int{}
	for _, m := range set.Catalog() {
		switch m.Unit {
		case "%":
			units["rate"]++
		case "ratio":
			units["ratio"]++
		default:
			units["count"]++
		}
		if !strings.HasPrefix(m.Pos.File, "default/") || m.Pos.Line < 1 {
			t.Errorf("%s: position %v", m.ID, m.Pos)
		}
	}
	if units["rate"] != 14 || units["ratio"] != 1 || units["count"] != 13 {
		t.Errorf("catalog has %v, want 14 rates, 1 ratio, 13 counts", units)
	}
	if m := set.Metric("行政复议纠错率"); m == nil || m.ID != "review.correction_rate" || m.Triggers[0] != "行政复议纠错率" {
		t.Errorf("lookup by name: %+v", m)
	}
	var internal []string
	for _, m := range set.Metrics {
		if m.Internal {
			internal = append(internal, m.ID)
		}
	}
	if got := strings.Join(internal, " "); got != "review.revoked review.altered review.confirmed_illegal review.ordered "+
		"litigation.revoked litigation.altered litigation.confirmed_illegal litigation.ordered" {
		t.Errorf("internal metrics: %s", got)
	}
	var formulas []string
	for _, f := range set.Formulas {
		formulas = append(formulas, f.ID+"="+f.Metric+":"+strings.Join(f.Sum, "+")+strings.Join(f.Divide, "/"))
	}
	want := "corrected=review.corrected:review.revoked+review.altered+review.confirmed_illegal+review.ordered " +
		"correction_rate=review.correction_rate:review.corrected/review.concluded " +
		"loss_rate=litigation.loss_rate:litigation.losses/litigation.concluded " +
		"success_rate=mediation.success_rate:mediation.successes/mediation.cases " +
		"cert_pass_rate=enforcement.cert_pass_rate:enforcement.exam_passed/enforcement.exam_takers"
	if got := strings.Join(formulas, " "); got != want {
		t.Errorf("formulas:\n got %s\nwant %s", got, want)
	}
	if len(set.Orders) != 1 || strings.Join(set.Orders[0].Metrics, " ") != "review.corrected review.concluded review.accepted review.applications" {
		t.Errorf("orders: %+v", set.Orders)
	}
}

func TestParseFormulas(t *testing.T) {
	src := "metrics:\n" +
		"  - id: a.part\n    name: 甲\n    unit: 件\n    internal: true\n    triggers: [甲]\n" +
		"formulas:\n" +
		"  - id: r\n    metric: a.rate\n    divide: [a.n, a.d]\n    alternates: [a.e]\n" +
		"  - id: s\n    metric: a.sum\n    sum: [a.p, a.q]\n" +
		"order:\n  - [a.n, a.d]\n"
	f, err := Parse("x.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !f.Metrics[0].Internal {
		t.Errorf("internal not read: %+v", f.Metrics[0])
	}
	r, s := f.Formulas[0], f.Formulas[1]
	if r.ID != "r" || r.Metric != "a.rate" || strings.Join(r.Divide, ",") != "a.n,a.d" || strings.Join(r.Alternates, ",") != "a.e" || r.Pos.Line != 8 {
		t.Errorf("divide formula: %+v", r)
	}
	if s.ID != "s" || strings.Join(s.Sum, ",") != "a.p,a.q" || len(s.Divide) != 0 {
		t.Errorf("sum formula: %+v", s)
	}
	if len(r.Refs) != 4 || r.Refs[2] != (Ref{"a.d", Pos{"x.yaml", 10, 19}}) {
		t.Errorf("refs: %+v", r.Refs)
	}
	if len(f.Orders) != 1 || strings.Join(f.Orders[0].Metrics, ",") != "a.n,a.d" || f.Orders[0].Refs[1].Pos != (Pos{"x.yaml", 16, 11}) {
		t.Errorf("order: %+v", f.Orders)
	}
}

func TestMergeFormulaErrors(t *testing.T) {
	base, err := DefaultFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, src, want string }{
		{"unknown result", "formulas:\n  - id: f\n    metric: review.nope\n    divide: [review.corrected, review.concluded]\n",
			`u.yaml:3:13: formula f: unknown metric "review.nope"`},
		{"unknown input", "formulas:\n  - id: f\n    metric: review.corrected\n    sum: [review.revoked, review.gone]\n",
			`u.yaml:4:27: formula f: unknown metric "review.gone"`},
		{"unknown alternate", "formulas:\n  - id: f\n    metric: review.correction_rate\n    divide: [review.corrected, review.concluded]\n    alternates: [review.x]\n",
			`u.yaml:5:18: formula f: unknown metric "review.x"`},
		{"unknown in order", "order:\n  - [review.concluded, review.acepted]\n",
			`u.yaml:2:24: order: unknown metric "review.acepted"`},
		{"divide into a count", "formulas:\n  - id: f\n    metric: review.corrected\n    divide: [review.corrected, review.concluded]\n",
			`u.yaml:2:5: formula f: metric review.corrected has unit 件, want "%" or ratio for a divide`},
		{"sum of a rate", "formulas:\n  - id: f\n    metric: review.corrected\n    sum: [review.revoked, review.correction_rate]\n",
			`u.yaml:2:5: formula f: metric review.correction_rate has unit %, want 件 like the sum review.corrected`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			user, err := Parse("u.yaml", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			_, err = Merge(append(base, user)...)
			if err == nil || err.Error() != tc.want {
				t.Errorf("got  %v\nwant %s", err, tc.want)
			}
		})
	}
}

func TestMergeFormulaOverride(t *testing.T) {
	base, err := DefaultFiles()
	if err != nil {
		t.Fatal(err)
	}
	user, err := Parse("u.yaml", []byte("formulas:\n  - id: correction_rate\n    metric: review.correction_rate\n    divide: [review.corrected, review.accepted]\n"+
		"order:\n  - [review.corrected, review.concluded, review.accepted, review.applications]\n  - [litigation.losses, litigation.concluded]\n"))
	if err != nil {
		t.Fatal(err)
	}
	set, err := Merge(append(base, user)...)
	if err != nil {
		t.Fatal(err)
	}
	if f := set.Formulas[1]; f.ID != "correction_rate" || f.Divide[1] != "review.accepted" || f.Pos.File != "u.yaml" || len(set.Formulas) != 5 {
		t.Errorf("override: %+v of %d", f, len(set.Formulas))
	}
	if len(set.Orders) != 2 || set.Orders[1].Metrics[0] != "litigation.losses" {
		t.Errorf("orders: a repeated chain counts once, a new one is added: %+v", set.Orders)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"unknown key", "metrics:\n  - id: a.b\n    name: 甲\n    unit: \"%\"\n    triggers: [甲率]\n    colour: red\n",
			`x.yaml:6:5: unknown key "colour" (want one of id, name, unit, topic, triggers, require, exclude, value_before, internal)`},
		{"internal not a bool", "metrics:\n  - id: a.b\n    name: 甲\n    unit: 件\n    internal: yes please\n    triggers: [甲]\n",
			`x.yaml:5:15: internal must be true or false`},
		{"formula unknown key", "formulas:\n  - id: f\n    metric: a.b\n    divide: [a.c, a.d]\n    times: 100\n",
			`x.yaml:5:5: unknown key "times" (want one of id, metric, sum, divide, alternates)`},
		{"formula without metric", "formulas:\n  - id: f\n    sum: [a.c, a.d]\n",
			`x.yaml:2:5: formula entry has no metric`},
		{"formula without operation", "formulas:\n  - id: f\n    metric: a.b\n",
			`x.yaml:2:5: formula entry needs sum or divide`},
		{"sum and divide", "formulas:\n  - id: f\n    metric: a.b\n    sum: [a.c, a.d]\n    divide: [a.c, a.d]\n",
			`x.yaml:5:5: formula entry has both sum and divide`},
		{"divide of three", "formulas:\n  - id: f\n    metric: a.b\n    divide: [a.c, a.d, a.e]\n",
			`x.yaml:4:13: divide needs two metric ids: [numerator, denominator]`},
		{"sum of one", "formulas:\n  - id: f\n    metric: a.b\n    sum: a.c\n",
			`x.yaml:4:10: sum needs at least two metric ids`},
		{"alternates of a sum", "formulas:\n  - id: f\n    metric: a.b\n    sum: [a.c, a.d]\n    alternates: [a.e]\n",
			`x.yaml:5:5: alternates only go with divide`},
		{"duplicate formula", "formulas:\n  - id: f\n    metric: a.b\n    sum: [a.c, a.d]\n  - id: f\n    metric: a.e\n    sum: [a.c, a.d]\n",
			`x.yaml:5:5: duplicate formula id f (first at line 2)`},
		{"order of one", "order:\n  - [a.b]\n", `x.yaml:2:5: an order chain needs at least two metric ids`},
		{"order not a chain", "order:\n  - a.b\n", `x.yaml:2:5: an order chain must be a list of metric ids like [a, b, c]`},
		{"bad unit", "metrics:\n  - id: a.b\n    name: 甲\n    unit: 斤\n    triggers: [甲率]\n",
			`x.yaml:4:11: unknown unit "斤" (want one of % 件 人 次 个 项 元 ratio)`},
		{"missing name", "metrics:\n  - id: a.b\n    unit: 件\n    triggers: [甲]\n",
			`x.yaml:2:5: metric entry has no name`},
		{"empty triggers", "metrics:\n  - id: a.b\n    name: 甲\n    unit: 件\n    triggers: []\n",
			`x.yaml:5:15: triggers is empty`},
		{"duplicate id", "metrics:\n  - id: a.b\n    name: 甲\n    unit: 件\n    triggers: [甲]\n  - id: a.b\n    name: 乙\n    unit: 件\n    triggers: [乙]\n",
			`x.yaml:6:5: duplicate metric id a.b (first at line 2)`},
		{"top key", "metric:\n  - id: a\n", `x.yaml:1:1: unknown key "metric" (want topics, scopes, metrics, formulas or order)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse("x.yaml", []byte(tc.src))
			if err == nil || err.Error() != tc.want {
				t.Errorf("got  %v\nwant %s", err, tc.want)
			}
		})
	}
}

func TestMergeOverrides(t *testing.T) {
	base, err := DefaultFiles()
	if err != nil {
		t.Fatal(err)
	}
	user, err := Parse("user.yaml", []byte("metrics:\n  - id: review.correction_rate\n    name: 行政复议纠错率\n    unit: \"%\"\n    triggers: [纠错比例]\n  - id: review.closure_rate\n    name: 行政复议案结事了率\n    unit: \"%\"\n    triggers: [案结事了率]\n"))
	if err != nil {
		t.Fatal(err)
	}
	set, err := Merge(append(base, user)...)
	if err != nil {
		t.Fatal(err)
	}
	if m := set.Metric("review.correction_rate"); m.Pos.String() != "user.yaml:2" || m.Triggers[0] != "纠错比例" {
		t.Errorf("override: %+v", m)
	}
	if set.Metrics[len(set.Metrics)-1].ID != "review.closure_rate" || len(set.Metrics) != 37 || len(set.Catalog()) != 29 {
		t.Errorf("added metric not last of 37 (29 in the catalog): %d", len(set.Metrics))
	}
}
