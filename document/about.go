package document

import (
	"strings"
	"unicode"
)

// The title is looked for among the first titleWindow lines that are neither
// blank nor chrome, and is at most maxTitleLen runes long.
const (
	titleWindow = 30
	maxTitleLen = 80
)

// about guesses the issuing government and the year the report is about.
//
// A title is a line of at most maxTitleLen runes, among the first
// titleWindow content lines, that holds 报告 and 法治 or 依法行政. An HTML
// page may have two: its <title> and its heading.
//
// Year: the first year (2022年, 二〇二二年) in the first title that has one;
// else the year that opens the first body sentence ("2023年,海东市坚持…").
// Publication dates (发布时间 2023-02-24) are never read.
//
// Region: the last administrative name in the first title (the innermost
// one: 温州市龙湾区 gives 龙湾区); else in the line just above it (the
// issuer, as in "中共温州市龙湾区委 温州市龙湾区人民政府"); else in a later
// title; else the name that opens a clause of the first body sentence; else
// the one after 来源 or 发布机构 in the page header.
func about(d *Doc) (region string, year int) {
	line := func(i int) []rune { return d.Folded[d.Lines[i].Start:d.Lines[i].End] }
	blank := func(i int) bool { return strings.TrimFunc(string(line(i)), isBlank) == "" }

	// The top of the page: lines up to the titleWindow-th content line.
	var content []int
	end := len(d.Lines)
	for i, l := range d.Lines {
		if l.Chrome || blank(i) {
			continue
		}
		content = append(content, i)
		if len(content) == titleWindow {
			end = i + 1
			break
		}
	}

	var titles []int
	for _, i := range content {
		if s := line(i); len(s) <= maxTitleLen && isTitle(string(s)) {
			titles = append(titles, i)
		}
	}
	var sentence []rune // first body sentence after its leading "YYYY年,"
	sentenceYear := 0
	for _, i := range content {
		if y, rest, ok := yearLead(line(i)); ok {
			sentenceYear, sentence = y, rest
			break
		}
	}

	for _, i := range titles {
		if year = firstYear(line(i)); year != 0 {
			break
		}
	}
	for k, i := range titles {
		if region == "" {
			region = lastName(line(i))
		}
		if region == "" && k == 0 {
			region = issuer(d, i)
		}
	}
	if year == 0 {
		year = sentenceYear
	}
	if region == "" {
		region = leadName(sentence)
	}
	for i := 0; i < end && region == ""; i++ {
		if d.Lines[i].Chrome {
			region = headerName(string(line(i)))
		}
	}
	return region, year
}

// issuer returns the administrative name on the nearest non-blank line above
// the title, if that line is short and not chrome: the issuer, as in
// "中共温州市龙湾区委 温州市龙湾区人民政府".
func issuer(d *Doc, title int) string {
	for i := title - 1; i >= 0; i-- {
		l := d.Lines[i]
		s := d.Folded[l.Start:l.End]
		if strings.TrimFunc(string(s), isBlank) == "" {
			continue
		}
		if l.Chrome || len(s) > maxTitleLen {
			return ""
		}
		return lastName(s)
	}
	return ""
}

// isTitle reports whether a line reads like the title of a report on the
// rule-of-law government.
func isTitle(s string) bool {
	return strings.Contains(s, "报告") &&
		(strings.Contains(s, "法治") || strings.Contains(s, "依法行政"))
}

// chineseDigit returns the value of a Chinese numeral digit, or -1.
func chineseDigit(r rune) int {
	switch r {
	case '〇', '零', '○':
		return 0
	}
	if i := strings.IndexRune("一二三四五六七八九", r); i >= 0 {
		return i/len("一") + 1
	}
	return -1
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// yearAt reads a year followed by 年 at s[i:], and returns it with the
// offset just after 年.
func yearAt(s []rune, i int) (year, end int, ok bool) {
	if i+5 > len(s) || s[i+4] != '年' {
		return 0, 0, false
	}
	arabic := isDigit(s[i])
	for _, r := range s[i : i+4] {
		v := chineseDigit(r)
		if arabic {
			v = -1
			if isDigit(r) {
				v = int(r - '0')
			}
		}
		if v < 0 {
			return 0, 0, false
		}
		year = year*10 + v
	}
	if year < 1900 || year > 2099 {
		return 0, 0, false
	}
	return year, i + 5, true
}

// firstYear returns the first year (2022年, 二〇二二年) in s, or 0.
func firstYear(s []rune) int {
	for i := range s {
		if i > 0 && (isDigit(s[i-1]) || chineseDigit(s[i-1]) >= 0) {
			continue
		}
		if y, _, ok := yearAt(s, i); ok {
			return y
		}
	}
	return 0
}

// yearLead reads a line that opens with "YYYY年," or "YYYY年度,", and returns
// the year and the rest of the first sentence.
func yearLead(s []rune) (year int, rest []rune, ok bool) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	year, i, ok = yearAt(s, i)
	if !ok {
		return 0, nil, false
	}
	if i < len(s) && s[i] == '度' {
		i++
	}
	if i >= len(s) || s[i] != ',' {
		return 0, nil, false
	}
	rest = s[i+1:]
	for j, r := range rest {
		if r == '。' {
			return year, rest[:j], true
		}
	}
	return year, rest, true
}

