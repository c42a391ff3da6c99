package document

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// htmlText returns the visible text of an HTML page, one block per line: the
// <title> first, then the body without scripts, styles, navigation, headers,
// footers, asides, frames, form controls, hidden elements and comments.
// Entities are decoded and &nbsp; becomes a space. Within a line white space
// collapses to one space (a tab where table cells meet); lines are trimmed
// and runs of blank lines collapse to one.
func htmlText(src string) string {
	root, err := html.Parse(strings.NewReader(src))
	if err != nil {
		// The parser rejects pages nested deeper than 512 elements (old
		// pages with unclosed <font> tags get there): read the tokens.
		return tokenText(src)
	}
	var w textWriter
	if t := findTitle(root); t != nil {
		w.text(nodeText(t), false)
		w.hardBreak()
	}
	walk(root, &w)
	return w.result()
}

// skipElements are never shown as text. <form> is not among them: ASP.NET
// pages wrap the whole body in one; its controls are skipped instead.
var skipElements = []string{
	"head", "title", "script", "style", "noscript", "iframe", "frame",
	"noframes", "template", "nav", "aside", "select", "button", "textarea",
	"object", "embed", "svg", "math", "canvas", "audio", "video",
}

// blockElements start and end a line.
var blockElements = []string{
	"address", "article", "aside", "blockquote", "body", "caption", "center",
	"dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
	"figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
	"h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
	"nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot",
	"thead", "tr", "ul",
}

func isOneOf(s string, list []string) bool {
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}

// skipped reports whether the element n and its content are left out.
func skipped(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return n.Type != html.TextNode && n.Type != html.DocumentNode
	}
	if isOneOf(n.Data, skipElements) || hidden(n) {
		return true
	}
	if n.Data == "header" || n.Data == "footer" {
		// The header of an <article> holds its title: keep it.
		for p := n.Parent; p != nil; p = p.Parent {
			if p.Type == html.ElementNode && isOneOf(p.Data, []string{"article", "main", "section"}) {
				return false
			}
		}
		return true
	}
	return false
}

// hidden reports whether an element is hidden by its attributes.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			style := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// walk writes the text under root, without recursion (pages can nest deeply).
func walk(root *html.Node, w *textWriter) {
	n := root
	for n != nil {
		if enter(n, w) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		for n != nil {
			leave(n, w)
			if n == root {
				return
			}
			if n.NextSibling != nil {
				n = n.NextSibling
				break
			}
			n = n.Parent
		}
	}
}

// enter writes what comes before the content of n and reports whether its
// content is to be written.
func enter(n *html.Node, w *textWriter) bool {
	if n.Type == html.TextNode {
		w.text(n.Data, inPre(n))
		return false
	}
	if n.Type == html.ElementNode {
		switch {
		case n.Data == "br":
			w.hardBreak()
		case n.Data == "td" || n.Data == "th":
			w.cell()
		case isOneOf(n.Data, blockElements):
			w.ensureBreak()
		}
	}
	return !skipped(n)
}

// leave writes what comes after the content of n.
func leave(n *html.Node, w *textWriter) {
	if n.Type == html.ElementNode && isOneOf(n.Data, blockElements) {
		w.ensureBreak()
	}
}

// inPre reports whether a text node is inside <pre>, where line breaks count.
func inPre(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && (p.Data == "pre" || p.Data == "textarea" || p.Data == "listing") {
			return true
		}
	}
	return false
}

// findTitle returns the page's <title> element, or nil.
func findTitle(root *html.Node) *html.Node {
	n := root
	for n != nil {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "title":
				return n
			case "svg", "math", "body":
				n = next(root, n, false)
				continue
			}
		}
		n = next(root, n, true)
	}
	return nil
}

