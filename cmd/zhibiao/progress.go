package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/term"
)

// Values of --progress.
const (
	progressAuto   = "auto"
	progressAlways = "always"
	progressNever  = "never"
)

// checkProgress validates a --progress value.
func checkProgress(mode string) error {
	switch mode {
	case progressAuto, progressAlways, progressNever:
		return nil
	}
	return fmt.Errorf("invalid --progress %q (use auto, always or never)", mode)
}

// progress draws a one-line bar on standard error: files done of total,
// records written, files per second and the time left. It is silent (and
// printf just prints) unless forced or standard error is a terminal.
type progress struct {
	w       io.Writer
	on      bool
	total   int
	files   int
	records int
	start   time.Time
	drawn   time.Time // last redraw
	now     func() time.Time
}

// redrawEvery limits redraws; the last state is always drawn by done.
const redrawEvery = 100 * time.Millisecond

// newProgress returns the bar for mode (auto, always, never) on w.
func newProgress(w io.Writer, mode string, total int) *progress {
	p := &progress{w: w, total: total, now: time.Now}
	switch mode {
	case progressAlways:
		p.on = true
	case progressAuto:
		p.on = isTerminal(w)
	}
	p.start = p.now()
	return p
}

// isTerminal reports whether w is a file that is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// step counts one more input done, with the records it gave.
func (p *progress) step(records int) {
	p.files++
	p.records += records
	if p.on && p.now().Sub(p.drawn) >= redrawEvery {
		p.draw()
	}
}

// printf prints a message line, keeping the bar below it.
func (p *progress) printf(format string, args ...any) {
	if !p.on {
		fmt.Fprintf(p.w, format, args...)
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[K"+format, args...)
	p.draw()
}

// done draws the final state and ends the bar's line.
func (p *progress) done() {
	if !p.on {
		return
	}
	p.draw()
	fmt.Fprintln(p.w)
}

// barWidth is the number of cells of the bar itself.
const barWidth = 24

// draw rewrites the bar's line.
func (p *progress) draw() {
	now := p.now()
	p.drawn = now
	fmt.Fprintf(p.w, "\r\x1b[K%s", p.line(now.Sub(p.start)))
}

// line is the bar's text after elapsed time:
// [=========>              ] 120/300 files  2048 records  41.3 files/s  ETA 0:04
func (p *progress) line(elapsed time.Duration) string {
	fill := barWidth
	if p.total > 0 {
		fill = p.files * barWidth / p.total
	}
	bar := strings.Repeat("=", fill)
	if fill < barWidth {
		bar += ">" + strings.Repeat(" ", barWidth-fill-1)
	}
	rate, eta := 0.0, "--:--"
	if secs := elapsed.Seconds(); secs > 0 && p.files > 0 {
		rate = float64(p.files) / secs
		left := time.Duration(float64(p.total-p.files) / rate * float64(time.Second))
		eta = clock(left)
	}
	return fmt.Sprintf("[%s] %d/%d files  %d records  %.1f files/s  ETA %s",
		bar, p.files, p.total, p.records, rate, eta)
}

// clock formats d as m:ss, or h:mm:ss from an hour.
func clock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
