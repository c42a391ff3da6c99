package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestCompact(t *testing.T) {
	src := "复议法 3 n\n" + // overlaps the rule word 行政复议
		"覆盖 2 v\n" + // common (low idf) although its frequency says 2
		"冷僻词 500 n\n" + // rare by idf, frequent by zh_s
		"海东 9 ns\n" + // a place
		"的 318825 uj\n" +
		"覆盖 900 v\n" + // a repeat: the first entry wins
		"罕见 1 a\n" // below gse's minimum frequency: never loaded
	idf := map[string]float64{"覆盖": 6.8, "冷僻词": 13.9, "复议法": 13.9, "海东": 12}
	var b bytes.Buffer
	st := Compact([]byte(src), 1, idf, []string{"行政复议"}, &b)
	want := BalanceWord + " 500\n复议法 3\n海东 9\n的 318825\n覆盖 2\n" // byte order
	if b.String() != want {
		t.Errorf("got\n%swant\n%s", b.String(), want)
	}
	if st.Words != 5 || st.Kept != 4 || st.Singles != 1 || st.Places != 1 || st.Crossing != 1 || st.Total != 2+3+500+9+2 || st.Balance != 500 {
		t.Errorf("stats %+v", st)
	}
	// By frequency, the frequent rare word is kept instead.
	b.Reset()
	Compact([]byte(src), 1, nil, nil, &b)
	if !strings.Contains(b.String(), "冷僻词 500\n") || strings.Contains(b.String(), "覆盖") {
		t.Errorf("by frequency:\n%s", b.String())
	}
}
