package sandbox

import (
	"context"
	"net"
	"net/http"
	"time"
)

// Start serves s on addr (e.g. "127.0.0.1:0") until ctx ends and returns
// the base URL a client uses, ending in /api like lemlist's.
func (s *Server) Start(ctx context.Context, addr string) (baseURL string, err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", err
	}
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	return "http://" + ln.Addr().String() + "/api", nil
}

// Serve starts a new server with opts on addr until ctx ends and returns its
// base URL; use New and Start to keep hold of the server.
func Serve(ctx context.Context, addr string, opts Options) (baseURL string, err error) {
	return New(opts).Start(ctx, addr)
}
