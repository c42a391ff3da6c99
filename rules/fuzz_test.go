package rules_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/zhibiao/zhibiao/document"
	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/rules"
	"github.com/zhibiao/zhibiao/segment"
)

// fuzzReport is a small report with figures of several families, read with
// every rule set the fuzzer makes.
const fuzzReport = "某某区2023年度法治政府建设情况报告\n" +
	"全年共收到行政复议申请64件,受理58件,审结55件,纠错率9.09%,较2021年的12.5%有所下降。\n" +
	"共调处矛盾纠纷1,356件,调解成功1330件,成功率达98%;复议诉讼比为1:0.8。\n" +
	"本次执法资格考试共有120人报名,98人考试合格,行政规范性文件报备率和报备及时率均为100%。\n"

// FuzzRuleFile: no rule file, however broken, makes loading or extraction
// panic or hang; a rejected file is rejected with positioned errors.
// Seeded with the shipped rule files.
func FuzzRuleFile(f *testing.F) {
	src, err := rules.DefaultSource()
	if err != nil {
		f.Fatal(err)
	}
	for _, data := range src {
		f.Add(data)
	}
	f.Add([]byte("metrics:\n  - id: a.b\n    name: 甲\n    unit: \"%\"\n    triggers: [率]\n    value_before: true\n"))
	f.Add([]byte("topics:\n  t: [复议]\nmetrics:\n  - {id: x, name: 乙, unit: 件, topic: t, triggers: [受理, 审结], exclude: [未]}\n"))
	base, err := rules.DefaultFiles()
	if err != nil {
		f.Fatal(err)
	}
	doc, err := document.Parse("fuzz.txt", []byte(fuzzReport))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := rules.Parse("fuzz.yaml", data)
		if err != nil {
			var re rules.Errors
			if !errors.As(err, &re) || len(re) == 0 {
				t.Fatalf("error without positions: %v", err)
			}
			for _, e := range re {
				if e.Pos.File != "fuzz.yaml" || e.Pos.Line < 1 || e.Pos.Col < 1 || strings.Contains(e.Msg, "\n") {
					t.Fatalf("badly placed error: %q", e.Error())
				}
			}
			return
		}
		set, err := rules.Merge(append(base, file)...)
		if err != nil {
			return
		}
		seg, err := segment.New(set.Lexicon(), segment.DictNone)
		if err != nil {
			t.Fatal(err)
		}
		x := extract.New(seg, set)
		x.Discover = true
		for _, r := range x.Run(doc).Records {
			if r.Start < 0 || r.Start >= r.End || r.End > len(doc.Text) {
				t.Fatalf("record outside the text: %+v", r)
			}
		}
	})
}