// lastName returns the last administrative name in s, or "".
func lastName(s []rune) string {
	names := adminNames(s)
	if len(names) == 0 {
		return ""
	}
	return names[len(names)-1].name
}

// leadName returns the first administrative name in s that opens a clause
// (a run of Han characters): "海东市坚持…" gives 海东市.
func leadName(s []rune) string {
	for _, n := range adminNames(s) {
		if n.lead {
			return n.name
		}
	}
	return ""
}

// headerMarkers introduce the issuer in a page header.
var headerMarkers = []string{"信息来源", "来源", "发布机构", "发文机关", "发布单位"}

// headerName returns the administrative name after a header marker, as in
// "来源:中共凤凰县委 凤凰县人民政府" (凤凰县), or "".
func headerName(s string) string {
	for _, m := range headerMarkers {
		if i := strings.Index(s, m); i >= 0 {
			if name := leadName([]rune(s[i+len(m):])); name != "" {
				return name
			}
		}
	}
	return ""
}

// A place is an administrative name found in text.
type place struct {
	name string
	lead bool // the name opens a run of Han characters (after function words)
}

// adminNames returns the administrative names in s, in order: 2–6 Han
// characters ending in 省 市 县 区 州 盟 旗 (up to 12 for 自治区, 自治州, 自治县,
// 自治旗). A name starts at the start of a run of Han characters or just
// after the previous name; leading function words (关于, 年度, 中共…) are
// stripped, and generic words (全市, 社区…) rejected.
func adminNames(s []rune) []place {
	var out []place
	start := 0
	for i, r := range s {
		if !unicode.Is(unicode.Han, r) {
			start = i + 1
			continue
		}
		if !strings.ContainsRune("省市县区州盟旗", r) {
			continue
		}
		// 州 inside a name: 杭州市, 通州区.
		if r == '州' && i+1 < len(s) && strings.ContainsRune("市区县", s[i+1]) {
			continue
		}
		lead := start == 0 || !unicode.Is(unicode.Han, s[start-1])
		if name := cleanName(string(s[start : i+1])); name != "" {
			out = append(out, place{name: name, lead: lead})
		}
		start = i + 1
	}
	return out
}

// functionWords are stripped from the front of a candidate name.
var functionWords = []string{"关于", "年度", "年", "中共", "的", "我", "在", "对", "及", "与"}

// cleanName strips leading function words from a candidate and returns it if
// it is a plausible administrative name, else "".
func cleanName(s string) string {
	for stripped := true; stripped; {
		stripped = false
		for _, w := range functionWords {
			if strings.HasPrefix(s, w) {
				s, stripped = s[len(w):], true
			}
		}
	}
	n := len([]rune(s))
	longest := 6
	if strings.HasPrefix(string([]rune(s)[max(n-3, 0):]), "自治") {
		longest = 12
	}
	if n < 2 || n > longest || isGenericPlace(s) || !nameEnding(s) {
		return ""
	}
	return s
}

// isGenericPlace reports whether s is a word that ends like an administrative
// name but names no particular government.
func isGenericPlace(s string) bool {
	switch s {
	case "全市", "全县", "全区", "全省", "全州", "全盟", "全旗",
		"我市", "我县", "我区", "我省", "我州",
		"本市", "本县", "本区", "本省", "该市", "该县", "该区",
		"各市", "各县", "各区", "各省", "各州",
		"市区", "城区", "社区", "地区", "辖区", "县区", "区县", "园区", "景区",
		"街区", "片区", "山区", "新区", "省市", "市县", "市州", "州市", "省区",
		"行政区", "开发区", "自治区", "自治州", "自治县", "自治旗":
		return true
	}
	return false
}

// notNameEndings end words that look like administrative names but are not.
var notNameEndings = []string{
	"社区", "园区", "景区", "街区", "片区", "辖区", "小区", "校区", "专区",
	"盲区", "误区", "禁区", "示范区", "试验区", "实验区", "先行区",
	"上市", "超市", "股市", "节省", "反省", "联盟", "同盟", "结盟",
	"国旗", "党旗", "红旗",
}

// nameEnding reports whether the end of s allows an administrative name. It
// rejects notNameEndings and 依法治区/治市/治县/治省 (but not 自治区…).
func nameEnding(s string) bool {
	for _, e := range notNameEndings {
		if strings.HasSuffix(s, e) {
			return false
		}
	}
	r := []rune(s)
	n := len(r)
	if n >= 2 && r[n-2] == '治' && (n < 3 || r[n-3] != '自') {
		return false
	}
	return true
}
