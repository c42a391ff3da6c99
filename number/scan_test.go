package number

import (
	"fmt"
	"testing"
)

// fold builds the folded text and the raw text of s, rune for rune, as
// the document package does: full-width ASCII forms (０-９ ％ ． ， ：…)
// become ASCII, U+3000 and U+00A0 become ' '. Lengths stay equal.
func fold(s string) (text, raw []rune) {
	raw = []rune(s)
	text = make([]rune, len(raw))
	for i, r := range raw {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFEE0
		case r == 0x3000 || r == 0x00A0:
			r = ' '
		}
		text[i] = r
	}
	return text, raw
}

// num is an exact Number without qualifier words or ordinal mark.
func num(start, end int, value, unit string) Number {
	return Number{Start: start, End: end, Value: value, Unit: unit,
		Qualifier: Exact, QualStart: start, QualEnd: end}
}

// qual sets n's qualifier and the span of the qualifier words.
func qual(n Number, q Qualifier, qualStart, qualEnd int) Number {
	n.Qualifier, n.QualStart, n.QualEnd = q, qualStart, qualEnd
	return n
}

// ordinal marks n as preceded by 第.
func ordinal(n Number) Number {
	n.Ordinal = true
	return n
}

// want is an expected Number and the text of its span, which keeps the
// table honest: the offsets must cut out exactly that text.
type want struct {
	span string
	n    Number
}

