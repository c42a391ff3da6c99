package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/zhibiao/zhibiao/document"
	"github.com/zhibiao/zhibiao/extract"
)

func (a *app) explainCmd() *cobra.Command {
	var metric string
	cmd := &cobra.Command{
		Use:   "explain FILE",
		Short: "Show why each figure of a report was (or was not) found",
		Long: "explain prints, for each sentence that yielded a record or nearly did: the gse tokens,\n" +
			"the triggers found, and for each number what became of it — the record it gave and the\n" +
			"rule file:line, or why each candidate was rejected (another clause, a year, out of range,\n" +
			"an excluded word, the wrong topic, lost to a closer trigger…).",
		Example: "  zhibiao explain report.txt --metric 行政复议纠错率",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			x, set, err := a.engine()
			if err != nil {
				return err
			}
			if metric != "" && set.Metric(metric) == nil {
				return usageError{fmt.Errorf("unknown metric %q (see zhibiao rules list)", metric)}
			}
			doc, err := document.ReadFile(args[0])
			if err != nil {
				return err
			}
			w := a.stdout
			fmt.Fprintf(w, "%s: %s %s, %s\n", args[0], orDash(doc.Region), yearText(doc.Year), doc.Encoding)
			for _, e := range x.Explain(doc, metric) {
				fmt.Fprintf(w, "\n%s:%d: %s\n", args[0], e.Line, e.Sentence)
				fmt.Fprintf(w, "  tokens: %s\n", strings.Join(e.Tokens, " / "))
				printTriggers(w, e)
				var skipped, unreached []string
				for _, n := range e.Numbers {
					switch {
					case len(n.Notes) == 1 && strings.HasPrefix(n.Notes[0], notFigure):
						skipped = append(skipped, fmt.Sprintf("%s (%s)", n.Text, strings.TrimPrefix(n.Notes[0], notFigure)))
					case len(n.Notes) == 1 && n.Notes[0] == noRecord:
						unreached = append(unreached, n.Text)
					default:
						printNumber(w, n)
					}
				}
				if len(unreached) > 0 {
					fmt.Fprintf(w, "  no trigger in reach: %s\n", strings.Join(unreached, ", "))
				}
				if len(skipped) > 0 {
					fmt.Fprintf(w, "  not figures: %s\n", strings.Join(skipped, ", "))
				}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&metric, "metric", "", "only sentences where this metric's triggers stand (id or Chinese name)")
	return cmd
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func yearText(y int) string {
	if y == 0 {
		return "year unknown"
	}
	return fmt.Sprint(y)
}

// The notes extract writes for a number that is no figure, or got nothing.
const (
	notFigure = "not a figure: "
	noRecord  = "no record"
)

// printTriggers lists each trigger word once, with the metrics it names.
func printTriggers(w io.Writer, e extract.Explanation) {
	seen := map[string]bool{}
	for _, t := range e.Triggers {
		if seen[t.Word] {
			continue
		}
		seen[t.Word] = true
		var ms []string
		for _, m := range t.Metrics {
			ms = append(ms, fmt.Sprintf("%s (%s)", m.ID, m.Pos))
		}
		fmt.Fprintf(w, "  trigger %s: %s\n", t.Word, strings.Join(ms, ", "))
	}
}

// printNumber shows what became of one number: its record first, then the
// candidates rejected on the way.
func printNumber(w io.Writer, n extract.NumberNote) {
	var result string
	var why []string
	for _, note := range n.Notes {
		switch {
		case strings.HasPrefix(note, "→"):
			if result != "" {
				result += "; "
			}
			result += note
		case note != noRecord:
			why = append(why, note)
		}
	}
	if result == "" {
		result = ": " + noRecord
	} else {
		result = " " + result
	}
	fmt.Fprintf(w, "  %s%s\n", n.Text, result)
	for _, note := range why {
		fmt.Fprintf(w, "      %s\n", note)
	}
}
