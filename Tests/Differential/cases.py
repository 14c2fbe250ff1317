"""The requests the differential check feeds to both parsers.

Each case is a name and the exact bytes a client sends. Valid, invalid and borderline
requests: framing, smuggling attempts, field syntax, targets and versions.
"""

H = b"Host: example.com\r\n"

CASES = [
    # Valid requests.
    ("get", b"GET / HTTP/1.1\r\n" + H + b"\r\n"),
    ("get-query", b"GET /v1/search?q=a%20b&x=1 HTTP/1.1\r\n" + H + b"\r\n"),
    ("http10-no-host", b"GET /old HTTP/1.0\r\n\r\n"),
    ("post-content-length", b"POST /v1/documents HTTP/1.1\r\n" + H + b"Content-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello"),
    ("post-chunked", b"POST /u HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"),
    ("chunk-extension", b"POST /u HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\n5;name=value\r\nhello\r\n0\r\n\r\n"),
    ("chunked-trailer", b"POST /u HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\nX-Trailer: t\r\n\r\n"),
    ("chunk-size-uppercase-hex", b"POST /u HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n"),
    ("whitespace-around-value", b"GET / HTTP/1.1\r\n" + H + b"X-A:   padded value \t \r\n\r\n"),
    ("empty-value", b"GET / HTTP/1.1\r\n" + H + b"X-Empty:\r\n\r\n"),
    ("repeated-field", b"GET / HTTP/1.1\r\n" + H + b"Accept: a\r\nAccept: b\r\n\r\n"),
    ("obs-text-value", b"GET / HTTP/1.1\r\n" + H + b"X-Name: caf\xc3\xa9\r\n\r\n"),
    ("absolute-form", b"GET http://example.com/v1/documents?x=1 HTTP/1.1\r\n" + H + b"\r\n"),
    ("asterisk-form", b"OPTIONS * HTTP/1.1\r\n" + H + b"\r\n"),
    ("expect-continue", b"POST /u HTTP/1.1\r\n" + H + b"Expect: 100-continue\r\nContent-Length: 2\r\n\r\nok"),
    ("leading-empty-line", b"\r\nGET / HTTP/1.1\r\n" + H + b"\r\n"),
    ("bare-lf", b"GET / HTTP/1.1\n" + H.replace(b"\r\n", b"\n") + b"\n"),
    ("identical-content-lengths", b"POST /u HTTP/1.1\r\n" + H + b"Content-Length: 2\r\nContent-Length: 2\r\n\r\nok"),
    ("content-length-zero", b"POST /u HTTP/1.1\r\n" + H + b"Content-Length: 0\r\n\r\n"),
    ("delete", b"DELETE /v1/documents/a HTTP/1.1\r\n" + H + b"\r\n"),
    ("higher-minor-version", b"GET / HTTP/1.2\r\n" + H + b"\r\n"),
    ("connection-close", b"GET / HTTP/1.1\r\n" + H + b"Connection: close\r\n\r\n"),
    # Smuggling and framing.
    ("content-length-and-chunked", b"POST /u HTTP/1.1\r\n" + H + b"Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
    ("differing-content-lengths", b"POST /u HTTP/1.1\r\n" + H + b"Content-Length: 2\r\nContent-Length: 3\r\n\r\nabc"),
    ("content-length-list", b"POST /u HTTP/1.1\r\n" + H + b"Content-Length: 2, 3\r\n\r\nabc"),
    ("content-length-plus", b"POST /u HTTP/1.1\r\n" + H + b"Content-Length: +2\r\n\r\nab"),
    ("content-length-negative", b"POST /u HTTP/1.1\r\n" + H + b"Content-Length: -1\r\n\r\n"),
    ("content-length-hex", b"POST /u HTTP/1.1\r\n" + H + b"Content-Length: 0x2\r\n\r\nab"),
    ("transfer-encoding-gzip", b"POST /u HTTP/1.1\r\n" + H + b"Transfer-Encoding: gzip\r\n\r\nab"),
    ("transfer-encoding-gzip-chunked", b"POST /u HTTP/1.1\r\n" + H + b"Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"),
    ("transfer-encoding-chunked-twice", b"POST /u HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n"),
    ("transfer-encoding-http10", b"POST /u HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
    ("space-before-colon", b"GET / HTTP/1.1\r\n" + H + b"Content-Length : 0\r\n\r\n"),
    ("obs-fold", b"GET / HTTP/1.1\r\n" + H + b"X-A: one\r\n two\r\n\r\n"),
    ("bare-cr-in-field", b"GET / HTTP/1.1\r\n" + H + b"X-A: a\rb\r\n\r\n"),
    ("nul-in-value", b"GET / HTTP/1.1\r\n" + H + b"X-A: a\x00b\r\n\r\n"),
    ("chunk-size-not-hex", b"POST /u HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"),
    ("chunk-data-without-crlf", b"POST /u HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\n2\r\nabXX0\r\n\r\n"),
    # Field and request-line syntax.
    ("missing-host", b"GET / HTTP/1.1\r\n\r\n"),
    ("duplicate-host", b"GET / HTTP/1.1\r\n" + H + b"Host: other.example\r\n\r\n"),
    ("space-in-field-name", b"GET / HTTP/1.1\r\n" + H + b"X A: 1\r\n\r\n"),
    ("empty-field-name", b"GET / HTTP/1.1\r\n" + H + b": 1\r\n\r\n"),
    ("field-without-colon", b"GET / HTTP/1.1\r\n" + H + b"NoColon\r\n\r\n"),
    ("two-spaces-in-request-line", b"GET  / HTTP/1.1\r\n" + H + b"\r\n"),
    ("lowercase-version", b"GET / http/1.1\r\n" + H + b"\r\n"),
    ("http2-version", b"GET / HTTP/2.0\r\n" + H + b"\r\n"),
    ("http09-request", b"GET /\r\n\r\n"),
    ("space-in-target", b"GET /a b HTTP/1.1\r\n" + H + b"\r\n"),
    ("bad-method-character", b"G(T / HTTP/1.1\r\n" + H + b"\r\n"),
    ("unknown-method", b"BREW /pot HTTP/1.1\r\n" + H + b"\r\n"),
    ("connect-method", b"CONNECT example.com:443 HTTP/1.1\r\n" + H + b"\r\n"),
    ("fragment-in-target", b"GET /a#b HTTP/1.1\r\n" + H + b"\r\n"),
    ("invalid-percent-encoding", b"GET /a%zz HTTP/1.1\r\n" + H + b"\r\n"),
    ("expect-other", b"POST /u HTTP/1.1\r\n" + H + b"Expect: 200-ok\r\nContent-Length: 0\r\n\r\n"),
    # Incomplete input.
    ("head-incomplete", b"GET / HTTP/1.1\r\n" + H),
    ("body-incomplete", b"POST /u HTTP/1.1\r\n" + H + b"Content-Length: 10\r\n\r\nabc"),
    ("chunked-incomplete", b"POST /u HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\n5\r\nhel"),
]
