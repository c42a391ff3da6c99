package eval

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/zhibiao/zhibiao/internal/table"
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

// writeAligned writes rows as columns, the first aligned left and the
// others right.
func writeAligned(b *bytes.Buffer, rows [][]string) {
	align := []table.Align{table.Left}
	for range rows[0][1:] {
		align = append(align, table.Right)
	}
	table.Write(b, rows, align...)
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
