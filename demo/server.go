package demo

import (
	"errors"
	"net"
	"net/http"
	"time"
)

// Server is the demo API running on a TCP listener. Close it when done.
type Server struct {
	srv  *http.Server
	ln   net.Listener
	done chan struct{} // closed when Serve has returned
}

// Start runs the demo API on a free loopback port, 127.0.0.1:0.
func Start() (*Server, error) {
	return Listen("127.0.0.1:0")
}

// Listen runs the demo API on addr, such as "127.0.0.1:8080". The server is accepting
// connections when Listen returns.
func Listen(addr string) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	return Serve(ln), nil
}

// Serve runs the demo API on ln, which it closes when the server is closed.
// Connections made to ln before Serve wait in its backlog: the TUI binds the
// port before its first frame and builds the API after it.
func Serve(ln net.Listener) *Server {
	s := &Server{
		srv: &http.Server{
			Handler: NewHandler(),
			// A slow client must not hold a connection open forever.
			ReadHeaderTimeout: 10 * time.Second,
		},
		ln:   ln,
		done: make(chan struct{}),
	}
	go func() {
		defer close(s.done)
		// Serve returns ErrServerClosed once Close is called; there is no one to tell.
		_ = s.srv.Serve(ln)
	}()
	return s
}

// URL is the base URL of the API, such as "http://127.0.0.1:43121", without a slash.
func (s *Server) URL() string {
	return "http://" + s.ln.Addr().String()
}

// Close stops the server at once, closing its listener and open connections, and
// waits until it has stopped serving.
func (s *Server) Close() error {
	err := s.srv.Close()
	<-s.done
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}
