package document

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

var corpus = []struct {
	file   string
	region string
	year   int
}{
	{"000_91e0d0777a8f95a6.txt", "玉环市", 2022},
	{"001_4132fc12d559d735.txt", "凤凰县", 2020},
	{"002_7c928908932c69f5.txt", "海东市", 2023},
	{"003_34b5275b98d8ed6b.txt", "龙湾区", 2023},
	{"004_136b53df648072ac.txt", "青浦区", 2020},
}

func readCorpus(t testing.TB, file string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "corpus", file))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustParse(t *testing.T, name string, data []byte) *Doc {
	t.Helper()
	d, err := Parse(name, data)
	if err != nil {
		t.Fatalf("Parse(%q): %v", name, err)
	}
	return d
}

func encode(t *testing.T, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCorpus(t *testing.T) {
	for _, c := range corpus {
		t.Run(c.file, func(t *testing.T) {
			data := readCorpus(t, c.file)
			d := mustParse(t, c.file, data)
			if d.Region != c.region || d.Year != c.year || d.Encoding != "utf-8" {
				t.Errorf("got %s %d %s, want %s %d utf-8", d.Region, d.Year, d.Encoding, c.region, c.year)
			}
			if string(d.Text) != string(data) {
				t.Errorf("Text differs from the UTF-8 file")
			}
			if want := bytes.Count(data, []byte("\n")) + 1; len(d.Lines) != want {
				t.Errorf("%d lines, want %d", len(d.Lines), want)
			}
			checkDoc(t, d)
		})
	}
}

// TestCorpusChrome pins the chrome lines of two corpus pages.
func TestCorpusChrome(t *testing.T) {
	tests := []struct {
		file string
		want []int // 1-based chrome lines
	}{
		{"000_91e0d0777a8f95a6.txt", []int{1, 2, 3, 4, 5, 6, 10, 12, 13, 100}},
		{"001_4132fc12d559d735.txt", []int{5, 91, 92}},
		{"002_7c928908932c69f5.txt", nil},
	}
	for _, tt := range tests {
		d := mustParse(t, tt.file, readCorpus(t, tt.file))
		var got []int
		for i, l := range d.Lines {
			if l.Chrome {
				got = append(got, i+1)
			}
		}
		if !equalInts(got, tt.want) {
			t.Errorf("%s: chrome lines %v, want %v", tt.file, got, tt.want)
		}
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestCorpusGB18030(t *testing.T) {
	for _, c := range corpus {
		t.Run(c.file, func(t *testing.T) {
			data := readCorpus(t, c.file)
			u := mustParse(t, c.file, data)
			g := mustParse(t, c.file, encode(t, simplifiedchinese.GB18030, string(data)))
			if string(g.Text) != string(u.Text) {
				t.Errorf("GB18030 text differs from UTF-8 text")
			}
			if g.Region != c.region || g.Year != c.year || g.Encoding != "gb18030" {
				t.Errorf("got %s %d %s, want %s %d gb18030", g.Region, g.Year, g.Encoding, c.region, c.year)
			}
		})
	}
}

func TestEncodings(t *testing.T) {
	le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	long := strings.Repeat("法治政府建设", 10)
	tests := []struct {
		name     string
		data     []byte
		text     string
		encoding string
		lines    int
	}{
		{"utf-8", []byte("你好\n世界\n"), "你好\n世界\n", "utf-8", 2},
		{"bom", []byte("\xEF\xBB\xBF你好"), "你好", "utf-8-bom", 1},
		{"utf-16le", encode(t, le, "第一行\r\n第二行"), "第一行\n第二行", "utf-16le", 2},
		{"utf-16be", encode(t, be, "第一行\n第二行\n"), "第一行\n第二行\n", "utf-16be", 2},
		{"crlf", []byte("a\r\nb\rc\r\n\r\nd"), "a\nb\nc\n\nd", "utf-8", 5},
		{"gbk", encode(t, simplifiedchinese.GBK, "行政复议案件１２件。\r\n"), "行政复议案件１２件。\n", "gb18030", 1},
		{"truncated utf-8", []byte(long + "\xe6\xb3"), long + "\uFFFD", "utf-8", 1},
		{"ascii", []byte("plain"), "plain", "utf-8", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, "x.txt", tt.data)
			if string(d.Text) != tt.text || d.Encoding != tt.encoding || len(d.Lines) != tt.lines {
				t.Errorf("got %q %s %d lines, want %q %s %d lines",
					string(d.Text), d.Encoding, len(d.Lines), tt.text, tt.encoding, tt.lines)
			}
			checkDoc(t, d)
		})
	}
}

const page = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>关于2021年度法治政府建设情况的报告_安吉县人民政府</title>
<style>p { color: red; }</style>
<script>var x = "2019年度法治政府建设报告";</script>
</head>
<body>
<nav><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></nav>
<div class="crumb">当前位置：首页 &gt; 政务公开</div>
<iframe src="ad.html">广告</iframe>
<!-- 注释 2018年 -->
<h1>安吉县人民政府关于2021年度法治政府建设情况的报告</h1>
<div class="info">发布时间：2022-03-01&nbsp;&nbsp;来源：安吉县司法局</div>
<p>2021年，安吉县坚持以习近平法治思想为指导，
   全面推进法治政府建设。</p>
<p>全年办理行政复议案件&nbsp;１２件，纠错率为１２．５％。</p>
<table><tr><td>项目</td><td>数量</td></tr><tr><td>行政诉讼</td><td>8件</td></tr></table>
<p>第一行<br>第二行<br><br><br>第三行</p>
<footer>版权所有 安吉县人民政府</footer>
<script>document.write("扫一扫")</script>
</body>
</html>
`

const pageText = `关于2021年度法治政府建设情况的报告_安吉县人民政府
当前位置：首页 > 政务公开
安吉县人民政府关于2021年度法治政府建设情况的报告
发布时间：2022-03-01 来源：安吉县司法局
2021年，安吉县坚持以习近平法治思想为指导， 全面推进法治政府建设。
全年办理行政复议案件 １２件，纠错率为１２．５％。
项目	数量
行政诉讼	8件
第一行
第二行

第三行
`

func TestHTML(t *testing.T) {
	gbkMeta := strings.Replace(page, `<meta charset="utf-8">`, `<meta charset="gbk">`, 1)
	gb2312Equiv := strings.Replace(page, `<meta charset="utf-8">`,
		`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, 1)
	tests := []struct {
		name     string
		file     string
		data     []byte
		encoding string
	}{
		{"utf-8", "page.html", []byte(page), "html/utf-8"},
		{"upper-case extension", "PAGE.HTM", []byte(page), "html/utf-8"},
		{"sniffed", "-", []byte(page), "html/utf-8"},
		{"bom", "page.txt", append([]byte("\xEF\xBB\xBF"), page...), "html/utf-8-bom"},
		{"meta gbk", "page.html", encode(t, simplifiedchinese.GBK, gbkMeta), "html/gb18030"},
		{"http-equiv gb2312", "page.html", encode(t, simplifiedchinese.GBK, gb2312Equiv), "html/gb18030"},
		{"stale meta", "page.html", []byte(gbkMeta), "html/utf-8"},
		{"gbk without meta", "page.html", encode(t, simplifiedchinese.GBK, page), "html/gb18030"},
		{"utf-16le", "page.html", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), page), "html/utf-16le"},
		{"crlf", "page.html", []byte(strings.ReplaceAll(page, "\n", "\r\n")), "html/utf-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, tt.file, tt.data)
			if got := string(d.Text); got != pageText {
				t.Errorf("Text:\n%s\nwant:\n%s", got, pageText)
			}
			if d.Encoding != tt.encoding || d.Region != "安吉县" || d.Year != 2021 {
				t.Errorf("got %s %s %d, want %s 安吉县 2021", d.Encoding, d.Region, d.Year, tt.encoding)
			}
			var chrome []int
			for i, l := range d.Lines {
				if l.Chrome {
					chrome = append(chrome, i+1)
				}
			}
			if !equalInts(chrome, []int{2, 4}) {
				t.Errorf("chrome lines %v, want [2 4]", chrome)
			}
			checkDoc(t, d)
		})
	}
}

