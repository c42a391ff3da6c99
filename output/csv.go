package output

import (
	"bufio"
	"encoding/csv"
	"io"

	"github.com/zhibiao/zhibiao/extract"
)

// utf8BOM is the UTF-8 byte order mark, which spreadsheet programs need to
// read a CSV file as UTF-8.
const utf8BOM = "\uFEFF"

// CSV writes records as comma-separated values: a header row of
// [extract.Header], then one row per record.
type CSV struct {
	w *csv.Writer
}

// NewCSV returns a CSV writer on w and writes the header row, preceded by a
// UTF-8 byte order mark when bom is true. Output is buffered; errors,
// including those of the header, are reported by Write or Close.
func NewCSV(w io.Writer, bom bool) *CSV {
	// csv.NewWriter reuses buf rather than wrapping it again, so the BOM
	// and the rows share one buffer and one sticky error.
	buf := bufio.NewWriter(w)
	if bom {
		buf.WriteString(utf8BOM)
	}
	c := &CSV{w: csv.NewWriter(buf)}
	c.w.Write(extract.Header)
	return c
}

// Write writes one record as a CSV row.
func (c *CSV) Write(rec extract.Record) error {
	return c.w.Write(rec.Strings())
}

// Close flushes the output and returns the first error met while writing.
// It does not close the underlying writer.
func (c *CSV) Close() error {
	c.w.Flush()
	return c.w.Error()
}
