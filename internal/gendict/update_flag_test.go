package main

import "flag"

// The corpus golden files are rewritten by cmd/zhibiao's tests with
// -update; this package has none, and accepts the flag only so that
// "go test ./... -update" runs everywhere.
var _ = flag.Bool("update", false, "rewrite golden files (see cmd/zhibiao)")
