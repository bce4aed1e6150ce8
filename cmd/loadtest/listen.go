package main

import (
	"context"
	"net"

	"github.com/scholargate/topicdeck/server"
)

// serveLoopback starts srv on a free loopback port and returns its base
// URL and a shutdown that waits for the server to finish, as both load
// tests run it.
func serveLoopback(srv *server.Server) (base string, shutdown func() error, err error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ctx, ln) }()
	return "http://" + ln.Addr().String(), func() error {
		stop()
		return <-served
	}, nil
}
