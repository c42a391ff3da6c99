package rules

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

//go:embed default/*.yaml
var defaults embed.FS

// DefaultFiles parses the embedded default rule files, in name order.
func DefaultFiles() ([]*File, error) {
	names, err := fs.Glob(defaults, "default/*.yaml")
	if err != nil {
		return nil, err
	}
	var files []*File
	for _, name := range names {
		data, err := defaults.ReadFile(name)
		if err != nil {
			return nil, err
		}
		f, err := Parse(name, data)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// DefaultSource returns the embedded default rule files by base name, for
// `zhibiao rules dump`.
func DefaultSource() (map[string][]byte, error) {
	names, err := fs.Glob(defaults, "default/*.yaml")
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, name := range names {
		data, err := defaults.ReadFile(name)
		if err != nil {
			return nil, err
		}
		out[filepath.Base(name)] = data
	}
	return out, nil
}

// Load builds the rule set in force: the embedded defaults, then each path
// in order (a file, or a folder whose *.yaml and *.yml files are read in name
// order). Every problem of every file is returned, each as file:line:col.
func Load(paths ...string) (*Set, error) {
	files, err := DefaultFiles()
	if err != nil {
		return nil, fmt.Errorf("embedded rules: %w", err)
	}
	var errs Errors
	for _, p := range paths {
		fs, err := ReadPath(p)
		var re Errors
		if errors.As(err, &re) {
			errs = append(errs, re...)
		} else if err != nil {
			return nil, err
		}
		files = append(files, fs...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return Merge(files...)
}

// ReadPath parses a rule file, or every rule file of a folder.
func ReadPath(path string) ([]*File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("rules: %w", err)
	}
	names := []string{path}
	if info.IsDir() {
		entries, err := os.ReadDir(path)
		if err != nil {
			return nil, fmt.Errorf("rules: %w", err)
		}
		names = names[:0]
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
				names = append(names, filepath.Join(path, e.Name()))
			}
		}
		slices.Sort(names)
		if len(names) == 0 {
			return nil, fmt.Errorf("rules: %s: no .yaml files", path)
		}
	}
	var files []*File
	var errs Errors
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("rules: %w", err)
		}
		f, err := Parse(name, data)
		var re Errors
		if errors.As(err, &re) {
			errs = append(errs, re...)
			continue
		}
		files = append(files, f)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return files, nil
}
