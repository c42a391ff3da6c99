// Package table writes plain-text tables whose columns line up in a
// terminal, counting Chinese characters as two columns wide (which
// text/tabwriter does not know).
package table

import (
	"io"
	"strings"

	"golang.org/x/text/width"
)

// Align says how a column is aligned.
type Align int

// Alignments.
const (
	Left Align = iota
	Right
)

// Write writes rows as columns two spaces apart. align gives each column's
// alignment; columns beyond it are aligned left. Trailing spaces are not
// written.
func Write(w io.Writer, rows [][]string, align ...Align) error {
	var widths []int
	for _, row := range rows {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], Width(cell))
		}
	}
	var b strings.Builder
	for _, row := range rows {
		var line strings.Builder
		for i, cell := range row {
			if i > 0 {
				line.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-Width(cell))
			if i < len(align) && align[i] == Right {
				line.WriteString(pad + cell)
			} else {
				line.WriteString(cell + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Width is the number of terminal columns s takes: two for East Asian wide
// and fullwidth characters, one for others.
func Width(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}