var scanCases = []struct {
	name string
	in   string
	want []want
}{
	{"integer", "全市共办理行政复议案件98件，较上年有所增加", []want{
		{"98件", num(11, 14, "98", "件")},
	}},
	{"decimal trailing zeros", "行政机关负责人出庭应诉率为92.80%", []want{
		{"92.80%", num(13, 19, "92.8", "%")},
	}},
	{"decimal all zeros", "行政执法案卷评查合格率达到100.00%", []want{
		{"100.00%", num(13, 20, "100", "%")},
	}},
	{"decimal half", "人民调解成功率37.50%", []want{
		{"37.50%", num(7, 13, "37.5", "%")},
	}},
	{"small decimal", "抽检样本不合格率为0.015，低于控制线", []want{
		{"0.015", num(9, 14, "0.015", "")},
	}},
	{"leading zeros", "档案柜号007已移交", []want{
		{"007", num(4, 7, "7", "")},
	}},
	{"full-width digits", "全年共受理行政复议案件一千三百零五件，同比增长１２．５％", []want{
		{"一千三百零五件", num(11, 18, "1305", "件")},
		{"12.5%", num(23, 28, "12.5", "%")},
	}},
	{"thousands ascii comma", "全年受理信访事项1,356件", []want{
		{"1,356件", num(8, 14, "1356", "件")},
	}},
	{"thousands several groups", "挽回经济损失12,345,678元", []want{
		{"12,345,678元", num(6, 17, "12345678", "元")},
	}},
	{"thousands full-width comma", "两地分别为1，356", []want{
		{"1", num(5, 6, "1", "")},
		{"356", num(7, 10, "356", "")},
	}},
	{"thousands malformed group", "分别为12,34", []want{
		{"12", num(3, 5, "12", "")},
		{"34", num(6, 8, "34", "")},
	}},
	{"thousands long head", "分别为1234,567", []want{
		{"1234", num(3, 7, "1234", "")},
		{"567", num(8, 11, "567", "")},
	}},
	{"thousands then decimal", "涉案金额1,234.50万元", []want{
		{"1,234.50万元", num(4, 14, "12345000", "元")},
	}},
	{"spaces around number", "全年审查 303 件次规范性文件", []want{
		{"303 件次", num(5, 11, "303", "件次")},
	}},
	{"spaces full-width", "全年审查\u3000303\u3000件次规范性文件", []want{
		{"303 件次", num(5, 11, "303", "件次")},
	}},
	{"percent chinese", "群众满意度达到百分之九十八", []want{
		{"百分之九十八", num(7, 13, "98", "%")},
	}},
	{"percent chinese decimal", "复议纠错率为百分之七点五", []want{
		{"百分之七点五", num(6, 12, "7.5", "%")},
	}},
	{"percent hundred", "实现执法人员培训百分之百全覆盖", []want{
		{"百分之百", num(8, 12, "100", "%")},
	}},
	{"percent arabic after", "百分之98的案件当场办结", []want{
		{"百分之98", num(0, 5, "98", "%")},
	}},
	{"permille chinese", "发案率控制在千分之三以内", []want{
		{"千分之三", qual(num(6, 10, "3", "‰"), Upper, 6, 12)},
	}},
	{"permille sign", "行政诉讼败诉率为2.5‰", []want{
		{"2.5‰", num(8, 12, "2.5", "‰")},
	}},
	{"percentage points", "败诉率同比下降2.4个百分点", []want{
		{"2.4个百分点", num(7, 14, "2.4", "个百分点")},
	}},
	{"percentage points short", "调解率提高1.6百分点", []want{
		{"1.6百分点", num(5, 11, "1.6", "个百分点")},
	}},
	{"cheng chinese", "约三成案件通过调解化解", []want{
		{"三成", qual(num(1, 3, "30", "%"), Approx, 0, 3)},
	}},
	{"cheng lower", "九成以上事项实现网上办理", []want{
		{"九成", qual(num(0, 2, "90", "%"), Lower, 0, 4)},
	}},
	{"cheng arabic", "3成的投诉在当日答复", []want{
		{"3成", num(0, 2, "30", "%")},
	}},
	{"cheng words", "建成、完成、形成工作机制", nil},
	{"cheng member", "3成员单位", []want{
		{"3", num(0, 1, "3", "")},
	}},
	{"chinese numerals", "年内办结两百件，新增十二个站点，开展培训十次", []want{
		{"两百件", num(4, 7, "200", "件")},
		{"十二个", num(10, 13, "12", "个")},
		{"十次", num(20, 22, "10", "次")},
	}},
	{"chinese wan", "发放补助一万二千元，惠及三十五万人", []want{
		{"一万二千元", num(4, 9, "12000", "元")},
		{"三十五万人", num(12, 17, "350000", "人")},
	}},
	{"chinese digit by digit", "二〇二三年全面完成", []want{
		{"二〇二三年", num(0, 5, "2023", "年")},
	}},
	{"chinese zero year", "二零二四年起施行", []want{
		{"二零二四年", num(0, 5, "2024", "年")},
	}},
	{"chinese point", "办案效率提高七点五倍", []want{
		{"七点五倍", num(6, 10, "7.5", "倍")},
	}},
	{"chinese zeros inside", "共选派律师一百零八名，覆盖一万零五十户", []want{
		{"一百零八名", num(5, 10, "108", "名")},
		{"一万零五十户", num(13, 19, "10050", "户")},
	}},
	{"chinese yi", "带动投资三亿五千万元", []want{
		{"三亿五千万元", num(4, 10, "350000000", "元")},
	}},
	{"chinese wan yi", "三万亿元", []want{
		{"三万亿元", num(0, 4, "3000000000000", "元")},
	}},
	{"chinese abbreviation", "一万二人参加", []want{
		{"一万二人", num(0, 4, "12000", "人")},
	}},
	{"no unit chinese", "一是加强组织领导，二是推进两法衔接，推行三书同达，打造一站式平台", nil},
	{"no unit chinese 2", "建立三级网络，学习十九大和五中全会精神，一审判决", nil},
	{"five year plan", "十四五时期", nil},
	{"one or two", "一两个", nil},
	{"three or four", "三四年", nil},
	{"bare ten", "十分重要", nil},
	{"arabic wan", "受理225.81万件，办理2.3万件，涉及4.23亿元，覆盖1.5万人", []want{
		{"225.81万件", num(2, 10, "2258100", "件")},
		{"2.3万件", num(13, 18, "23000", "件")},
		{"4.23亿元", num(21, 27, "423000000", "元")},
		{"1.5万人", num(30, 35, "15000", "人")},
	}},
	{"arabic qian wan", "投入3千万元", []want{
		{"3千万元", num(2, 6, "30000000", "元")},
	}},
	{"arabic qian", "培训3千余人", []want{
		{"3千余人", qual(num(2, 6, "3000", "人"), Approx, 2, 6)},
	}},
	{"approx before wan", "筹集300余万元", []want{
		{"300余万元", qual(num(2, 8, "3000000", "元"), Approx, 2, 8)},
	}},
	{"approx after wan", "服务12万多人", []want{
		{"12万多人", qual(num(2, 7, "120000", "人"), Approx, 2, 7)},
	}},
	{"approx chinese wan", "节省十余万元", []want{
		{"十余万元", qual(num(2, 6, "100000", "元"), Approx, 2, 6)},
	}},
	{"hundreds approx", "化解纠纷百余件，培训千余人，抽调十余名同志", []want{
		{"百余件", qual(num(4, 7, "100", "件"), Approx, 4, 7)},
		{"千余人", qual(num(10, 13, "1000", "人"), Approx, 10, 13)},
		{"十余名", qual(num(16, 19, "10", "名"), Approx, 16, 19)},
	}},
	{"ratio decimal left", "复议诉讼比为1.3:1", []want{
		{"1.3:1", num(6, 11, "1.3", "ratio")},
	}},
	{"ratio decimal right", "两者之比为1:0.8", []want{
		{"1:0.8", num(5, 10, "1.25", "ratio")},
	}},
	{"ratio rounded", "配比为1:1.2", []want{
		{"1:1.2", num(3, 8, "0.83", "ratio")},
	}},
	{"ratio ratio colon", "比例为2∶1", []want{
		{"2∶1", num(3, 6, "2", "ratio")},
	}},
	{"ratio full-width colon", "比例为１：０．８", []want{
		{"1:0.8", num(3, 8, "1.25", "ratio")},
	}},
	{"clock", "发布时间：2023-02-24 09:28", nil},
	{"clock 2", "14:59更新", nil},
	{"clock seconds", "10:30:00", nil},
	{"ratio zero", "比分3:0", []want{
		{"3", num(2, 3, "3", "")},
		{"0", num(4, 5, "0", "")},
	}},
	{"date dotted", "2021.02.04印发", nil},
	{"date dashed", "2023-02-24发布", nil},
	{"year month", "2023-02", nil},
	{"identifier", "备案号331083000000/2023-122267", nil},
	{"glued letters", "4S店、5G基站、G20峰会、ISO9001认证、H5页面", nil},
	{"year", "2023年以来", []want{
		{"2023年", num(0, 5, "2023", "年")},
	}},
	{"range", "2019-2025年规划", []want{
		{"2019", num(0, 4, "2019", "")},
		{"2025年", num(5, 10, "2025", "年")},
	}},
	{"range tilde", "10~15个工作日", []want{
		{"10", num(0, 2, "10", "")},
		{"15个工作日", num(3, 9, "15", "个工作日")},
	}},
	{"range ordinal", "第1-3批", []want{
		{"1", ordinal(num(1, 2, "1", ""))},
		{"3批", ordinal(num(3, 5, "3", "批"))},
	}},
	{"bare dotted", "12.18地震发生后", []want{
		{"12.18", num(0, 5, "12.18", "")},
	}},
	{"ordinal chinese", "第二期培训班", []want{
		{"二期", ordinal(num(1, 3, "2", "期"))},
	}},
	{"ordinal arabic", "第2批名单", []want{
		{"2批", ordinal(num(1, 3, "2", "批"))},
	}},
	{"ordinal space", "第 3 批名单", []want{
		{"3 批", ordinal(num(2, 5, "3", "批"))},
	}},
	{"ordinal no unit", "第一，第三方", nil},
	{"ordinal chinese units", "第十二次会议", []want{
		{"十二次", ordinal(num(1, 4, "12", "次"))},
	}},
	{"trailing dot", "共43件.下一步", []want{
		{"43件", num(1, 4, "43", "件")},
	}},
	{"trailing dot bare", "总数为43.下一步", []want{
		{"43", num(3, 5, "43", "")},
	}},
	{"minus", "同比-5%", []want{
		{"5%", num(3, 5, "5", "%")},
	}},
	{"approx yue", "约98%的事项", []want{
		{"98%", qual(num(1, 4, "98", "%"), Approx, 0, 4)},
	}},
	{"approx yuewei", "调撤率约为54.5%", []want{
		{"54.5%", qual(num(5, 10, "54.5", "%"), Approx, 3, 10)},
	}},
	{"approx dayue", "大约200人", []want{
		{"200人", qual(num(2, 6, "200", "人"), Approx, 0, 6)},
	}},
	{"approx jin", "涉案金额近4.21亿元", []want{
		{"4.21亿元", qual(num(5, 11, "421000000", "元"), Approx, 4, 11)},
	}},
	{"approx jiangjin", "将近300件", []want{
		{"300件", qual(num(2, 6, "300", "件"), Approx, 0, 6)},
	}},
	{"approx jiejin", "接近90%", []want{
		{"90%", qual(num(2, 5, "90", "%"), Approx, 0, 5)},
	}},
	{"approx yueji", "约计50万元", []want{
		{"50万元", qual(num(2, 6, "500000", "元"), Approx, 0, 6)},
	}},
	{"unit exclusion", "覆盖1.5万户籍人口", []want{
		{"1.5万", num(2, 6, "15000", "")},
	}},
	{"lower chaoguo", "超过300件", []want{
		{"300件", qual(num(2, 6, "300", "件"), Lower, 0, 6)},
	}},
	{"lower yu", "逾1.4万家", []want{
		{"1.4万家", qual(num(1, 6, "14000", "家"), Lower, 0, 6)},
	}},
	{"lower gaoyu", "高于95%", []want{
		{"95%", qual(num(2, 5, "95", "%"), Lower, 0, 5)},
	}},
	{"lower budiyu", "不低于80%", []want{
		{"80%", qual(num(3, 6, "80", "%"), Lower, 0, 6)},
	}},
	{"lower bushaoyu", "不少于20学时", []want{
		{"20学时", qual(num(3, 7, "20", "学时"), Lower, 0, 7)},
	}},
	{"lower duoyu", "多于5次", []want{
		{"5次", qual(num(2, 4, "5", "次"), Lower, 0, 4)},
	}},
	{"lower chao", "超3000件", []want{
		{"3000件", qual(num(1, 6, "3000", "件"), Lower, 0, 6)},
	}},
	{"upper budao", "不到5个", []want{
		{"5个", qual(num(2, 4, "5", "个"), Upper, 0, 4)},
	}},
	{"upper buzu", "不足10%", []want{
		{"10%", qual(num(2, 5, "10", "%"), Upper, 0, 5)},
	}},
	{"upper diyu", "低于1%", []want{
		{"1%", qual(num(2, 4, "1", "%"), Upper, 0, 4)},
	}},
	{"upper buchaoguo", "不超过15个工作日", []want{
		{"15个工作日", qual(num(3, 9, "15", "个工作日"), Upper, 0, 9)},
	}},
	{"upper shaoyu", "少于3人", []want{
		{"3人", qual(num(2, 4, "3", "人"), Upper, 0, 4)},
	}},
	{"upper weiman", "未满18岁", []want{
		{"18岁", qual(num(2, 5, "18", "岁"), Upper, 0, 5)},
	}},
	{"trailing zuoyou", "100人左右", []want{
		{"100人", qual(num(0, 4, "100", "人"), Approx, 0, 6)},
	}},
	{"trailing shangxia", "50件上下，", []want{
		{"50件", qual(num(0, 3, "50", "件"), Approx, 0, 5)},
	}},
	{"trailing shangxia word", "2023年上下联动", []want{
		{"2023年", num(0, 5, "2023", "年")},
	}},
	{"trailing yishang", "98%以上", []want{
		{"98%", qual(num(0, 3, "98", "%"), Lower, 0, 5)},
	}},
	{"trailing zhishang", "90%之上", []want{
		{"90%", qual(num(0, 3, "90", "%"), Lower, 0, 5)},
	}},
	{"trailing yixia", "5%以下", []want{
		{"5%", qual(num(0, 2, "5", "%"), Upper, 0, 4)},
	}},
	{"trailing yinei", "30日以内办结", []want{
		{"30日", qual(num(0, 3, "30", "日"), Upper, 0, 5)},
	}},
	{"inside yu", "办理120余件", []want{
		{"120余件", qual(num(2, 7, "120", "件"), Approx, 2, 7)},
	}},
	{"inside duo", "培训300多人", []want{
		{"300多人", qual(num(2, 7, "300", "人"), Approx, 2, 7)},
	}},
	{"inside duo yu", "300多于200", []want{
		{"300", num(0, 3, "300", "")},
		{"200", qual(num(5, 8, "200", ""), Lower, 3, 8)},
	}},
	{"approx and bound", "超过300余件", []want{
		{"300余件", qual(num(2, 7, "300", "件"), Lower, 0, 7)},
	}},
	{"space before qualifier", "超过 300 件", []want{
		{"300 件", qual(num(3, 8, "300", "件"), Lower, 0, 8)},
	}},
	{"not jin", "最近3年", []want{
		{"3年", num(2, 4, "3", "年")},
	}},
	{"not jin 2", "近年来成效明显", nil},
	{"not yue", "节约资金300万元", []want{
		{"300万元", num(4, 9, "3000000", "元")},
	}},
	{"renminbi", "3万人民币", []want{
		{"3万", num(0, 2, "30000", "")},
	}},
	{"one item", "推进一件事一次办", []want{
		{"一件", num(2, 4, "1", "件")},
		{"一次", num(5, 7, "1", "次")},
	}},
	{"chuzhi", "逐一处理", nil},
	{"bufen", "一部分", nil},
	{"empty", "", nil},
}