func TestHTMLElements(t *testing.T) {
	tests := []struct {
		name, html, text string
	}{
		{"asp.net form", `<html><body><form id="form1"><div>正文</div><input type="hidden" value="x">` +
			`<select><option>选项</option></select><button>提交</button><textarea>留言</textarea></form></body></html>`,
			"正文\n"},
		{"article header kept", `<html><body><header>网站头</header><article><header><h1>标题</h1></header>` +
			`<p>内容</p><footer>文末</footer></article><footer>网站尾</footer></body></html>`,
			"标题\n内容\n文末\n"},
		{"hidden", `<html><body><div style="display: none">隐藏</div><div hidden>也隐藏</div><p>可见</p></body></html>`,
			"可见\n"},
		{"pre", "<html><body><pre>第一行\n  第二行\n</pre></body></html>", "第一行\n第二行\n"},
		{"inline", `<html><body><p>共<span>办理</span><b>１２</b>件<script>x()</script>，<a href="#">详见</a></p></body></html>`,
			"共办理１２件，详见\n"},
		{"entities", `<html><body><p>A&amp;B &lt;C&gt; &quot;D&quot;&#x4E2D;&#25991;&ensp;E</p></body></html>`,
			"A&B <C> \"D\"中文 E\n"},
		{"aside noscript template", `<html><body><aside>侧栏</aside><noscript>无脚本</noscript>` +
			`<template><p>模板</p></template><p>正文</p></body></html>`,
			"正文\n"},
		{"no title", `<html><body><p>只有正文</p></body></html>`, "只有正文\n"},
	}
	// Region and year from the heading when the <title> lacks them.
	d := mustParse(t, "h.html", []byte(`<title>法治政府建设年度报告</title><h1>某某市2022年度法治政府建设情况报告</h1>`))
	if d.Region != "某某市" || d.Year != 2022 {
		t.Errorf("heading: got %q %d, want 某某市 2022", d.Region, d.Year)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, "p.html", []byte(tt.html))
			if got := string(d.Text); got != tt.text {
				t.Errorf("Text %q, want %q", got, tt.text)
			}
			checkDoc(t, d)
		})
	}
}

