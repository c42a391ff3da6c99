package output

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Output formats, as returned by [FormatOf].
const (
	FormatCSV   = "csv"
	FormatJSONL = "jsonl"
	FormatXLSX  = "xlsx"
)

// FormatOf returns the output format for path: format itself when it is
// given (csv, jsonl or xlsx, in any case), else the one named by the
// extension of path (.csv; .jsonl or .ndjson; .xlsx; in any case). Standard
// output, "" or "-", is CSV.
func FormatOf(path, format string) (string, error) {
	if format != "" {
		switch f := strings.ToLower(format); f {
		case FormatCSV, FormatJSONL, FormatXLSX:
			return f, nil
		}
		return "", fmt.Errorf("unknown format %q (use csv, jsonl or xlsx)", format)
	}
	if path == "" || path == "-" {
		return FormatCSV, nil
	}
	ext := filepath.Ext(path)
	switch strings.ToLower(ext) {
	case ".csv":
		return FormatCSV, nil
	case ".jsonl", ".ndjson":
		return FormatJSONL, nil
	case ".xlsx":
		return FormatXLSX, nil
	case "":
		return "", fmt.Errorf("output file %q has no extension (use .csv, .jsonl or .xlsx, or --format)", path)
	}
	return "", fmt.Errorf("unknown output format %q (use .csv, .jsonl or .xlsx, or --format)", ext)
}
