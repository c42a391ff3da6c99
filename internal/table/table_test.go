package table

import (
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	var b strings.Builder
	err := Write(&b, [][]string{
		{"metric", "tp", "f1"},
		{"行政复议纠错率", "3", "1.000"},
		{"ratio", "12", "0.5"},
	}, Left, Right, Right)
	if err != nil {
		t.Fatal(err)
	}
	want := "" +
		"metric          tp     f1\n" +
		"行政复议纠错率   3  1.000\n" +
		"ratio           12    0.5\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	if Width("９８％ab") != 8 {
		t.Errorf("Width = %d", Width("９８％ab"))
	}
}