// TestDeepHTML covers pages the HTML parser rejects (nested deeper than 512
// elements): the token reader gives the same text.
func TestDeepHTML(t *testing.T) {
	if got := tokenText(page); got != pageText {
		t.Errorf("tokenText(page):\n%s\nwant:\n%s", got, pageText)
	}
	deep := "<html><head><title>关于2020年度法治政府建设的报告_某某区</title></head><body>" +
		strings.Repeat("<font>", 600) + "<nav>导航</nav><script>x()</script><p>正文&nbsp;１２件</p>" +
		"<table><tr><td>甲</td><td>乙</td></tr></table><br><br><br><pre>a\nb</pre>"
	d := mustParse(t, "deep.html", []byte(deep))
	want := "关于2020年度法治政府建设的报告_某某区\n正文 １２件\n甲\t乙\n\na\nb\n"
	if got := string(d.Text); got != want {
		t.Errorf("Text %q, want %q", got, want)
	}
	if d.Region != "某某区" || d.Year != 2020 {
		t.Errorf("got %s %d, want 某某区 2020", d.Region, d.Year)
	}
	checkDoc(t, d)
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"１２．５％", "12.5%"},
		{"。、“”「」《》", "。、“”「」《》"},
		{"（一）ＡＢｃ，：；！？", "(一)ABc,:;!?"},
		{"a\u3000b\u00a0c\u2002d\u2003e\u2009f\u200bg", "a b c d e f g"},
		{"1∶2", "1:2"},
		{"ｱｲ", "アイ"},
		{"法治政府", "法治政府"},
		{"", ""},
	}
	for _, tt := range tests {
		in := []rune(tt.in)
		got := Fold(in)
		if string(got) != tt.want || len(got) != len(in) {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, string(got), tt.want)
		}
	}
	d := mustParse(t, "x.txt", []byte("纠错率为１２．５％。\n"))
	if string(d.Folded) != "纠错率为12.5%。\n" || string(d.Text) != "纠错率为１２．５％。\n" {
		t.Errorf("Doc: Text %q Folded %q", string(d.Text), string(d.Folded))
	}
}

