package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/output"
	"github.com/zhibiao/zhibiao/rules"
)

// extractOptions are the flags of extract, checked.
type extractOptions struct {
	outPath  string          // "" or "-": standard output
	format   string          // output.FormatCSV, FormatJSONL or FormatXLSX
	bom      bool            // UTF-8 BOM on CSV
	keep     map[string]bool // metric ids to write; nil: all
	progress string          // auto, always or never
}

func (a *app) extractCmd() *cobra.Command {
	var (
		opts            extractOptions
		format, shardAt string
		metrics         []string
	)
	cmd := &cobra.Command{
		Use:   "extract PATH...",
		Short: "Write one record per figure found in the reports",
		Long: "extract reads each PATH (a file, a folder walked for .txt/.text/.html/.htm, or - for\n" +
			"standard input) and writes one record per catalog figure, with the clause it came from.",
		Example: "  zhibiao extract testdata/corpus -o metrics.csv\n" +
			"  zhibiao extract testdata/corpus -o metrics.xlsx\n" +
			"  zhibiao extract report.html --format jsonl\n" +
			"  zhibiao extract --shard 2/8 reports -o part2.csv",
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var err error
			opts.format, err = output.FormatOf(opts.outPath, format)
			if err != nil {
				return usageError{err}
			}
			if err := checkProgress(opts.progress); err != nil {
				return usageError{err}
			}
			sh, err := parseShard(shardAt)
			if err != nil {
				return usageError{err}
			}
			x, set, err := a.engine()
			if err != nil {
				return err
			}
			opts.keep, err = metricFilter(set, metrics)
			if err != nil {
				return err
			}
			return a.extract(cmd.Context(), x, set, sh.filter(listInputs(args)), opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.outPath, "output", "o", "", "output file (.csv, .jsonl, .xlsx); default: CSV on standard output")
	f.StringVar(&format, "format", "", "output format: csv, jsonl or xlsx (default: from the -o extension)")
	f.BoolVar(&opts.bom, "bom", false, "start CSV output with a UTF-8 byte-order mark, for Excel")
	f.StringArrayVar(&metrics, "metric", nil, "only this metric (id or Chinese name; repeatable)")
	f.StringVar(&opts.progress, "progress", progressAuto, "progress bar on standard error: auto (when it is a terminal), always or never")
	f.StringVar(&shardAt, "shard", "", "only the inputs of shard i of n (i/n, 1-based), by a stable hash of each path")
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

// sink is what extract needs of an output format: one input's result at a
// time, in input order, then close (write out) or abort.
type sink interface {
	add(r result, res extract.Result) error
	close() error
	abort()
}

// recordSink writes the records of CSV and JSONL.
type recordSink struct {
	w interface {
		Write(extract.Record) error
		Close() error
	}
}

func (s recordSink) add(_ result, res extract.Result) error {
	for _, rec := range res.Records {
		if err := s.w.Write(rec); err != nil {
			return err
		}
	}
	return nil
}

func (s recordSink) close() error { return s.w.Close() }
func (s recordSink) abort()       {}

// xlsxSink fills the four sheets of the workbook.
type xlsxSink struct{ w *output.XLSX }

func (s xlsxSink) add(r result, res extract.Result) error {
	info := output.FileInfo{File: r.in.path}
	if r.err != nil {
		info.Err = errors.New(describe(r))
	} else if r.doc != nil {
		info.Region, info.Year = r.doc.Region, r.doc.Year
		info.Encoding, info.Chars = r.doc.Encoding, len(r.doc.Text)
	}
	return s.w.AddFile(info, res)
}

func (s xlsxSink) close() error { return s.w.Close() }
func (s xlsxSink) abort()       { s.w.Abort() }

// extract reads the inputs and writes their records in input order. With an
// output file, the file appears only when everything was written (even if
// some inputs could not be read, exit 1); on any other error, or when ctx
// is cancelled, an existing file is left as it was and no temporary file
// stays behind.
func (a *app) extract(ctx context.Context, x *extract.Extractor, set *rules.Set, ins []input, opts extractOptions) (err error) {
	var dst io.Writer = a.stdout
	var file *output.File
	if opts.outPath != "" && opts.outPath != "-" {
		file, err = output.Create(opts.outPath)
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
	var out sink
	switch opts.format {
	case output.FormatJSONL:
		out = recordSink{output.NewJSONL(dst)}
	case output.FormatXLSX:
		out = xlsxSink{output.NewXLSX(dst, set.Metrics)}
	default:
		out = recordSink{output.NewCSV(dst, opts.bom)}
	}
	defer func() {
		if err != nil && !isInputs(err) {
			out.abort()
		}
	}()

	bar := newProgress(a.stderr, opts.progress, len(ins))
	failed := 0
	err = a.process(ctx, x, ins, func(r result) error {
		res := r.res
		if r.err != nil {
			failed++
			bar.printf("zhibiao: error: %s\n", describe(r))
		} else {
			res = filterResult(res, opts.keep)
			for _, c := range res.Checks {
				if c.Status != extract.StatusOK {
					bar.printf("zhibiao: warning: %s\n", c.Message)
				}
			}
		}
		if err := out.add(r, res); err != nil {
			return err
		}
		bar.step(len(res.Records))
		return nil
	})
	bar.done()
	if err != nil {
		return err
	}
	if err := out.close(); err != nil {
		return outputError(opts.outPath, err)
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

// outputError names the output in a write error.
func outputError(path string, err error) error {
	if path == "" || path == "-" {
		path = "standard output"
	}
	return fmt.Errorf("write %s: %w", path, err)
}

// filterResult keeps the records and checks of the metrics in keep (all
// when keep is nil).
func filterResult(res extract.Result, keep map[string]bool) extract.Result {
	if keep == nil {
		return res
	}
	var out extract.Result
	for _, rec := range res.Records {
		if keep[rec.MetricID] {
			out.Records = append(out.Records, rec)
		}
	}
	for _, c := range res.Checks {
		if keep[c.Metric] {
			out.Checks = append(out.Checks, c)
		}
	}
	return out
}

func isInputs(err error) bool {
	var ie inputsError
	return errors.As(err, &ie)
}