// next returns the node after n in document order under root, descending
// into n's children if down is set; nil at the end.
func next(root, n *html.Node, down bool) *html.Node {
	if down && n.FirstChild != nil {
		return n.FirstChild
	}
	for ; n != nil && n != root; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

// nodeText returns the text directly inside n.
func nodeText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// textWriter collects the text of a page.
type textWriter struct {
	b       strings.Builder
	hasText bool // the current line holds visible text
}

// text writes a text node. Outside <pre> its line breaks are spaces.
func (w *textWriter) text(s string, pre bool) {
	s = normalizeNewlines(s)
	for i, part := range strings.Split(s, "\n") {
		if i > 0 {
			if pre {
				w.hardBreak()
			} else {
				w.b.WriteByte(' ')
			}
		}
		w.b.WriteString(part)
		if strings.TrimFunc(part, unicode.IsSpace) != "" {
			w.hasText = true
		}
	}
}

// ensureBreak ends the current line if it holds text.
func (w *textWriter) ensureBreak() {
	if w.hasText {
		w.hardBreak()
	}
}

// hardBreak ends the current line, even an empty one (<br>).
func (w *textWriter) hardBreak() {
	w.b.WriteByte('\n')
	w.hasText = false
}

// cell separates table cells on a line.
func (w *textWriter) cell() {
	if w.hasText {
		w.b.WriteByte('\t')
	}
}

// result returns the collected lines, cleaned up, each ending in '\n'.
func (w *textWriter) result() string {
	var out strings.Builder
	blank := false
	for _, line := range strings.Split(w.b.String(), "\n") {
		line = collapseSpace(line)
		if line == "" {
			blank = out.Len() > 0
			continue
		}
		if blank {
			out.WriteByte('\n')
			blank = false
		}
		out.WriteString(line)
		out.WriteByte('\n')
	}
	return out.String()
}

// collapseSpace trims a line and turns each run of white space inside it
// into one space, or one tab if the run holds a tab.
func collapseSpace(line string) string {
	line = strings.TrimFunc(line, unicode.IsSpace)
	var b strings.Builder
	run, tab := false, false
	for _, r := range line {
		if unicode.IsSpace(r) {
			run = true
			tab = tab || r == '\t'
			continue
		}
		if run {
			if tab {
				b.WriteByte('\t')
			} else {
				b.WriteByte(' ')
			}
			run, tab = false, false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// voidElements have no end tag.
var voidElements = []string{
	"area", "base", "br", "col", "embed", "frame", "hr", "img", "input",
	"keygen", "link", "meta", "param", "source", "track", "wbr",
}

// tokenText is htmlText for pages the parser rejects: it reads the tokens
// and follows the same rules, without a tree. Attributes (hidden) are not
// looked at; skipped elements end at their end tag.
func tokenText(src string) string {
	z := html.NewTokenizer(strings.NewReader(src))
	var (
		w        textWriter
		title    strings.Builder
		skip     []string // open skipped elements
		inTitle  bool
		pre      int // open <pre> elements
		sections int // open <article>, <main> and <section> elements
	)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			var out textWriter
			out.text(title.String(), false)
			out.hardBreak()
			out.b.WriteString(w.b.String())
			return out.result()
		case html.TextToken:
			switch {
			case inTitle:
				title.Write(z.Text())
			case len(skip) == 0:
				w.text(string(z.Text()), pre > 0)
			}
			continue
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
		default:
			continue
		}
		name, _ := z.TagName()
		tag := string(name)
		isSkip := isOneOf(tag, skipElements) && tag != "head" && tag != "title" ||
			(tag == "header" || tag == "footer") && sections == 0
		if tt == html.EndTagToken {
			for i := len(skip) - 1; i >= 0; i-- {
				if skip[i] == tag {
					skip = skip[:i]
					break
				}
			}
			switch tag {
			case "title":
				inTitle = false
			case "pre":
				pre = max(pre-1, 0)
			case "article", "main", "section":
				sections = max(sections-1, 0)
			}
			if len(skip) == 0 && isOneOf(tag, blockElements) {
				w.ensureBreak()
			}
			continue
		}
		if isSkip && tt == html.StartTagToken && !isOneOf(tag, voidElements) {
			skip = append(skip, tag)
			w.ensureBreak()
			continue
		}
		if len(skip) > 0 {
			continue
		}
		switch {
		case tag == "title":
			// Only the first title counts; later ones are dropped.
			inTitle = tt == html.StartTagToken && title.Len() == 0
			if !inTitle && tt == html.StartTagToken {
				skip = append(skip, tag)
			}
		case tag == "br":
			w.hardBreak()
		case tag == "td" || tag == "th":
			w.cell()
		case isOneOf(tag, blockElements):
			w.ensureBreak()
		}
		if tt == html.StartTagToken {
			switch tag {
			case "pre":
				pre++
			case "article", "main", "section":
				sections++
			}
		}
	}
}
