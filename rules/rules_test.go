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
	for _, m := range set.Metrics {
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
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct {
		name, src, want string
	}{
		{"unknown key", "metrics:\n  - id: a.b\n    name: 甲\n    unit: \"%\"\n    triggers: [甲率]\n    colour: red\n",
			`x.yaml:6:5: unknown key "colour" (want one of id, name, unit, topic, triggers, require, exclude, value_before)`},
		{"bad unit", "metrics:\n  - id: a.b\n    name: 甲\n    unit: 斤\n    triggers: [甲率]\n",
			`x.yaml:4:11: unknown unit "斤" (want one of % 件 人 次 个 项 元 ratio)`},
		{"missing name", "metrics:\n  - id: a.b\n    unit: 件\n    triggers: [甲]\n",
			`x.yaml:2:5: metric entry has no name`},
		{"empty triggers", "metrics:\n  - id: a.b\n    name: 甲\n    unit: 件\n    triggers: []\n",
			`x.yaml:5:15: triggers is empty`},
		{"duplicate id", "metrics:\n  - id: a.b\n    name: 甲\n    unit: 件\n    triggers: [甲]\n  - id: a.b\n    name: 乙\n    unit: 件\n    triggers: [乙]\n",
			`x.yaml:6:5: duplicate metric id a.b (first at line 2)`},
		{"top key", "metric:\n  - id: a\n", `x.yaml:1:1: unknown key "metric" (want topics, scopes or metrics)`},
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
	if set.Metrics[len(set.Metrics)-1].ID != "review.closure_rate" || len(set.Metrics) != 29 {
		t.Errorf("added metric not last of 29: %d", len(set.Metrics))
	}
}
