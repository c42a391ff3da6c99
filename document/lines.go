package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxChromeLen is the longest line, in runes, that can be chrome: a body
// paragraph that happens to mention 来源 or 发布时间 is longer.
const maxChromeLen = 80

// chromeMarkers are words of web-page furniture: breadcrumbs, publication
// data, page tools, footers. They are matched on folded text.
var chromeMarkers = []string{
	"当前位置", "您现在的位置", "您的位置", "首页>", "首页 >", "打印本页",
	"关闭窗口", "扫一扫", "分享到", "索引号", "发布机构", "发布时间",
	"发布日期", "发文日期", "成文日期", "生成日期", "浏览次数", "访问次数",
	"【字体", "【打印", "信息来源", "主题分类", "组配分类", "公开方式",
	"公开范围", "文件编号", "网站地图", "版权所有", "ICP备", "公网安备",
	"网站标识码", "相关文档", "相关链接",
}

// chromeLabels are markers that are chrome only when they do not follow a Han
// character: "来源:玉环市" is page data, "资金来源:" is body text.
var chromeLabels = []string{"来源:", "字体:", "字号:"}

// splitLines cuts text into lines at '\n' and marks the chrome ones. A final
// '\n' ends the last line; it does not start an empty one.
func splitLines(text, folded []rune) []Line {
	var lines []Line
	start := 0
	for i, r := range text {
		if r == '\n' {
			lines = append(lines, Line{Start: start, End: i})
			start = i + 1
		}
	}
	if start < len(text) || len(lines) == 0 {
		lines = append(lines, Line{Start: start, End: len(text)})
	}
	for i := range lines {
		lines[i].Chrome = isChrome(folded[lines[i].Start:lines[i].End])
	}
	return lines
}

// isChrome reports whether a (folded) line is web-page furniture: short, and
// holding a chrome marker or shaped like a breadcrumb ("> 政务公开 > 政策文件").
func isChrome(line []rune) bool {
	if len(line) > maxChromeLen {
		return false
	}
	s := strings.TrimSpace(string(line))
	if s == "" {
		return false
	}
	if strings.HasPrefix(s, ">") || strings.HasPrefix(s, "»") || strings.HasPrefix(s, "›") ||
		strings.Count(s, ">") >= 2 {
		return true
	}
	for _, m := range chromeMarkers {
		if strings.Contains(s, m) {
			return true
		}
	}
	for _, m := range chromeLabels {
		if labelAt(s, m) >= 0 {
			return true
		}
	}
	return false
}

// labelAt returns the byte index just after the first occurrence of label in
// s that does not follow a Han character, or -1.
func labelAt(s, label string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], label)
		if i < 0 {
			return -1
		}
		i += off
		if prev, _ := utf8.DecodeLastRuneInString(s[:i]); i == 0 || !unicode.Is(unicode.Han, prev) {
			return i + len(label)
		}
		off = i + len(label)
	}
}
