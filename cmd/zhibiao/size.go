package main

import (
	"fmt"
	"strconv"
	"strings"
)

// byteSize is a size flag: a number of bytes with an optional KB, MB or GB
// suffix (powers of 1024).
type byteSize struct{ bytes int64 }

var sizeUnits = []struct {
	suffix string
	shift  uint
}{{"GB", 30}, {"MB", 20}, {"KB", 10}, {"B", 0}}

func (s *byteSize) String() string {
	for _, u := range sizeUnits {
		if s.bytes >= 1<<u.shift && s.bytes%(1<<u.shift) == 0 {
			return fmt.Sprintf("%d%s", s.bytes>>u.shift, u.suffix)
		}
	}
	return fmt.Sprintf("%dB", s.bytes)
}

func (s *byteSize) Set(v string) error {
	t := strings.ToUpper(strings.TrimSpace(v))
	shift := uint(0)
	for _, u := range sizeUnits {
		if rest, ok := strings.CutSuffix(t, u.suffix); ok {
			t, shift = rest, u.shift
			break
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(t), 10, 64)
	if err != nil || n <= 0 || n > 1<<(62-shift) {
		return fmt.Errorf("want a size such as 16MB or 500KB, got %q", v)
	}
	s.bytes = n << shift
	return nil
}

func (s *byteSize) Type() string { return "size" }
