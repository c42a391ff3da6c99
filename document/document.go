package document

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Doc is one decoded report.
type Doc struct {
	Name     string // path as given (or "-")
	Text     []rune // decoded text; every offset in the project is a rune index into this, half-open
	Folded   []rune // same length as Text: width-folded copy for matching
	Encoding string // "utf-8", "utf-8-bom", "gb18030", "utf-16le", "utf-16be"; "html/…" for HTML pages
	Region   string // issuing government, e.g. 玉环市; "" if unknown
	Year     int    // year the report is about; 0 if unknown
	Lines    []Line // every line of Text, in order
}

// Line is one line of Doc.Text.
type Line struct {
	Start, End int  // rune offsets into Text; End excludes the '\n'
	Chrome     bool // web-page furniture (breadcrumbs, publication data…) to ignore
}

// Sentinel errors, usable with errors.Is. Parse wraps them with the file name.
var (
	// ErrEmpty: the input has no bytes (or only a byte order mark). A
	// whitespace-only input (ErrNoText) also matches ErrEmpty.
	ErrEmpty error = &sentinel{msg: "empty file"}
	// ErrNoText: the input decodes to whitespace only (for HTML: no visible text).
	ErrNoText error = &sentinel{msg: "no text (whitespace only)", parent: ErrEmpty}
	// ErrBinary: the input holds NUL bytes and is not UTF-16.
	ErrBinary error = &sentinel{msg: "binary file (NUL bytes), not a report"}
	// ErrNotText: the input decodes to too many control or undecodable
	// characters to be a report, in any encoding tried.
	ErrNotText error = &sentinel{msg: "not text"}
)

// maxJunk is the share of control and undecodable characters (U+FFFD) a
// decoded report may hold. Real reports have next to none; random bytes
// decoded as GB18030 have about one in ten.
const maxJunk = 0.01

// maxJunkCount is how many such characters any report may hold (a page cut
// off in the middle of a character, a stray byte).
const maxJunkCount = 8

// sentinel is an error value that may also match a more general sentinel.
type sentinel struct {
	msg    string
	parent error
}

func (e *sentinel) Error() string { return e.msg }
func (e *sentinel) Unwrap() error { return e.parent }

// Parse decodes one report. name is the path as given, used in Doc.Name, in
// error messages and, by its extension (.html, .htm), to recognize HTML pages.
// Parse never panics; its errors are one line and start with name.
func Parse(name string, data []byte) (*Doc, error) {
	s, enc, err := decode(name, data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s = normalizeNewlines(s)
	if strings.TrimFunc(s, isBlank) == "" {
		return nil, fmt.Errorf("%s: %w", name, ErrNoText)
	}
	text := []rune(s)
	if n := junkCount(text); n > maxJunkCount && float64(n) > maxJunk*float64(len(text)) {
		return nil, fmt.Errorf("%s: %w: %.0f%% of the characters are control or undecodable bytes (read as %s)", name, ErrNotText, 100*float64(n)/float64(len(text)), enc)
	}
	d := &Doc{
		Name:     name,
		Text:     text,
		Folded:   Fold(text),
		Encoding: enc,
	}
	d.Lines = splitLines(d.Text, d.Folded)
	d.Region, d.Year = about(d)
	return d, nil
}

// junkCount counts the runes that are control characters (other than tab,
// line feed, carriage return, form feed) or U+FFFD.
func junkCount(text []rune) int {
	junk := 0
	for _, r := range text {
		if r == utf8.RuneError || r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\f' || r == 0x7f {
			junk++
		}
	}
	return junk
}

// LineOf returns the 1-based number of the line holding the rune at offset.
// The offset of a line's '\n' belongs to that line. Offsets before the text
// give line 1, offsets past it the last line; a Doc without lines gives 0.
func (d *Doc) LineOf(offset int) int {
	n := len(d.Lines)
	if n == 0 {
		return 0
	}
	i := sort.Search(n, func(i int) bool { return d.Lines[i].Start > offset })
	if i == 0 {
		return 1
	}
	return i
}

// normalizeNewlines turns "\r\n" and lone "\r" into "\n".
func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// isBlank reports whether r shows nothing: white space, zero-width space or a
// stray byte order mark.
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// ReadFile reads and parses the report at path.
func ReadFile(path string) (*Doc, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}
