package main

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/zhibiao/zhibiao/document"
	"github.com/zhibiao/zhibiao/extract"
)

// reportExts are the files a folder walk picks up.
var reportExts = map[string]bool{".txt": true, ".text": true, ".html": true, ".htm": true}

// input is one file to read, or an error found while listing the inputs
// (a path that does not exist), reported in its turn.
type input struct {
	path string
	err  error
}

// listInputs expands the paths: a folder is walked recursively (sorted) for
// report files; "-" is standard input; a file is taken whatever its name.
func listInputs(paths []string) []input {
	var out []input
	for _, p := range paths {
		if p == "-" {
			out = append(out, input{path: p})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			out = append(out, input{path: p, err: err})
			continue
		}
		if !info.IsDir() {
			out = append(out, input{path: p})
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				out = append(out, input{path: path, err: err})
				return nil
			}
			if !d.IsDir() && reportExts[strings.ToLower(filepath.Ext(path))] {
				out = append(out, input{path: path})
			}
			return nil
		})
		if err != nil {
			out = append(out, input{path: p, err: err})
		}
	}
	return out
}

// result is what became of one input.
type result struct {
	in  input
	doc *document.Doc
	res extract.Result
	err error
}

// process reads and extracts every input on `jobs` workers and hands the
// results to emit in input order, one at a time, so that output does not
// depend on the number of workers. At most 2×jobs results are in flight,
// each in its slot of a ring, so memory does not grow with the inputs.
func (a *app) process(ctx context.Context, x *extract.Extractor, ins []input, emit func(result) error) error {
	jobs := max(a.jobs, 1)
	window := 2 * jobs
	slots := make([]chan result, window) // input i goes to slot i % window
	for k := range slots {
		slots[k] = make(chan result, 1)
	}
	// free holds a token per slot that may take a new input: input i is
	// started only once input i-window has been emitted.
	free := make(chan struct{}, window)
	next := make(chan int)
	var wg sync.WaitGroup
	defer wg.Wait()
	stop := make(chan struct{})
	defer close(stop) // runs first: stops the feeder when emit fails
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				slots[i%window] <- a.one(x, ins[i])
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(next)
		for i := range ins {
			select {
			case free <- struct{}{}:
			case <-ctx.Done():
				return
			case <-stop:
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			case <-stop:
				return
			}
		}
	}()
	for i := range ins {
		var r result
		select {
		case r = <-slots[i%window]:
		case <-ctx.Done():
			return ctx.Err()
		}
		<-free
		if err := emit(r); err != nil {
			return err
		}
	}
	return nil
}

// one reads, decodes and extracts one input.
func (a *app) one(x *extract.Extractor, in input) result {
	r := result{in: in, err: in.err}
	if r.err != nil {
		return r
	}
	var data []byte
	data, r.err = a.read(in.path)
	if r.err != nil {
		return r
	}
	r.doc, r.err = document.Parse(in.path, data)
	if r.err != nil {
		return r
	}
	r.res = x.Run(r.doc)
	return r
}

// describe gives a one-line reason naming the file.
func describe(r result) string {
	msg := r.err.Error()
	if !strings.Contains(msg, r.in.path) {
		msg = fmt.Sprintf("%s: %s", r.in.path, msg)
	}
	return msg
}

// read reads a file, or standard input for "-", refusing more than
// --max-size bytes.
func (a *app) read(path string) ([]byte, error) {
	var src io.Reader = a.stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		src = f
	}
	data, err := io.ReadAll(io.LimitReader(src, a.maxSize.bytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > a.maxSize.bytes {
		return nil, fmt.Errorf("%s: larger than %s (--max-size); a report is rarely over 1MB", path, &a.maxSize)
	}
	return data, nil
}
