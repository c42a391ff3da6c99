// Package output writes extracted records to files.
//
// It is the last step of the flow extract → output: package extract turns
// reports into [extract.Record] values, and this package serializes them as
// CSV ([NewCSV]) or JSON Lines ([NewJSONL]), always with the columns of
// [extract.Header] in that order. It knows nothing of how records are found.
//
// Output files are written atomically: [Create] writes to a temporary file
// next to the destination and [File.Commit] renames it into place, so an
// interrupted run never leaves a truncated file behind. [FormatOf] picks the
// format from a --format flag or the file extension.
package output

import "github.com/zhibiao/zhibiao/extract"

// RecordWriter is what the CSV and JSONL writers have in common.
type RecordWriter interface {
	// Write writes one record.
	Write(rec extract.Record) error
	// Close flushes buffered output and reports any earlier write error.
	// It does not close the underlying io.Writer.
	Close() error
}

var (
	_ RecordWriter = (*CSV)(nil)
	_ RecordWriter = (*JSONL)(nil)
)