func TestLineOf(t *testing.T) {
	d := mustParse(t, "x.txt", []byte("ab\ncd\n\nef"))
	wantLines := []Line{{0, 2, false}, {3, 5, false}, {6, 6, false}, {7, 9, false}}
	if len(d.Lines) != len(wantLines) {
		t.Fatalf("Lines %v, want %v", d.Lines, wantLines)
	}
	for i := range wantLines {
		if d.Lines[i] != wantLines[i] {
			t.Errorf("Lines %v, want %v", d.Lines, wantLines)
		}
	}
	for _, tt := range []struct{ offset, line int }{
		{-1, 1}, {0, 1}, {1, 1}, {2, 1}, {3, 2}, {5, 2}, {6, 3}, {7, 4}, {9, 4}, {100, 4},
	} {
		if got := d.LineOf(tt.offset); got != tt.line {
			t.Errorf("LineOf(%d) = %d, want %d", tt.offset, got, tt.line)
		}
	}
	d = mustParse(t, "x.txt", []byte("ab\n"))
	if len(d.Lines) != 1 || d.Lines[0] != (Line{0, 2, false}) || d.LineOf(3) != 1 {
		t.Errorf("trailing newline: Lines %v, LineOf(3) %d", d.Lines, d.LineOf(3))
	}
	if got := (&Doc{}).LineOf(0); got != 0 {
		t.Errorf("LineOf on an empty Doc = %d, want 0", got)
	}
}

func TestChrome(t *testing.T) {
	long := "根据统计，" + strings.Repeat("法治政府建设", 12) + "，数据来源：市司法局。"
	tests := []struct {
		line   string
		chrome bool
	}{
		{"当前位置：首页 > 政务公开", true},
		{" > 政策文件 > 其他文件", true},
		{"索引号：001/2023-1", true},
		{"某某市人民政府关于2022年度法治政府建设情况的报告", false},
		{"发布时间：2023-02-24  浏览次数：", true},
		{"来源：某某市司法局", true},
		{"2021-03-17 来源:中共某某县委", true},
		{"资金来源：财政拨款100万元。", false},
		{long, false},
		{"【字体：大 中 小】【打印】", true},
		{"", false},
		{"版权所有：某某市人民政府 浙ICP备12345号", true},
		{"打印本页 关闭窗口", true},
		{"扫一扫在手机打开当前页", true},
		{"一、主要工作情况", false},
		{"全年共办理行政复议案件120件，同比增长12.5%。", false},
	}
	var b strings.Builder
	for _, tt := range tests {
		b.WriteString(tt.line + "\n")
	}
	d := mustParse(t, "x.txt", []byte(b.String()))
	if len(d.Lines) != len(tests) {
		t.Fatalf("%d lines, want %d", len(d.Lines), len(tests))
	}
	for i, tt := range tests {
		if d.Lines[i].Chrome != tt.chrome {
			t.Errorf("line %q: Chrome %v, want %v", tt.line, d.Lines[i].Chrome, tt.chrome)
		}
	}
}

