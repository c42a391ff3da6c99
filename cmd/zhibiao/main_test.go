package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/zhibiao/zhibiao/eval"
	"github.com/zhibiao/zhibiao/extract"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/corpus")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"zhibiao": func() {
			os.Exit(run(context.Background(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
		},
	})
}

// TestScripts runs the CLI stories of testdata/script/*.txtar.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
}

// TestCorpusGolden extracts each seed report and compares the CSV with its
// golden file, exactly. go test ./cmd/zhibiao -update rewrites them; read
// the diff line by line before committing it.
func TestCorpusGolden(t *testing.T) {
	t.Chdir("../..")
	reports, err := filepath.Glob("testdata/corpus/*.txt")
	if err != nil || len(reports) == 0 {
		t.Fatalf("no reports in testdata/corpus: %v", err)
	}
	args := append([]string{"extract", "-j", "2"}, reports...)
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), args, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	// Split the one CSV into one golden file per report, header on each.
	lines := strings.SplitAfter(stdout.String(), "\n")
	header, rows := lines[0], lines[1:]
	for _, report := range reports {
		var b strings.Builder
		b.WriteString(header)
		for _, row := range rows {
			if strings.HasPrefix(row, report+",") {
				b.WriteString(row)
			}
		}
		golden := strings.TrimSuffix(report, ".txt") + ".golden.csv"
		if *update {
			if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatalf("%v (run go test ./cmd/zhibiao -update to create it)", err)
		}
		if got := b.String(); got != string(want) {
			t.Errorf("%s differs from %s:\n%s", report, golden, lineDiff(string(want), got))
		}
	}
}

// lineDiff lists the lines only in want (-) and only in got (+).
func lineDiff(want, got string) string {
	in := func(s string) map[string]int {
		m := map[string]int{}
		for _, l := range strings.Split(s, "\n") {
			m[l]++
		}
		return m
	}
	w, g := in(want), in(got)
	var b strings.Builder
	for _, l := range strings.Split(want, "\n") {
		if g[l] == 0 {
			b.WriteString("- " + l + "\n")
		}
	}
	for _, l := range strings.Split(got, "\n") {
		if w[l] == 0 {
			b.WriteString("+ " + l + "\n")
		}
	}
	return b.String()
}

// TestCorpusScore holds the seed corpus to the analysts' gold: F1 of at
// least 0.95 for the kinds level, change and previous.
func TestCorpusScore(t *testing.T) {
	t.Chdir("../..")
	a := newApp(nil, os.Stdout, os.Stderr)
	x, _, err := a.engine()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/corpus/gold.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := eval.LoadGold("testdata/corpus/gold.csv", f)
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	var recs []extract.Record
	err = a.process(context.Background(), x, listInputs([]string{"testdata/corpus"}), func(r result) error {
		if r.err != nil {
			t.Errorf("%s", describe(r))
			return nil
		}
		docs = append(docs, eval.DocOf(r.in.path))
		recs = append(recs, r.res.Records...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rep := eval.Score(gold, docs, recs, eval.Options{SkipKinds: []string{extract.KindDerived}})
	for _, kind := range []string{extract.KindLevel, extract.KindChange, extract.KindPrevious} {
		if f1 := rep.KindF1(kind); f1 < 0.95 {
			var b bytes.Buffer
			rep.Write(&b)
			t.Errorf("F1 for kind %s = %.3f, want ≥ 0.95\n%s", kind, f1, b.String())
		}
	}
}
