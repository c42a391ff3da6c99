package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/zhibiao/zhibiao/internal/table"
	"github.com/zhibiao/zhibiao/rules"
)

func (a *app) rulesCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List, check and dump the rule files",
		Long: "The metric catalog lives in rule files (YAML). The defaults are embedded in zhibiao;\n" +
			"`rules dump DIR` writes them out to edit, and --rules DIR makes every command use the edited\n" +
			"files after the embedded ones (a metric id defined again replaces the earlier one).\n" +
			"See docs/rules.md.",
	}
	cmd.AddCommand(a.rulesListCmd(), a.rulesCheckCmd(), a.rulesDumpCmd())
	return cmd
}

func (a *app) rulesListCmd() *cobra.Command {
	var all bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "The metrics in force: id, name, unit, triggers and the rule's file:line",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := rules.Load(a.rulePaths...)
			if err != nil {
				return err
			}
			rows := [][]string{{"id", "name", "unit", "triggers", "rule"}}
			var parts [][]string
			for _, m := range set.Metrics {
				row := []string{m.ID, m.Name, m.Unit, strings.Join(m.Triggers, " "), m.Pos.String()}
				if m.Internal {
					parts = append(parts, row)
				} else {
					rows = append(rows, row)
				}
			}
			if err := table.Write(a.stdout, rows); err != nil {
				return err
			}
			if all && len(parts) > 0 {
				fmt.Fprintf(a.stdout, "\ninternal parts (inputs of formulas, never written as records):\n")
				return table.Write(a.stdout, parts)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, "also list the internal parts (inputs of formulas)")
	return cmd
}

func (a *app) rulesCheckCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "check [FILE|DIR...]",
		Short: "Validate rule files; every problem as file:line:col: message",
		Long: "check reads the rule files given (or only the embedded defaults) on top of the embedded\n" +
			"defaults, as extract would, and prints every problem as file:line:col: message.\n" +
			"Exit status 2 on any error.",
		RunE: func(cmd *cobra.Command, args []string) error {
			paths := append(slices.Clone(a.rulePaths), args...)
			set, err := rules.Load(paths...)
			if err != nil {
				var re rules.Errors
				if errors.As(err, &re) {
					for _, e := range re {
						fmt.Fprintln(a.stdout, e)
					}
					return usageError{fmt.Errorf("%s in the rule files", plural(len(re), "problem"))}
				}
				return usageError{err}
			}
			fmt.Fprintf(a.stdout, "ok: %d metrics (and %d internal parts), %d topics\n",
				len(set.Catalog()), len(set.Metrics)-len(set.Catalog()), len(set.Topics))
			return nil
		},
	}
}

func (a *app) rulesDumpCmd() *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "dump DIR",
		Short: "Write the embedded default rule files to DIR, to copy and edit",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			dir := args[0]
			files, err := rules.DefaultSource()
			if err != nil {
				return err
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
			names := make([]string, 0, len(files))
			for name := range files {
				names = append(names, name)
			}
			slices.Sort(names)
			for _, name := range names {
				path := filepath.Join(dir, name)
				if _, err := os.Stat(path); err == nil && !force {
					return usageError{fmt.Errorf("%s exists (use --force to overwrite)", path)}
				} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
					return err
				}
			}
			for _, name := range names {
				path := filepath.Join(dir, name)
				data := append([]byte(dumpHeader), files[name]...)
				if err := os.WriteFile(path, data, 0o644); err != nil {
					return err
				}
				fmt.Fprintln(a.stdout, path)
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite files that exist")
	return cmd
}

// dumpHeader opens every dumped rule file.
const dumpHeader = `# zhibiao rule file, dumped from the embedded defaults.
# Edit it, check it with:   zhibiao rules check DIR
# and use it with:          zhibiao extract --rules DIR REPORTS...
# A metric id defined here replaces the embedded one; a new id adds a metric.
# Keys of a metric: id, name, unit (% 件 人 次 个 项 元 ratio), triggers,
# and optionally topic, require, exclude, value_before. See docs/rules.md.

`

// plural gives "1 problem" or "3 problems".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
