//go:build !unix

package regularfile

// nonBlock is zero where opening a file cannot block on a pipe's writer.
const nonBlock = 0