func TestScan(t *testing.T) {
	for _, c := range scanCases {
		t.Run(c.name, func(t *testing.T) {
			text, raw := fold(c.in)
			got := Scan(text, raw)
			for _, w := range c.want {
				if span := string(text[w.n.Start:w.n.End]); span != w.span {
					t.Fatalf("bad table: [%d,%d) of %q is %q, not %q", w.n.Start, w.n.End, c.in, span, w.span)
				}
			}
			if len(got) != len(c.want) {
				t.Fatalf("Scan(%q) = %d numbers, want %d:\n%s", c.in, len(got), len(c.want), describe(text, got))
			}
			for i, w := range c.want {
				if got[i] != w.n {
					t.Errorf("Scan(%q)[%d] = %+v (%q), want %+v (%q)", c.in, i,
						got[i], string(text[got[i].Start:got[i].End]), w.n, w.span)
				}
			}
		})
	}
}

// describe lists numbers with the text of their spans.
func describe(text []rune, ns []Number) string {
	s := ""
	for _, n := range ns {
		s += fmt.Sprintf("  %q %+v\n", string(text[n.Start:n.End]), n)
	}
	return s
}

func TestScanNilRaw(t *testing.T) {
	// Without raw, a ',' is taken as written: an ASCII thousands separator.
	text, _ := fold("受理１，３５６件")
	got := Scan(text, nil)
	wantN := []Number{num(2, 8, "1356", "件")}
	if len(got) != 1 || got[0] != wantN[0] {
		t.Fatalf("Scan(nil raw) = %+v, want %+v", got, wantN)
	}
	// The same text with its raw: the full-width comma splits it.
	text, raw := fold("受理１，３５６件")
	got = Scan(text, raw)
	wantN = []Number{num(2, 3, "1", ""), num(4, 8, "356", "件")}
	if len(got) != 2 || got[0] != wantN[0] || got[1] != wantN[1] {
		t.Fatalf("Scan(raw) = %+v, want %+v", got, wantN)
	}
}

