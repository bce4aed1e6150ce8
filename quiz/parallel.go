package quiz

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// forEach calls fn(i) for every i below n on as many goroutines as there
// are CPUs. A course's topics are independent until their questions are
// put together, and the quiz command has nothing else to keep the other
// CPUs busy. Each call writes only its own index's result, so the output
// does not depend on the scheduling.
func forEach(n int, fn func(i int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	if workers <= 1 {
		for i := range n {
			fn(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				fn(i)
			}
		})
	}
	wg.Wait()
}
