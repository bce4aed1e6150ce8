package server

import (
	"container/list"
	"sync"
)

// artifact is a rendered file with the ETag of its content.
type artifact struct {
	body []byte
	etag string
}

// cacheOverhead is what one cached artifact costs beyond its bytes (key,
// list element, map slot), counted so that many tiny artifacts cannot
// outgrow the bound.
const cacheOverhead = 256

// lru is a cache of rendered artifacts bounded in bytes: adding past the
// bound evicts the least recently used artifacts first. An artifact larger
// than the whole bound is not kept at all.
type lru struct {
	mu    sync.Mutex
	max   int64
	size  int64
	order *list.List // front is most recently used; values are *lruItem
	items map[string]*list.Element
}

type lruItem struct {
	key string
	art *artifact
}

func newLRU(maxBytes int64) *lru {
	return &lru{max: maxBytes, order: list.New(), items: map[string]*list.Element{}}
}

func itemSize(key string, a *artifact) int64 {
	return int64(len(key)+cap(a.body)+len(a.etag)) + cacheOverhead
}

// get returns the artifact under key and marks it recently used.
func (c *lru) get(key string) (*artifact, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		return nil, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*lruItem).art, true
}

// add keeps an artifact, evicting old ones until the total fits.
func (c *lru) add(key string, a *artifact) {
	n := itemSize(key, a)
	c.mu.Lock()
	defer c.mu.Unlock()
	if n > c.max {
		return
	}
	if el, ok := c.items[key]; ok {
		c.size -= itemSize(key, el.Value.(*lruItem).art)
		el.Value.(*lruItem).art = a
		c.size += n
		c.order.MoveToFront(el)
	} else {
		c.items[key] = c.order.PushFront(&lruItem{key: key, art: a})
		c.size += n
	}
	for c.size > c.max {
		el := c.order.Back()
		it := el.Value.(*lruItem)
		c.order.Remove(el)
		delete(c.items, it.key)
		c.size -= itemSize(it.key, it.art)
	}
}

// stats returns the bytes held and the number of artifacts.
func (c *lru) stats() (bytes int64, count int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size, len(c.items)
}