func TestScanMismatchedRaw(t *testing.T) {
	text, _ := fold("受理1,356件")
	got := Scan(text, []rune("短"))
	if len(got) != 1 || got[0] != num(2, 8, "1356", "件") {
		t.Fatalf("Scan with raw of another length = %+v", got)
	}
}

func TestScanEmpty(t *testing.T) {
	if got := Scan(nil, nil); len(got) != 0 {
		t.Fatalf("Scan(nil, nil) = %+v", got)
	}
}

func TestParseCNInt(t *testing.T) {
	cases := []struct {
		in   string
		want string
		ok   bool
	}{
		{"一", "1", true},
		{"两", "2", true},
		{"零", "0", true},
		{"十", "10", true},
		{"十二", "12", true},
		{"二十", "20", true},
		{"一百一十", "110", true},
		{"一百零八", "108", true},
		{"一千三百零五", "1305", true},
		{"两百", "200", true},
		{"三千五", "3500", true},
		{"一万二千", "12000", true},
		{"一万二", "12000", true},
		{"三十五万", "350000", true},
		{"一亿二千万", "120000000", true},
		{"三万亿", "3000000000000", true},
		{"九千九百九十九万九千九百九十九亿九千九百九十九万九千九百九十九", "9999999999999999", true},
		{"二〇二三", "2023", true},
		{"一〇", "10", true},
		{"一九九九", "1999", true},
		{"三四", "", false},
		{"一两", "", false},
		{"十一五", "", false},
		{"百", "", false},
		{"万", "", false},
		{"亿", "", false},
		{"一千一千", "", false},
		{"一万三万", "", false},
		{"一亿二亿", "", false},
		{"十十", "", false},
		{"二百两", "", false},
	}
	for _, c := range cases {
		got, ok := parseCNInt([]rune(c.in))
		if ok != c.ok || ok && got != c.want {
			t.Errorf("parseCNInt(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestDecimalValue(t *testing.T) {
	cases := []struct {
		intPart, frac string
		shift         int
		want          string
	}{
		{"92", "80", 0, "92.8"},
		{"100", "00", 0, "100"},
		{"007", "", 0, "7"},
		{"0", "015", 0, "0.015"},
		{"0", "", 0, "0"},
		{"225", "81", 4, "2258100"},
		{"4", "23", 8, "423000000"},
		{"0", "0015", 4, "15"},
		{"1", "23456", 4, "12345.6"},
		{"3", "", 1, "30"},
	}
	for _, c := range cases {
		if got := decimalValue(c.intPart, c.frac, c.shift); got != c.want {
			t.Errorf("decimalValue(%q, %q, %d) = %q, want %q", c.intPart, c.frac, c.shift, got, c.want)
		}
	}
}

func TestRatioValue(t *testing.T) {
	cases := []struct {
		a, b string
		want string
		ok   bool
	}{
		{"1.3", "1", "1.3", true},
		{"1", "0.8", "1.25", true},
		{"1", "1.2", "0.83", true},
		{"2", "3", "0.67", true},
		{"1", "8", "0.13", true}, // 0.125 rounds half away from zero
		{"10", "1", "10", true},
		{"0", "5", "0", true},
		{"1", "0", "", false},
	}
	for _, c := range cases {
		got, ok := ratioValue(c.a, c.b)
		if ok != c.ok || got != c.want {
			t.Errorf("ratioValue(%q, %q) = %q, %v; want %q, %v", c.a, c.b, got, ok, c.want, c.ok)
		}
	}
}
