// Command gencorpus writes a corpus of any size for benchmarks and scale
// tests: N reports made from the seed reports of testdata/corpus, each with
// its Arabic numbers replaced by others of the same shape (see package
// synth). The output is the same for the same -n, -seed and seeds.
//
//	go run ./internal/gencorpus -n 1000 -o /tmp/corpus1k
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/zhibiao/zhibiao/internal/gencorpus/synth"
)

func main() {
	n := flag.Int("n", 100, "number of reports to write")
	out := flag.String("o", "", "output folder (created if missing)")
	from := flag.String("seeds", "testdata/corpus", "folder of seed reports (*.txt)")
	seed := flag.Uint64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" || *n < 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -n N -o DIR [-seeds DIR] [-seed S]")
		os.Exit(2)
	}
	if err := run(*from, *out, *n, *seed); err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: error: %v\n", err)
		os.Exit(1)
	}
}

func run(from, out string, n int, seed uint64) error {
	seeds, err := synth.LoadSeeds(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	var size int64
	for i := range n {
		r := synth.Generate(seeds, i, seed)
		if err := os.WriteFile(filepath.Join(out, r.Name), r.Text, 0o644); err != nil {
			return err
		}
		size += int64(len(r.Text))
	}
	fmt.Fprintf(os.Stderr, "gencorpus: %d reports, %.1f MB in %s\n", n, float64(size)/1e6, out)
	return nil
}
