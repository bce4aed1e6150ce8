package textlayout

import "context"

// WithContext returns an engine that measures with e's fonts until ctx is
// done, and from then on breaks every paragraph into no lines, as if it
// were empty. Breaking lines is nearly all the work of planning, so a
// planner that uses this engine finishes within moments of ctx ending,
// with a plan its caller, seeing ctx done, throws away. Layouts need not
// know about contexts for a render to stop when its client leaves.
func (e *Engine) WithContext(ctx context.Context) *Engine {
	c := *e // keeps kerning on or off and the chain tables
	c.ctx = ctx
	return &c
}

// stopped reports whether the engine's context is done.
func (e *Engine) stopped() bool {
	return e.ctx != nil && e.ctx.Err() != nil
}
