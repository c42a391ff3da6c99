package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/output"
	"github.com/zhibiao/zhibiao/rules"
)

func (a *app) extractCmd() *cobra.Command {
	var (
		outPath, format string
		bom             bool
		metrics         []string
	)
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Write one record per figure found in the reports",
		Long: "extract reads each PATH (a file, a folder walked for .txt/.text/.html/.htm, or - for\n" +
			"standard input) and writes one record per catalog figure, with the clause it came from.",
		Example: "  zhibiao extract testdata/corpus -o metrics.csv\n  zhibiao extract report.html --format jsonl",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			kind, err := output.FormatOf(outPath, format)
			if err != nil {
				return usageError{err}
			}
			if kind == output.FormatXLSX {
				return usageError{errors.New("xlsx output is not available yet: use .csv or .jsonl")}
			}
			x, set, err := a.engine()
			if err != nil {
				return err
			}
			keep, err := metricFilter(set, metrics)
			if err != nil {
				return err
			}
			return a.extract(cmd, x, listInputs(args), outPath, kind, bom, keep)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&outPath, "output", "o", "", "output file (.csv, .jsonl); default: CSV on standard output")
	f.StringVar(&format, "format", "", "output format: csv or jsonl (default: from the -o extension)")
	f.BoolVar(&bom, "bom", false, "start CSV output with a UTF-8 byte-order mark, for Excel")
	f.StringArrayVar(&metrics, "metric", nil, "only this metric (id or Chinese name; repeatable)")
	return cmd
}

// metricFilter turns --metric values into a set of ids, or nil for all.
func metricFilter(set *rules.Set, names []string) (map[string]bool, error) {
	if len(names) == 0 {
		return nil, nil
	}
	keep := map[string]bool{}
	for _, n := range names {
		m := set.Metric(n)
		if m == nil {
			return nil, usageError{fmt.Errorf("unknown metric %q (see zhibiao rules list)", n)}
		}
		keep[m.ID] = true
	}
	return keep, nil
}

// recordWriter is what extract needs of an output format.
type recordWriter interface {
	Write(extract.Record) error
	Close() error
}

func (a *app) extract(cmd *cobra.Command, x *extract.Extractor, ins []input, outPath, kind string, bom bool, keep map[string]bool) (err error) {
	var dst io.Writer = a.stdout
	var file *output.File
	if outPath != "" && outPath != "-" {
		file, err = output.Create(outPath)
		if err != nil {
			return err
		}
		defer func() {
			if err != nil && !isInputs(err) {
				file.Abort()
			}
		}()
		dst = file
	}
	var w recordWriter
	if kind == output.FormatJSONL {
		w = output.NewJSONL(dst)
	} else {
		w = output.NewCSV(dst, bom)
	}
	failed := 0
	err = a.process(cmd.Context(), x, ins, func(r result) error {
		if r.err != nil {
			failed++
			fmt.Fprintf(a.stderr, "zhibiao: error: %s\n", describe(r))
			return nil
		}
		for _, rec := range r.res.Records {
			if keep != nil && !keep[rec.MetricID] {
				continue
			}
			if err := w.Write(rec); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	if file != nil {
		if err := file.Commit(); err != nil {
			return err
		}
	}
	if failed > 0 {
		return inputsError{failed, len(ins)}
	}
	return nil
}

func isInputs(err error) bool {
	var ie inputsError
	return errors.As(err, &ie)
}
