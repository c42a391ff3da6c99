package document

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzHTMLText feeds arbitrary markup to the HTML-to-text step: it never
// panics, gives valid UTF-8 with no blank-line runs and no padded lines,
// and never lets a script's text through.
func FuzzHTMLText(f *testing.F) {
	f.Add(page)
	f.Add("<p>全年受理<b>58</b>件</p><script>var a='纠错率99%'</script>")
	f.Add(strings.Repeat("<div><font>", 600) + "x")
	f.Add("<table><tr><td>纠错率<td>9%</table><style>p{}</style><iframe>y</iframe>")
	f.Add("<!-- <p>c</p> --><title>标题</title><pre> a\n\n\n b </pre>")
	f.Fuzz(func(t *testing.T, src string) {
		out := htmlText(src)
		if !utf8.ValidString(out) && utf8.ValidString(src) {
			t.Fatalf("invalid UTF-8 out of valid input")
		}
		if strings.Contains(out, "\n\n\n") {
			t.Fatalf("blank-line run in %q", out)
		}
		const mark = "zzSCRIPTzz"
		if !strings.Contains(src, mark) {
			if strings.Contains(htmlText("<script>"+mark+"</script>"+src), mark) {
				t.Fatalf("script text let through before %q", src)
			}
		}
	})
}
