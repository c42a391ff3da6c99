package eval

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/zhibiao/zhibiao/extract"
)

// Gold is one figure a report is known to contain: a row of the gold CSV.
type Gold struct {
	Doc       string // input file name up to the first "_", as "004"
	Metric    string // canonical Chinese name, as 行政复议纠错率
	Value     string // decimal as written in the gold file
	Unit      string
	Kind      string
	Qualifier string
	Scope     string // empty if the report itself
	Evidence  string // for people; never compared
	Line      int    // 1-based line of the row in the gold file
}

// LoadGold reads a gold CSV. name is used in error messages, which have the
// form "name:line: problem".
//
// The file must start with a header naming the columns doc, metric, value,
// unit, kind, qualifier, scope and evidence, in any order; other columns are
// ignored. A leading UTF-8 byte order mark is skipped. Fields other than
// evidence are trimmed of surrounding spaces.
func LoadGold(name string, r io.Reader) ([]Gold, error) {
	columns := []string{"doc", "metric", "value", "unit", "kind", "qualifier", "scope", "evidence"}
	kinds := specKinds()
	qualifiers := []string{"exact", "approx", "lower", "upper"}

	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\uFEFF" {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // counted below, for a clearer message

	read := func() ([]string, int, error) {
		fields, err := cr.Read()
		if err == nil {
			line, _ := cr.FieldPos(0)
			return fields, line, nil
		}
		if err == io.EOF {
			return nil, 0, err
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, 0, fmt.Errorf("%s:%d: %w", name, pe.Line, pe.Err)
		}
		return nil, 0, fmt.Errorf("%s: %w", name, err)
	}

	header, line, err := read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s:1: missing header (want %s)", name, strings.Join(columns, ","))
	}
	if err != nil {
		return nil, err
	}
	col := make(map[string]int)
	for i, h := range header {
		h = strings.TrimSpace(h)
		if _, dup := col[h]; dup && slices.Contains(columns, h) {
			return nil, fmt.Errorf("%s:%d: duplicate column %q", name, line, h)
		}
		col[h] = i
	}
	for _, c := range columns {
		if _, ok := col[c]; !ok {
			return nil, fmt.Errorf("%s:%d: missing column %q", name, line, c)
		}
	}

	var gold []Gold
	for {
		fields, line, err := read()
		if err == io.EOF {
			return gold, nil
		}
		if err != nil {
			return nil, err
		}
		if len(fields) != len(header) {
			return nil, fmt.Errorf("%s:%d: want %d fields, got %d", name, line, len(header), len(fields))
		}
		get := func(c string) string { return strings.TrimSpace(fields[col[c]]) }
		g := Gold{
			Doc:       get("doc"),
			Metric:    get("metric"),
			Value:     get("value"),
			Unit:      get("unit"),
			Kind:      get("kind"),
			Qualifier: get("qualifier"),
			Scope:     get("scope"),
			Evidence:  fields[col["evidence"]],
			Line:      line,
		}
		switch {
		case g.Doc == "":
			return nil, fmt.Errorf("%s:%d: empty doc", name, line)
		case g.Metric == "":
			return nil, fmt.Errorf("%s:%d: empty metric", name, line)
		case !isNumber(g.Value):
			return nil, fmt.Errorf("%s:%d: value %q is not a number", name, line, g.Value)
		case !slices.Contains(kinds, g.Kind):
			return nil, fmt.Errorf("%s:%d: unknown kind %q (want %s)", name, line, g.Kind, strings.Join(kinds, ", "))
		case !slices.Contains(qualifiers, g.Qualifier):
			return nil, fmt.Errorf("%s:%d: unknown qualifier %q (want %s)", name, line, g.Qualifier, strings.Join(qualifiers, ", "))
		}
		gold = append(gold, g)
	}
}

// DocOf returns the document id of an input file: its base name up to the
// first "_", or, when there is none, the base name without its extension.
// "corpus/004_minhang_2020.txt" is "004"; "004.txt" is "004" too.
func DocOf(file string) string {
	base := filepath.Base(file)
	if i := strings.Index(base, "_"); i >= 0 {
		return base[:i]
	}
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// specKinds returns the kinds of the SPEC, in SPEC order.
func specKinds() []string {
	return []string{
		extract.KindLevel, extract.KindChange, extract.KindPrevious,
		extract.KindTarget, extract.KindDerived,
	}
}
