package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/spf13/cobra"

	"github.com/zhibiao/zhibiao/extract"
	"github.com/zhibiao/zhibiao/rules"
	"github.com/zhibiao/zhibiao/segment"
)

// Exit codes, as in the SPEC.
const (
	exitOK     = 0
	exitInputs = 1 // some inputs could not be read; the others were written
	exitUsage  = 2 // usage or rule-file error; nothing written
)

// usageError marks an error as the user's call being wrong (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// inputsError says some inputs failed (exit 1); they were named on stderr.
type inputsError struct{ failed, total int }

func (e inputsError) Error() string {
	return fmt.Sprintf("%d of %d inputs could not be read", e.failed, e.total)
}

// app holds the streams and the options shared by the commands.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	rulePaths      []string
	dict           string
	jobs           int
	discover       bool
	maxSize        byteSize
}

// newApp returns an app with the default options.
func newApp(stdin io.Reader, stdout, stderr io.Writer) *app {
	return &app{
		stdin: stdin, stdout: stdout, stderr: stderr,
		dict:    segment.DictCompact,
		jobs:    runtime.NumCPU(),
		maxSize: byteSize{16 << 20},
	}
}

// run is the whole command line: it takes its streams and returns the exit
// code, so tests drive it without a subprocess.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := newApp(stdin, stdout, stderr)
	root := &cobra.Command{
		Use:           "zhibiao",
		Short:         "Extract figures from Chinese government report prose",
		Long:          "zhibiao reads 法治政府建设年度报告 and similar reports (.txt or saved .html, UTF-8 or GBK),\nfinds the catalog figures in their sentences and writes one normalized record per figure.",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		if a.jobs < 1 {
			return usageError{fmt.Errorf("-j wants at least 1 worker, got %d", a.jobs)}
		}
		return nil
	}
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	pf := root.PersistentFlags()
	pf.StringArrayVar(&a.rulePaths, "rules", nil, "rule file or folder, after the embedded rules (repeatable; later files override a metric id)")
	pf.StringVar(&a.dict, "dict", a.dict, "gse base dictionary: compact, zh_s, zh or none")
	pf.IntVarP(&a.jobs, "jobs", "j", a.jobs, "parallel workers")
	pf.Var(&a.maxSize, "max-size", "largest input read, e.g. 16MB, 500KB; larger files are reported and skipped")
	pf.BoolVar(&a.discover, "discover", false, "also emit uncatalogued …率/…比 figures, with metric_id other (extract, explain)")
	root.AddCommand(a.extractCmd(), a.segmentCmd(), a.evalCmd(), a.rulesCmd(), a.explainCmd())
	for _, c := range allCommands(root) {
		if c.Args != nil {
			c.Args = usageArgs(c.Args)
		}
	}

	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "zhibiao: error: %v\n", err)
	var ie inputsError
	var ue usageError
	var re rules.Errors
	switch {
	case errors.As(err, &ie):
		return exitInputs
	case errors.As(err, &ue), errors.As(err, &re):
		return exitUsage
	case strings.HasPrefix(err.Error(), "unknown command"), strings.HasPrefix(err.Error(), "unknown flag"):
		return exitUsage
	}
	// Anything else (a cancelled run, a full disk) failed the run itself.
	return exitInputs
}

// usageArgs marks cobra's argument-count errors as usage errors (exit 2).
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

// segmenter loads the rules in force and builds the segmenter with their
// words as its lexicon.
func (a *app) segmenter() (*rules.Set, *segment.Segmenter, error) {
	set, err := rules.Load(a.rulePaths...)
	var re rules.Errors
	if errors.As(err, &re) {
		return nil, nil, err
	} else if err != nil {
		return nil, nil, usageError{err} // a --rules path that cannot be read
	}
	seg, err := segment.New(set.Lexicon(), a.dict)
	if err != nil {
		return nil, nil, usageError{err}
	}
	return set, seg, nil
}

// engine loads the rules in force and builds the segmenter and extractor.
// A broken rule set stops the command before any input is read.
func (a *app) engine() (*extract.Extractor, *rules.Set, error) {
	set, seg, err := a.segmenter()
	if err != nil {
		return nil, nil, err
	}
	x := extract.New(seg, set)
	x.Discover = a.discover
	return x, set, nil
}

// allCommands lists a command and all its subcommands.
func allCommands(c *cobra.Command) []*cobra.Command {
	out := []*cobra.Command{c}
	for _, sub := range c.Commands() {
		out = append(out, allCommands(sub)...)
	}
	return out
}