func TestRegionYear(t *testing.T) {
	tests := []struct {
		name, text string
		region     string
		year       int
	}{
		{"county title", "某某县2021年度法治政府建设情况报告\n\n一、主要工作\n", "某某县", 2021},
		{"关于 title", "关于2019年度嘉兴市法治政府建设工作的报告\n", "嘉兴市", 2019},
		{"first sentence only", "2024年,临平区坚持依法行政，全面推进法治建设。\n一、主要做法\n", "临平区", 2024},
		{"first sentence full-width", "　　2024年度，临平区坚持依法行政。\n", "临平区", 2024},
		{"innermost", "杭州市余杭区人民政府关于2021年度法治政府建设工作情况的报告\n", "余杭区", 2021},
		{"issuer above title", "中共苏州市姑苏区委 苏州市姑苏区人民政府\n关于2022年度法治政府建设情况的报告\n", "姑苏区", 2022},
		{"publication date only", "发布时间:2023-02-24\n我市坚持依法行政。\n", "", 0},
		{"year from body", "凤凰县法治政府建设工作报告\n2020年，我县坚持依法行政。\n", "凤凰县", 2020},
		{"autonomous prefecture", "湘西土家族苗族自治州人民政府关于2020年法治政府建设情况的报告\n", "湘西土家族苗族自治州", 2020},
		{"autonomous region", "广西壮族自治区人民政府关于2021年法治政府建设情况的报告\n", "广西壮族自治区", 2021},
		{"chinese numerals, header", "来源：泰顺县人民政府\n二〇二二年度法治政府建设工作报告\n二〇二二年，全县坚持依法行政。\n", "泰顺县", 2022},
		{"generic only", "全市2021年依法行政工作报告\n", "", 2021},
		{"full-width digits", "杭州市人民政府\n关于２０２３年度法治政府建设情况的报告\n", "杭州市", 2023},
		{"依法治区 is no name", "区委依法治区办关于2022年度法治政府建设的报告\n", "", 2022},
		{"not a title: long", "我们" + strings.Repeat("认真", 40) + "听取2019年法治政府建设报告。\n2021年,某某区坚持依法行政。\n", "某某区", 2021},
		{"sentence subject generic", "2023年，我市坚持依法行政，推进社区治理。\n", "", 2023},
		{"chrome title ignored", "当前位置：首页 > 关于2018年度甲乙县法治政府建设的报告\n2019年，丙丁县坚持依法行政。\n", "丙丁县", 2019},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustParse(t, "x.txt", []byte(tt.text))
			if d.Region != tt.region || d.Year != tt.year {
				t.Errorf("got %q %d, want %q %d", d.Region, d.Year, tt.region, tt.year)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		msg  string
		is   []error
	}{
		{"x.txt", nil, "x.txt: empty file", []error{ErrEmpty}},
		{"x.txt", []byte("\xEF\xBB\xBF"), "x.txt: empty file", []error{ErrEmpty}},
		{"x.txt", []byte(" \r\n\t\u3000\n"), "x.txt: no text (whitespace only)", []error{ErrNoText, ErrEmpty}},
		{"report.txt", []byte("abc\x00def"), "report.txt: binary file (NUL bytes), not a report", []error{ErrBinary}},
		{"u.txt", encode(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "a\x00b"),
			"u.txt: binary file (NUL bytes), not a report", []error{ErrBinary}},
		{"p.html", []byte("<html><script>x()</script><!-- c --></html>"), "p.html: no text (whitespace only)", []error{ErrNoText}},
	}
	for _, tt := range tests {
		d, err := Parse(tt.name, tt.data)
		if err == nil {
			t.Errorf("Parse(%q, %q) = %v, want error", tt.name, tt.data, d)
			continue
		}
		if err.Error() != tt.msg {
			t.Errorf("error %q, want %q", err, tt.msg)
		}
		for _, target := range tt.is {
			if !errors.Is(err, target) {
				t.Errorf("error %q is not %q", err, target)
			}
		}
	}
	if _, err := Parse("x", []byte("\x00")); errors.Is(err, ErrEmpty) {
		t.Errorf("binary error %q matches ErrEmpty", err)
	}
}

// checkDoc checks the invariants of every Doc.
func checkDoc(t testing.TB, d *Doc) {
	t.Helper()
	if len(d.Folded) != len(d.Text) {
		t.Fatalf("len(Folded) %d != len(Text) %d", len(d.Folded), len(d.Text))
	}
	if len(d.Lines) == 0 {
		t.Fatalf("no lines")
	}
	next := 0
	for i, l := range d.Lines {
		if l.Start != next || l.End < l.Start || l.End > len(d.Text) {
			t.Fatalf("line %d %v does not follow offset %d (len %d)", i+1, l, next, len(d.Text))
		}
		for _, r := range d.Text[l.Start:l.End] {
			if r == '\n' || r == '\r' {
				t.Fatalf("line %d holds %q", i+1, r)
			}
		}
		if l.End < len(d.Text) && d.Text[l.End] != '\n' {
			t.Fatalf("line %d ends at %q", i+1, d.Text[l.End])
		}
		if got := d.LineOf(l.Start); got != i+1 {
			t.Fatalf("LineOf(%d) = %d, want %d", l.Start, got, i+1)
		}
		if got := d.LineOf(l.End); got != i+1 {
			t.Fatalf("LineOf(%d) = %d, want %d", l.End, got, i+1)
		}
		next = l.End + 1
	}
	if last := d.Lines[len(d.Lines)-1]; last.End != len(d.Text) && last.End != len(d.Text)-1 {
		t.Fatalf("last line %v, text length %d", last, len(d.Text))
	}
	for _, r := range d.Text {
		if r == 0 {
			t.Fatalf("NUL in Text")
		}
	}
	if !utf8.ValidString(string(d.Text)) {
		t.Fatalf("Text is not valid UTF-8")
	}
	if d.Year != 0 && (d.Year < 1900 || d.Year > 2099) {
		t.Fatalf("Year %d", d.Year)
	}
	if n := utf8.RuneCountInString(d.Region); d.Region != "" && (n < 2 || n > 12) {
		t.Fatalf("Region %q", d.Region)
	}
}

func FuzzParse(f *testing.F) {
	for _, c := range corpus {
		data := readCorpus(f, c.file)
		f.Add(data[:min(len(data), 2048)], false)
	}
	f.Add([]byte(page), true)
	f.Add([]byte("<!doctype html><title>关于2021年度法治政府建设的报告</title><p>x</p>"), false)
	f.Add([]byte("\xEF\xBB\xBF2023年，某某区坚持依法行政。\r\n"), false)
	f.Add([]byte("\xFF\xFEa\x00b\x00"), false)
	f.Add([]byte("\xFE\xFF\x00a\x00b"), true)
	f.Add([]byte("\xb7\xa8\xd6\xce\r\n"), false)
	f.Add([]byte(""), false)
	f.Add([]byte("<html><meta charset=big5>\xa4\xa4"), true)
	f.Add([]byte("<title>t</title>"+strings.Repeat("<font>", 520)+"<nav>n</nav><pre>a\nb</pre><td>x<br>"), true)
	f.Add([]byte("来源：某某县人民政府\n二〇二二年度法治政府建设工作报告\n二〇二二年，全县坚持。"), false)
	f.Fuzz(func(t *testing.T, data []byte, html bool) {
		name := "f.txt"
		if html {
			name = "f.html"
		}
		d, err := Parse(name, data)
		if err != nil {
			if d != nil {
				t.Fatalf("Doc and error %v", err)
			}
			if !strings.HasPrefix(err.Error(), name+": ") || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %q", err)
			}
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrNotText) {
				t.Fatalf("unexpected error %q", err)
			}
			return
		}
		if d.Name != name || d.Encoding == "" {
			t.Fatalf("Name %q Encoding %q", d.Name, d.Encoding)
		}
		checkDoc(t, d)
	})
}
