package main

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// shard is one part of the inputs, for a batch spread over machines: shard
// i of n (1-based) keeps the inputs whose path, as given or walked, hashes
// (FNV-1a, 64 bits) to i-1 modulo n. Every input is in exactly one shard,
// whatever the order or the other inputs, so the outputs of shards 1/n to
// n/n together hold each record once.
type shard struct{ i, n int }

// parseShard reads a --shard value "i/n" with 1 ≤ i ≤ n; "" is 1/1 (all).
func parseShard(s string) (shard, error) {
	if s == "" {
		return shard{1, 1}, nil
	}
	bad := fmt.Errorf("invalid --shard %q: want i/n with 1 ≤ i ≤ n, e.g. 2/8", s)
	is, ns, ok := strings.Cut(s, "/")
	if !ok {
		return shard{}, bad
	}
	i, err1 := strconv.Atoi(is)
	n, err2 := strconv.Atoi(ns)
	if err1 != nil || err2 != nil || n < 1 || i < 1 || i > n {
		return shard{}, bad
	}
	return shard{i, n}, nil
}

// has reports whether path belongs to the shard.
func (s shard) has(path string) bool {
	h := fnv.New64a()
	h.Write([]byte(path))
	return h.Sum64()%uint64(s.n) == uint64(s.i-1)
}

// filter keeps the inputs of the shard, in order.
func (s shard) filter(ins []input) []input {
	if s.n == 1 {
		return ins
	}
	var out []input
	for _, in := range ins {
		if s.has(in.path) {
			out = append(out, in)
		}
	}
	return out
}
