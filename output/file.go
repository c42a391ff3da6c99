package output

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// File is an output file written atomically: the data goes to a temporary
// file in the destination's directory, which [File.Commit] renames over the
// destination. Until then an existing file at the destination is untouched.
type File struct {
	path string
	tmp  *os.File
	done bool // committed or aborted
}

// Create starts writing the file at path. The caller must end with Commit or
// Abort; deferring Abort right after Create is safe, as Abort after Commit
// does nothing.
func Create(path string) (*File, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	return &File{path: path, tmp: tmp}, nil
}

// Write writes to the temporary file.
func (f *File) Write(p []byte) (int, error) {
	if f.done {
		return 0, fmt.Errorf("write %s: %w", f.path, os.ErrClosed)
	}
	return f.tmp.Write(p)
}

// Commit syncs and closes the temporary file, makes it readable by all
// (0644) and renames it to the destination path. On error the temporary
// file is removed and the destination is left as it was.
func (f *File) Commit() error {
	if f.done {
		return fmt.Errorf("commit %s: %w", f.path, os.ErrClosed)
	}
	f.done = true
	name := f.tmp.Name()
	err := f.tmp.Sync()
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(name, 0o644)
	}
	if err == nil {
		err = os.Rename(name, f.path)
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("commit %s: %w", f.path, err)
	}
	return nil
}

// Abort closes and removes the temporary file, leaving the destination as it
// was. After Commit or an earlier Abort it does nothing and returns nil.
func (f *File) Abort() error {
	if f.done {
		return nil
	}
	f.done = true
	err := f.tmp.Close()
	if rerr := os.Remove(f.tmp.Name()); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
		err = rerr
	}
	if err != nil {
		return fmt.Errorf("abort %s: %w", f.path, err)
	}
	return nil
}
