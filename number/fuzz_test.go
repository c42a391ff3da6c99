package number

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fuzzSeeds are report-like fragments that give the fuzzer Chinese
// numerals, units, qualifiers and joiners to mutate.
var fuzzSeeds = []string{
	"全年共受理行政复议案件一千三百零五件，同比增长１２．５％",
	"审查 303 件次，约98%以上，超过1,356件，不到5个百分点",
	"百分之七点五，千分之三以内，九成以上，3成，近4.21亿元",
	"1.3:1，1:0.8，09:28，14:59:34，2021.02.04，2023-02-24",
	"331083000000/2023-122267，4S店，G20，第二期，第2批，第1-3批",
	"十余万元，百余件，300多于200，二〇二三年，一万二，十一五",
	"12.18地震，共43件.，-5%，2019-2025年，10~15个工作日",
	"一是两法衔接，三书同达，一站式，三级，十九大，一审，五中全会",
}

var valueRE = regexp.MustCompile(`^(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$`)

// checkNumbers asserts the invariants every result of Scan must keep.
func checkNumbers(t *testing.T, text []rune, ns []Number) {
	t.Helper()
	prevEnd, prevQualEnd := 0, 0
	for i, n := range ns {
		switch {
		case n.Start < 0 || n.Start >= n.End || n.End > len(text):
			t.Fatalf("number %d: bad span [%d,%d) in %d runes", i, n.Start, n.End, len(text))
		case n.QualStart > n.Start || n.QualEnd < n.End || n.QualStart < 0 || n.QualEnd > len(text):
			t.Fatalf("number %d: bad qualifier span [%d,%d) around [%d,%d)", i, n.QualStart, n.QualEnd, n.Start, n.End)
		case n.Start < prevEnd || n.QualStart < prevQualEnd:
			t.Fatalf("number %d: [%d,%d) overlaps or precedes the previous one", i, n.Start, n.End)
		case !valueRE.MatchString(n.Value):
			t.Fatalf("number %d: Value %q is not a normalized decimal", i, n.Value)
		}
		if _, err := strconv.ParseFloat(n.Value, 64); err != nil && !strings.Contains(err.Error(), "range") {
			t.Fatalf("number %d: Value %q: %v", i, n.Value, err)
		}
		switch n.Qualifier {
		case Exact, Approx, Lower, Upper:
		default:
			t.Fatalf("number %d: Qualifier %q", i, n.Qualifier)
		}
		prevEnd, prevQualEnd = n.End, n.QualEnd
	}
}

func FuzzScan(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		text, raw := fold(s)
		checkNumbers(t, text, Scan(text, raw))
		checkNumbers(t, text, Scan(text, nil))
		// raw of the same length but unrelated content must not matter
		// beyond commas.
		checkNumbers(t, text, Scan(text, []rune(strings.Repeat(",", len(text)))))
	})
}

// TestScanLargeInputs feeds long pathological inputs: a quadratic scan
// would not finish within the test's budget.
func TestScanLargeInputs(t *testing.T) {
	const n = 1 << 18
	inputs := map[string]string{
		"digits":        strings.Repeat("1", n),
		"groups":        "1" + strings.Repeat(",234", n/4),
		"decimal":       "1." + strings.Repeat("5", n),
		"chain":         strings.Repeat("1-", n/2),
		"colons":        strings.Repeat("1:", n/2),
		"chinese":       strings.Repeat("一", n),
		"chinese place": strings.Repeat("一十", n/2),
		"spaces":        "约" + strings.Repeat(" ", n) + "5件",
		"spaced nums":   strings.Repeat("5 ", n/2),
		"qualifiers":    strings.Repeat("超过5件以上", n/6),
		"letters":       strings.Repeat("a1", n/2),
		"percent":       strings.Repeat("百分之", n/3),
		"yu":            strings.Repeat("5余", n/2),
	}
	for name, in := range inputs {
		text, raw := fold(in)
		start := time.Now()
		ns := Scan(text, raw)
		checkNumbers(t, text, ns)
		if d := time.Since(start); d > 10*time.Second {
			t.Errorf("%s: Scan of %d runes took %v", name, len(text), d)
		}
	}
}

// TestScanRandomAlphabet is a deterministic companion of FuzzScan: strings
// drawn from the characters the scanner cares about, so that the rare
// combinations (joiners next to units, qualifiers next to numerals) come up
// on every run.
func TestScanRandomAlphabet(t *testing.T) {
	alphabet := []rune("0123456789,.:∶-~/_%‰ 　，．：１２" +
		"〇零一二两三四五六七八九十百千万亿点" +
		"余多成分之个件次人元年第约近超逾过不足到低于以上下左右内" +
		"aZ地是")
	rng := rand.New(rand.NewPCG(1, 2))
	n := 200000
	if testing.Short() {
		n = 20000
	}
	buf := make([]rune, 0, 24)
	for range n {
		buf = buf[:0]
		for range 1 + rng.IntN(24) {
			buf = append(buf, alphabet[rng.IntN(len(alphabet))])
		}
		text, raw := fold(string(buf))
		checkNumbers(t, text, Scan(text, raw))
	}
}
