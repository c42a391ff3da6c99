package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/zhibiao/zhibiao/eval"
	"github.com/zhibiao/zhibiao/extract"
)

func (a *app) evalCmd() *cobra.Command {
	var (
		goldPath  string
		skipKinds []string
	)
	cmd := &cobra.Command{
		Use:   "eval --gold GOLD.csv PATH...",
		Short: "Score extraction against a gold CSV: precision, recall, F1",
		Long: "eval extracts PATH... and compares the records with a gold CSV\n" +
			"(doc,metric,value,unit,kind,qualifier,scope,evidence; doc is the file name up to the first _).\n" +
			"A record matches a gold row when doc, metric, value, unit, kind, qualifier and scope agree.\n" +
			"Gold rows of documents not given are ignored. Misses and false hits are listed.",
		Example: "  zhibiao eval --gold ../shared/corpus/gold.csv testdata/corpus --skip-kind derived",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if goldPath == "" {
				return usageError{fmt.Errorf("--gold is required")}
			}
			f, err := os.Open(goldPath)
			if err != nil {
				return usageError{err}
			}
			gold, err := eval.LoadGold(goldPath, f)
			f.Close()
			if err != nil {
				return usageError{err}
			}
			x, _, err := a.engine()
			if err != nil {
				return err
			}
			var docs []string
			var recs []extract.Record
			failed := 0
			ins := listInputs(args)
			err = a.process(cmd.Context(), x, ins, func(r result) error {
				if r.err != nil {
					failed++
					fmt.Fprintf(a.stderr, "zhibiao: error: %s\n", describe(r))
					return nil
				}
				docs = append(docs, eval.DocOf(r.in.path))
				recs = append(recs, r.res.Records...)
				return nil
			})
			if err != nil {
				return err
			}
			rep := eval.Score(gold, docs, recs, eval.Options{SkipKinds: skipKinds})
			if err := rep.Write(a.stdout); err != nil {
				return err
			}
			if failed > 0 {
				return inputsError{failed, len(ins)}
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&goldPath, "gold", "", "gold CSV to score against (required)")
	cmd.Flags().StringArrayVar(&skipKinds, "skip-kind", nil, "leave out gold rows and records of this kind (repeatable), e.g. derived")
	return cmd
}
