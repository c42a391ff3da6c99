package main

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// hardReport is a report of our own, written in several encodings below.
const hardReport = "某某县人民政府关于2022年度法治政府建设情况的报告\n" +
	"全年共收到行政复议申请64件,受理58件,审结55件,纠错率9.09%。\n" +
	"共办理行政应诉案件21件,行政机关负责人出庭应诉率达到95.24%。\n"

// hardHTML carries the same body as hardReport, with decoy figures in
// script, style and iframe elements that must not be read.
const hardHTML = `<!DOCTYPE html><html><head><meta charset="utf-8">
<title>某某县人民政府关于2022年度法治政府建设情况的报告</title>
<style>.x{content:"纠错率88%"}</style><script>var s="行政复议申请999件";</script></head>
<body><nav>首页 &gt; 政务公开</nav><iframe srcdoc="败诉率50%"></iframe>
<p>全年共收到行政复议申请64件,受理58件,审结55件,纠错率9.09%。</p>
<p>共办理行政应诉案件21件,行政机关负责人出庭应诉率达到95.24%。</p>
<script>document.write("调解成功率77%")</script></body></html>`

// TestBadInputs runs extract over a folder holding every kind of bad input
// next to good reports: each bad one is named in a one-line error, the exit
// status is 1, and every good report's records are written, the same for
// each encoding of the same report.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gbk, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(hardReport))
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(hardReport))
	if err != nil {
		t.Fatal(err)
	}
	junk := make([]byte, 4000)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range junk {
		junk[i] = byte(1 + rng.IntN(255)) // no NUL: it must be caught as not text
	}
	write("a-utf8.txt", []byte(hardReport))
	write("b-gbk.txt", gbk)
	write("c-utf16.txt", utf16)
	write("d-page.html", []byte(hardHTML))
	write("e-binary.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	write("f-invalid.txt", junk)
	write("g-empty.txt", nil)
	write("h-blank.txt", []byte(" \n\t\u3000\n"))
	if err := os.Symlink("gone.txt", filepath.Join(dir, "i-dangling.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("j-loop.txt", filepath.Join(dir, "j-loop.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(".", filepath.Join(dir, "k-dirloop")); err != nil { // not followed by the walk
		t.Fatal(err)
	}
	big := filepath.Join(dir, "l-huge.txt")
	writeHuge(t, big, 100<<20)
	wantErrs := []string{
		"e-binary.txt: binary file (NUL bytes), not a report",
		"f-invalid.txt: not text: ",
		"g-empty.txt: empty file",
		"h-blank.txt: no text (whitespace only)",
		"i-dangling.txt: no such file or directory",
		"j-loop.txt: too many levels of symbolic links",
		"l-huge.txt: larger than 16MB (--max-size)",
		"missing.txt: no such file or directory",
	}
	if os.Getuid() != 0 { // root reads any file whatever its mode
		write("m-unreadable.txt", []byte(hardReport))
		os.Chmod(filepath.Join(dir, "m-unreadable.txt"), 0)
		wantErrs = append(wantErrs, "m-unreadable.txt: permission denied")
	}

	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"extract", dir, filepath.Join(dir, "missing.txt")}, nil, &stdout, &stderr)
	if code != exitInputs {
		t.Errorf("exit %d, want %d", code, exitInputs)
	}
	var errLines []string
	for _, l := range strings.Split(strings.TrimSpace(stderr.String()), "\n") {
		if strings.HasPrefix(l, "zhibiao: error: ") {
			errLines = append(errLines, l)
		}
	}
	if len(errLines) != len(wantErrs)+1 {
		t.Errorf("want %d error lines, got:\n%s", len(wantErrs)+1, strings.Join(errLines, "\n"))
	}
	for _, w := range wantErrs {
		re := regexp.MustCompile(`^zhibiao: error: .*` + regexp.QuoteMeta(w))
		if !slices.ContainsFunc(errLines, re.MatchString) {
			t.Errorf("no error line names %q:\n%s", w, strings.Join(errLines, "\n"))
		}
	}
	// The good reports: the same six records each, whatever the encoding.
	byFile := map[string][]string{}
	for _, l := range strings.Split(strings.TrimSpace(stdout.String()), "\n")[1:] {
		file, rest, _ := strings.Cut(l, ",")
		byFile[filepath.Base(file)] = append(byFile[filepath.Base(file)], rest)
	}
	want := byFile["a-utf8.txt"]
	if len(want) != 6 {
		t.Fatalf("a-utf8.txt: %d records, want 6:\n%s", len(want), stdout.String())
	}
	for _, name := range []string{"b-gbk.txt", "c-utf16.txt"} {
		if got := byFile[name]; strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s records differ from the UTF-8 copy:\n%s", name, strings.Join(got, "\n"))
		}
	}
	// The HTML page: the same figures (offsets differ), none of the decoys.
	var html []string
	for _, r := range byFile["d-page.html"] {
		f := strings.Split(r, ",")
		html = append(html, strings.Join(f[2:10], ","))
	}
	var plain []string
	for _, r := range want {
		f := strings.Split(r, ",")
		plain = append(plain, strings.Join(f[2:10], ","))
	}
	if strings.Join(html, "\n") != strings.Join(plain, "\n") {
		t.Errorf("d-page.html records:\n%s\nwant:\n%s", strings.Join(html, "\n"), strings.Join(plain, "\n"))
	}
	if len(byFile) != 4 {
		t.Errorf("records from %d files, want 4: %v", len(byFile), byFile)
	}
}

// writeHuge writes a one-line file of n bytes of report prose: a dump with
// no line break.
func writeHuge(t *testing.T, path string, n int) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := bytes.Repeat([]byte("全年共收到行政复议申请64件,纠错率9.09%,"), 4096)
	for written := 0; written < n; written += len(chunk) {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
}

// TestUsageExitCodes: mistakes in the call itself exit 2 before any input is
// read, each with one error line.
func TestUsageExitCodes(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(dir, "r.txt")
	if err := os.WriteFile(report, []byte(hardReport), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"extract", "--rules", filepath.Join(dir, "none.yaml"), report}, "no such file or directory"},
		{[]string{"extract", "--rules", dir, report}, "no .yaml files"},
		{[]string{"extract", "-j", "0", report}, "-j wants at least 1 worker, got 0"},
		{[]string{"extract", "--max-size", "big", report}, `want a size such as 16MB or 500KB, got "big"`},
		{[]string{"extract", "--shard", "3/2", report}, `invalid --shard "3/2"`},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
	} {
		var stdout, stderr bytes.Buffer
		code := run(context.Background(), tc.args, nil, &stdout, &stderr)
		lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
		if code != exitUsage || stdout.Len() != 0 || len(lines) != 1 || !strings.Contains(lines[0], tc.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and one line with %q", tc.args, code, stdout.String(), stderr.String(), tc.want)
		}
	}
}
