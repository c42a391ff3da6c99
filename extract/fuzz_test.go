package extract

import (
	"reflect"
	"testing"

	"github.com/zhibiao/zhibiao/document"
)

// FuzzExtract runs the whole engine on arbitrary text: it never panics,
// every record lies in the text and holds its value, a level rate outside
// [0,100] is flagged by a check, and a second run gives the same result.
func FuzzExtract(f *testing.F) {
	for _, doc := range corpusDocs(f) {
		f.Add(string(doc.Text))
	}
	f.Add("某某县2023年度法治政府建设情况报告\n行政复议纠错率、调撤率分别为11%、40%。受理120余件,审结一千三百零五件,较上年的９８．５％下降2.4个百分点。")
	f.Add("复议诉讼比为1:0。纠错率150%。60人报名,14人合格。均为100%分别为")
	x := testEngine(f)
	f.Fuzz(func(t *testing.T, text string) {
		doc, err := document.Parse("fuzz.txt", []byte(text))
		if err != nil {
			return
		}
		res := x.Run(doc)
		for _, r := range res.Records {
			checkRecord(t, doc, r, res.Checks)
		}
		if again := x.Run(doc); !reflect.DeepEqual(res, again) {
			t.Fatalf("a second run differs")
		}
	})
}
