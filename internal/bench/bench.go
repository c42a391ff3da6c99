// Package bench holds what the benchmarks of zhibiao share: a generated
// corpus of the size asked for, and the whole pipeline as the command runs
// it, so that every benchmark measures the same text.
//
//	ZHIBIAO_BENCH_REPORTS=1100 go test -bench . -run '^$' ./...   # ≈ 20 MB
//
// The corpus is made by package synth from the seed reports of
// testdata/corpus (numbers varied, text the same); its size is
// ZHIBIAO_BENCH_REPORTS reports, 50 (≈ 0.9 MB) by default.
package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/zhibiao/zhibiao/internal/gencorpus/synth"
)

// EnvReports names the variable that sets the corpus size, in reports.
const EnvReports = "ZHIBIAO_BENCH_REPORTS"

// DefaultReports is the corpus size when EnvReports is not set.
const DefaultReports = 50

// Seed is the random seed of the benchmark corpus.
const Seed = 1

var (
	once    sync.Once
	reports []synth.Report
	loadErr error
)

// Reports returns the benchmark corpus, made once per test binary.
func Reports(tb testing.TB) []synth.Report {
	tb.Helper()
	once.Do(func() {
		n := DefaultReports
		if s := os.Getenv(EnvReports); s != "" {
			n, loadErr = strconv.Atoi(s)
			if loadErr != nil || n <= 0 {
				loadErr = fmt.Errorf("%s=%q: want a positive number of reports", EnvReports, s)
				return
			}
		}
		var dir string
		dir, loadErr = seedDir()
		if loadErr != nil {
			return
		}
		var seeds []synth.Seed
		seeds, loadErr = synth.LoadSeeds(dir)
		if loadErr == nil {
			reports = synth.Corpus(seeds, n, Seed)
		}
	})
	if loadErr != nil {
		tb.Fatal(loadErr)
	}
	return reports
}

// Size is the number of bytes of reports.
func Size(reports []synth.Report) int64 {
	var n int64
	for _, r := range reports {
		n += int64(len(r.Text))
	}
	return n
}

// seedDir finds testdata/corpus above the working directory (a test runs
// in its package's folder).
func seedDir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return filepath.Join(dir, "testdata", "corpus"), nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory: cannot find testdata/corpus")
		}
		dir = parent
	}
}
