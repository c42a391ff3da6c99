package extract

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/zhibiao/zhibiao/segment"
)

// OtherID is the metric id of uncatalogued figures found by Discover.
const OtherID = "other"

// discoverEnds close a word that names a rate or ratio: 覆盖率, 万人比, 占比.
var discoverEnds = []string{"率", "比", "比例", "比重"}

// discoverLeads are words that open a clause without naming its figure;
// they are trimmed from the front of a discovered name.
var discoverLeads = []string{"实现", "完成", "全年", "年度", "今年", "全市", "全区", "全县", "全省", "其中", "并", "且", "和", "及", "同时", "进一步", "有效", "持续", "不断", "确保", "推动", "推进", "提升", "提高", "保持"}

// maxDiscoverRunes bounds a discovered name.
const maxDiscoverRunes = 10

// discover emits a figure that no catalog rule took when a word ending in
// 率 or 比 names it just before the value, only link words between
// (公职律师覆盖率达62.5%, 占比74.19%). It reports whether it did.
func (d *docState) discover(s *sentence, cl segment.Span, f figure) bool {
	if f.unit != "%" && f.unit != "ratio" || f.kind == KindChange {
		return false
	}
	toks := d.x.seg.Cut(d.doc.Folded, cl.Start, f.num.QualStart)
	// The name's last token: only link words may follow it (提升/至 2.22).
	j := len(toks) - 1
	for ; j >= 0 && f.num.QualStart-toks[j].End <= maxGap; j-- {
		if d.endsName(toks[j].Text, f) && d.fillersOnly(toks[j].End, f.num.QualStart, nil) {
			break
		}
	}
	if j < 0 || f.num.QualStart-toks[j].End > maxGap ||
		strings.Contains(string(d.doc.Folded[toks[j].End:f.num.QualStart]), respectivelyWord) {
		return false // 分别为: which value is whose is not for discover to guess
	}
	start := toks[j].Start
	for k := j - 1; k >= 0; k-- {
		t := toks[k]
		if !hanOnly(t.Text) || toks[j].End-t.Start > maxDiscoverRunes {
			break
		}
		start = t.Start
	}
	name := string(d.doc.Folded[start:toks[j].End])
	for trimmed := true; trimmed; {
		trimmed = false
		for _, w := range discoverLeads {
			if rest, ok := strings.CutPrefix(name, w); ok && len([]rune(rest)) >= 2 {
				name, start, trimmed = rest, start+len([]rune(w)), true
			}
		}
	}
	if len([]rune(name)) < 2 || slices.Contains(notNames, name) {
		return false
	}
	r := Record{
		File: d.doc.Name, Region: d.doc.Region, Year: d.doc.Year,
		MetricID: OtherID, Metric: name, Value: signed(f), Unit: f.unit,
		Qualifier: string(f.num.Qualifier), Kind: f.kind, RefYear: f.refYear,
		Scope: d.scope(s, f.num.Start), Evidence: evidence(d.doc.Text[cl.Start:cl.End]),
		Line: d.doc.LineOf(f.num.Start), Start: f.num.Start, End: f.num.End, Rule: "discover",
	}
	d.add(placed{r, start})
	d.note(indexOf(s, f), fmt.Sprintf("→ other (%s) %s, discovered", name, r.Value))
	return true
}

// notNames end in 比 but name no figure.
var notNames = []string{"同比", "环比", "对比", "相比", "占比重"}

// endsName: a token that can close the name of a figure of this unit (gse
// may cut 监管率 as 监管/率, so a lone 率 closes one too).
func (d *docState) endsName(tok string, f figure) bool {
	if f.unit == "ratio" {
		return strings.HasSuffix(tok, "比")
	}
	return containsSuffix(tok, discoverEnds)
}

func containsSuffix(s string, ends []string) bool {
	for _, e := range ends {
		if strings.HasSuffix(s, e) {
			return true
		}
	}
	return false
}

func hanOnly(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

func indexOf(s *sentence, f figure) int {
	for i, n := range s.nums {
		if n.Start == f.num.Start {
			return i
		}
	}
	return -1
}

// signed is a figure's value with the sign of its change.
func signed(f figure) string {
	if f.sign < 0 && f.num.Value != "0" {
		return "-" + f.num.Value
	}
	return f.num.Value
}
