// Package stackstart grows the main goroutine's stack in one step before
// the initializers of the packages topicdeck links run. goldmark's util
// package compiles, at start-up, a regular expression whose compiler
// recurses deeper than 64 KB of stack: the 2 KB stack a goroutine starts
// with then doubled six times to 128 KB, each time onto fresh memory with
// every frame copied and adjusted. Grown at once, the intermediate stacks
// are never made: about 30 fewer page faults and a tenth of a millisecond
// less at every start of the command (a process, not a benchmark, sees
// it).
//
// A command imports it for its side effect. Go initializes packages in the
// order of their import paths, each once its own imports are done, and
// this package imports nothing, so it runs before every github.com/yuin
// package (TestStackGrownFirst in cmd/topicdeck checks it).
package stackstart

// frameBytes is the stack grow's frame asks for: just over 64 KB, so that
// the runtime doubles the stack straight to the 128 KB the initializers
// reach, and no more (the frame is zeroed, so each of its pages is touched;
// the initializers touch them too).
const frameBytes = 66 << 10

// pick is an index the compiler cannot know, so that grow's frame is kept.
var pick = 0

func init() { grow() }

// grow has a frame of frameBytes; calling it makes the runtime give the
// goroutine a stack that holds it.
//
//go:noinline
func grow() byte {
	var frame [frameBytes]byte
	frame[pick] = 1
	return frame[(pick+frameBytes/2)%frameBytes]
}
