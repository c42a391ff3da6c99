package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/zhibiao/zhibiao/document"
	"github.com/zhibiao/zhibiao/segment"
)

func (a *app) segmentCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "segment FILE",
		Short: "Print the gse tokens of a report, one sentence a line",
		Long:  "segment shows how zhibiao cuts a report: one sentence a line, tokens separated by /,\nwith the rule words loaded as a domain lexicon. Use it to see why a trigger did not match.",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			_, seg, err := a.segmenter()
			if err != nil {
				return err
			}
			doc, err := document.ReadFile(args[0])
			if err != nil {
				return err
			}
			for _, line := range doc.Lines {
				if line.Chrome {
					continue
				}
				for _, s := range segment.Sentences(doc.Folded, line.Start, line.End) {
					var words []string
					for _, t := range seg.Cut(doc.Folded, s.Start, s.End) {
						if w := strings.TrimSpace(t.Text); w != "" {
							words = append(words, w)
						}
					}
					fmt.Fprintf(a.stdout, "%d: %s\n", doc.LineOf(s.Start), strings.Join(words, " / "))
				}
			}
			return nil
		},
	}
}
