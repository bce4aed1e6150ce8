package server

import (
	"strings"
	"testing"
)

// TestLRU checks that the cache holds at most its bound in bytes, evicts
// the least recently used artifact first, and keeps nothing larger than
// the whole bound.
func TestLRU(t *testing.T) {
	art := func(n int) *artifact { return &artifact{body: make([]byte, n), etag: `"e"`} }
	one := itemSize("a", art(1000))
	c := newLRU(3 * one)
	c.add("a", art(1000))
	c.add("b", art(1000))
	c.add("c", art(1000))
	if _, ok := c.get("a"); !ok { // a is now the most recently used
		t.Fatal("a missing before the bound is reached")
	}
	c.add("d", art(1000)) // evicts b, the least recently used
	for key, want := range map[string]bool{"a": true, "b": false, "c": true, "d": true} {
		if _, ok := c.get(key); ok != want {
			t.Errorf("after eviction: %s cached = %v, want %v", key, ok, want)
		}
	}
	if size, n := c.stats(); size > 3*one || n != 3 {
		t.Errorf("%d bytes in %d artifacts, bound %d", size, n, 3*one)
	}

	// Replacing an artifact counts its new size only.
	c.add("a", art(10))
	if size, _ := c.stats(); size != 2*one+itemSize("a", art(10)) {
		t.Errorf("size %d after replacing a", size)
	}

	// One artifact larger than the bound is served but never kept, and
	// evicts nothing.
	c.add(strings.Repeat("k", 4), art(int(4*one)))
	if _, n := c.stats(); n != 3 {
		t.Errorf("%d artifacts after an oversized add", n)
	}
	// A big one that fits evicts as many as it needs.
	c.add("big", art(int(2*one)))
	if size, _ := c.stats(); size > 3*one {
		t.Errorf("size %d over the bound %d", size, 3*one)
	}
	if _, ok := c.get("big"); !ok {
		t.Error("big not cached")
	}
}
