package eval

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Write writes the report as plain text: a table of counts and scores per
// metric (sorted by name), one per kind, the misses, the false hits, and a
// last line with the overall scores:
//
//	overall: tp=41 fp=3 fn=6 precision=0.932 recall=0.872 f1=0.901
func (r *Report) Write(w io.Writer) error {
	var b bytes.Buffer

	metrics := slices.Sorted(maps.Keys(r.ByMetric))
	writeTable(&b, "metric", metrics, r.ByMetric)
	b.WriteString("\n")
	writeTable(&b, "kind", kindOrder(r.ByKind), r.ByKind)

	b.WriteString("\n")
	writeList(&b, "misses", len(r.Misses), func(i int) string {
		g := r.Misses[i]
		return fmt.Sprintf("%s %s — %s (gold line %d)",
			orDash(g.Doc), fields(g.Metric, g.Value, g.Unit, g.Kind, g.Qualifier, g.Scope),
			oneLine(g.Evidence), g.Line)
	})
	b.WriteString("\n")
	writeList(&b, "false hits", len(r.FalseHits), func(i int) string {
		rec := r.FalseHits[i]
		return fmt.Sprintf("%s:%d %s — %s",
			rec.File, rec.Line, fields(rec.Metric, rec.Value, rec.Unit, rec.Kind, rec.Qualifier, rec.Scope),
			oneLine(rec.Evidence))
	})

	b.WriteString("\n")
	c := r.Overall
	fmt.Fprintf(&b, "overall: tp=%d fp=%d fn=%d precision=%.3f recall=%.3f f1=%.3f\n",
		c.TP, c.FP, c.FN, c.Precision(), c.Recall(), c.F1())
	_, err := w.Write(b.Bytes())
	return err
}

// writeTable writes a table of counts and scores, one row per key.
func writeTable(b *bytes.Buffer, name string, keys []string, counts map[string]Counts) {
	rows := [][]string{{name, "tp", "fp", "fn", "precision", "recall", "f1"}}
	for _, k := range keys {
		c := counts[k]
		rows = append(rows, []string{
			orDash(k), strconv.Itoa(c.TP), strconv.Itoa(c.FP), strconv.Itoa(c.FN),
			f3(c.Precision()), f3(c.Recall()), f3(c.F1()),
		})
	}
	writeAligned(b, rows)
}

// writeAligned writes rows as columns two spaces apart, the first column
// aligned left and the others right. Widths are in terminal columns, with
// Chinese characters two wide (which text/tabwriter does not know).
func writeAligned(b *bytes.Buffer, rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	for _, row := range rows {
		for i, cell := range row {
			pad := strings.Repeat(" ", widths[i]-displayWidth(cell))
			switch {
			case i == 0:
				b.WriteString(cell)
				if len(row) > 1 {
					b.WriteString(pad)
				}
			default:
				b.WriteString("  ")
				b.WriteString(pad)
				b.WriteString(cell)
			}
		}
		b.WriteString("\n")
	}
}

// writeList writes "title:" and then n items, indented, one per line, or
// "title: none".
func writeList(b *bytes.Buffer, title string, n int, item func(int) string) {
	if n == 0 {
		fmt.Fprintf(b, "%s: none\n", title)
		return
	}
	fmt.Fprintf(b, "%s:\n", title)
	for i := range n {
		fmt.Fprintf(b, "  %s\n", item(i))
	}
}

// kindOrder returns the kinds in counts: the SPEC's kinds in SPEC order,
// then any others sorted.
func kindOrder(counts map[string]Counts) []string {
	var kinds []string
	known := specKinds()
	for _, k := range known {
		if _, ok := counts[k]; ok {
			kinds = append(kinds, k)
		}
	}
	var other []string
	for k := range counts {
		if !slices.Contains(known, k) {
			other = append(other, k)
		}
	}
	slices.Sort(other)
	return append(kinds, other...)
}

// fields joins figure fields with spaces, showing empty ones as "-".
func fields(s ...string) string {
	for i := range s {
		s[i] = orDash(s[i])
	}
	return strings.Join(s, " ")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// oneLine puts evidence on one line.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func f3(x float64) string { return strconv.FormatFloat(x, 'f', 3, 64) }

// displayWidth is the number of terminal columns s takes: two for East
// Asian wide and fullwidth characters, one for others.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n++
		if isWide(r) {
			n++
		}
	}
	return n
}

// isWide reports whether r is East Asian wide or fullwidth (the main
// ranges: Hangul Jamo, CJK punctuation and ideographs, Hangul syllables,
// compatibility ideographs, fullwidth forms, the supplementary ideographic
// planes).
func isWide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r <= 0x115F,
		0x2E80 <= r && r <= 0x303E,
		0x3041 <= r && r <= 0x33FF,
		0x3400 <= r && r <= 0x4DBF,
		0x4E00 <= r && r <= 0x9FFF,
		0xA000 <= r && r <= 0xA4CF,
		0xAC00 <= r && r <= 0xD7A3,
		0xF900 <= r && r <= 0xFAFF,
		0xFE30 <= r && r <= 0xFE4F,
		0xFF00 <= r && r <= 0xFF60,
		0xFFE0 <= r && r <= 0xFFE6,
		0x20000 <= r && r <= 0x3FFFD:
		return true
	}
	return false
}
