package exporter

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strconv"
	"strings"
)

// Shard is a stable share of a catalogue: the entries whose slug hashes to
// Index modulo Count. Adding or removing an entry never moves another one
// to a different shard. The zero value is the whole catalogue.
type Shard struct {
	Index, Count int
}

// ParseShard reads "i/n", 0 ≤ i < n (the form of a Kubernetes indexed Job's
// JOB_COMPLETION_INDEX and of a CI matrix index).
func ParseShard(s string) (Shard, error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n {
		return Shard{}, fmt.Errorf("shard %q: want i/n with 0 ≤ i < n, e.g. 0/4", s)
	}
	return Shard{Index: i, Count: n}, nil
}

func (s Shard) String() string { return fmt.Sprintf("%d/%d", s.Index, s.Count) }

// Has reports whether the entry with this slug belongs to the shard.
func (s Shard) Has(slug string) bool {
	if s.Count <= 1 {
		return true
	}
	h := sha256.Sum256([]byte(slug))
	return binary.BigEndian.Uint64(h[:8])%uint64(s.Count) == uint64(s.Index)
}
