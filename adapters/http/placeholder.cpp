// The HTTP server lands here.
