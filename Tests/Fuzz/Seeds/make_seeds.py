#!/usr/bin/env python3
"""Writes the hand-made seed inputs of each fuzz target into SEED_DIR/<target>/.

The committed corpora (Tests/Fuzz/Corpus/<target>/) are these seeds merged with what the
fuzzer found and minimised with -merge=1; this script is kept so the seeds can be regenerated
and extended. Usage: python3 make_seeds.py SEED_DIR
"""
import hashlib, os, shutil, sys

root = os.path.dirname(os.path.abspath(__file__))
repo = os.path.normpath(os.path.join(root, "..", "..", ".."))
out = sys.argv[1]

def write(target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)

# --- HTTP requests: valid, invalid, smuggling, pipelining, chunked, limits.
H = "Host: example.org\r\n"
requests = [
    "GET / HTTP/1.1\r\n" + H + "\r\n",
    "GET /v1/documents?limit=5&offset=10 HTTP/1.1\r\n" + H + "Accept: application/json\r\n\r\n",
    "GET /v1/search?q=nickel+%22export+ban%22+-coal HTTP/1.1\r\n" + H + "\r\n",
    "GET /v1/documents/000_65728c7abcf48230 HTTP/1.0\r\n\r\n",
    "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
    "HEAD /v1/documents HTTP/1.1\r\n" + H + "Connection: close\r\n\r\n",
    "OPTIONS * HTTP/1.1\r\n" + H + "\r\n",
    "OPTIONS /v1/documents HTTP/1.1\r\n" + H + "Origin: https://newsroom.example\r\nAccess-Control-Request-Method: POST\r\n\r\n",
    "GET http://example.org/v1/documents HTTP/1.1\r\n" + H + "\r\n",
    "POST /v1/documents HTTP/1.1\r\n" + H + "Content-Type: text/plain\r\nContent-Length: 11\r\n\r\nhello world",
    "POST /v1/documents HTTP/1.1\r\n" + H + "Content-Type: application/json\r\nContent-Length: 27\r\nIdempotency-Key: k1\r\n\r\n{\"text\":\"Body\",\"id\":\"a1\"}\n",
    "PUT /v1/documents/a1 HTTP/1.1\r\n" + H + "Content-Length: 3\r\nIf-Match: \"abc\"\r\n\r\nabc",
    "DELETE /v1/documents/a1 HTTP/1.1\r\n" + H + "\r\n",
    "PATCH /v1/documents/a1 HTTP/1.1\r\n" + H + "Content-Length: 2\r\n\r\n{}",
    # chunked
    "POST /v1/documents HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n",
    "POST /v1/documents HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n5;name=value\r\nhello\r\n0\r\nX-Checksum: abc\r\n\r\n",
    "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
    "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n",
    "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n",
    "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\nfffffffffffffffff\r\n",
    "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n",
    "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n5\nhello\n0\n\n",
    "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding:\r\n\r\n",
    "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    # smuggling attempts
    "POST / HTTP/1.1\r\n" + H + "Content-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nG",
    "POST / HTTP/1.1\r\n" + H + "Content-Length: 6\r\nContent-Length: 5\r\n\r\nhello!",
    "POST / HTTP/1.1\r\n" + H + "Content-Length: 5, 5\r\n\r\nhello",
    "POST / HTTP/1.1\r\n" + H + "Content-Length: +5\r\n\r\nhello",
    "POST / HTTP/1.1\r\n" + H + "Content-Length: 99999999999999999999999\r\n\r\n",
    "POST / HTTP/1.1\r\n" + H + "Content-Length : 5\r\n\r\nhello",
    "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n",
    "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n",
    "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n folded\r\n\r\n0\r\n\r\n",
    "POST / HTTP/1.1\r\n" + H + "Transfer-Encoding:\tchunked\r\n\r\n0\r\n\r\n",
    "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
    "GET / HTTP/1.1\r\n\r\n",
    "GET / HTTP/1.1\rHost: a\r\n\r\n",
    "GET / HTTP/1.1\nHost: a\n\n",
    "\r\n\r\nGET / HTTP/1.1\r\n" + H + "\r\n",
    "GET / HTTP/2.0\r\n" + H + "\r\n",
    "GET / HTTP/1.9\r\n" + H + "\r\n",
    "GET / HTTP/1\r\n" + H + "\r\n",
    "GET  / HTTP/1.1\r\n" + H + "\r\n",
    "get / HTTP/1.1\r\n" + H + "\r\n",
    "BREW / HTTP/1.1\r\n" + H + "\r\n",
    "GET /a%2 HTTP/1.1\r\n" + H + "\r\n",
    "GET /a%00b HTTP/1.1\r\n" + H + "\r\n",
    "GET /caf%C3%A9 HTTP/1.1\r\n" + H + "\r\n",
    "GET /%FF HTTP/1.1\r\n" + H + "\r\n",
    "GET nothing HTTP/1.1\r\n" + H + "\r\n",
    "GET / HTTP/1.1\r\n" + H + "Bad Header: x\r\n\r\n",
    "GET / HTTP/1.1\r\n" + H + ": novalue\r\n\r\n",
    "GET / HTTP/1.1\r\n" + H + "X-Ctl: a\x01b\r\n\r\n",
    "GET / HTTP/1.1\r\n" + H + "X-Latin: caf\xe9\r\n\r\n",
    # Expect
    "POST / HTTP/1.1\r\n" + H + "Expect: 100-continue\r\nContent-Length: 4\r\n\r\n",
    "POST / HTTP/1.1\r\n" + H + "Expect: 100-continue\r\nContent-Length: 4\r\n\r\nbody",
    "POST / HTTP/1.1\r\n" + H + "Expect: 200-ok\r\nContent-Length: 4\r\n\r\nbody",
    # pipelining
    "GET /a HTTP/1.1\r\n" + H + "\r\nGET /b HTTP/1.1\r\n" + H + "\r\nPOST /c HTTP/1.1\r\n" + H + "Content-Length: 1\r\n\r\nx",
    "POST /a HTTP/1.1\r\n" + H + "Transfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n\r\nGET /b HTTP/1.1\r\n" + H + "\r\n",
    # limits
    "GET /" + "a" * 9000 + " HTTP/1.1\r\n" + H + "\r\n",
    "GET / HTTP/1.1\r\n" + H + "".join("X-F%d: v\r\n" % i for i in range(101)) + "\r\n",
    "GET / HTTP/1.1\r\n" + H + "X-Big: " + "b" * 33000 + "\r\n\r\n",
    "POST / HTTP/1.1\r\n" + H + "Content-Length: 1048577\r\n\r\n",
]
for r in requests:
    write("fuzz-request-parser", r.encode("latin-1") if "\xe9" in r else r)

# --- Query strings and search queries (one target reads both).
queries = [
    "limit=5&offset=10", "q=nickel+%22export+ban%22+-coal+indones*", "q=caf%C3%A9&kind=pressRelease",
    "a=1&a=2&b=x+y", "a=1&&b=2", "flag", "=", "&&&", "%", "%4", "%zz=1", "%C3=1", "a=%E2%82%AC",
    "fields=id,title&sort=-published", "from=2024-01-01&to=2024-12-31&entity=un-ohchr",
    "nickel", "\"export ban\"", "-coal nickel", "-\"a phrase\" word", "indones*", "a*", "*", "**",
    "jong-un", "Kim Jong-un's", "don't", "\"unclosed", "-only", "a-b*", "x*y*",
    " ".join("w%d" % i for i in range(40)), "Tomás Ojea Quintana", "Søren Ǿresund", "Đà Nẵng",
    "東京 北朝鮮", "détentions élections", "flooded floods flooding", "minstr", "indonesiaa",
]
for q in queries:
    write("fuzz-query", q)

# --- JSON documents: valid and invalid.
jsons = [
    '{"text":"SEOUL - Body.","id":"a1","title":"T","source":"Reuters","published":"2024-03-01"}',
    '{"id":"a","tags":["x","y"],"n":1,"d":1.5,"e":-2.5e-3,"t":true,"f":false,"z":null}',
    '[]', '{}', '[[[[[[[[]]]]]]]]', '"\\u00e9\\ud83d\\ude00\\n\\t\\"\\\\\\/"', '0', '-0', '-0.0',
    '9223372036854775807', '-9223372036854775808', '9223372036854775808', '1e308', '1e309', '5e-324',
    '1.7976931348623157e308', '123456789012345678901234567890', '0.1', '1E+2',
    '{"a":1,"a":2}', '[1,]', '{"a":1,}', '01', '1.', '.5', '+1', 'NaN', 'Infinity', "'x'",
    '"\\ud800"', '"\\udc00\\ud800"', '"\\u12"', '"\\x"', '"a\x01b"', '\ufeff{}', '{"a" 1}',
    '[1 2]', 'nul', 'tru', '"\u2028\u2029"', ' \t\r\n[1] \n', '[1] x', '"caf\u00e9"',
]
for j in jsons:
    write("fuzz-json", j)
write("fuzz-json", b'"\xc3\x28"')
write("fuzz-json", b'"\xed\xa0\x80"')
write("fuzz-json", b'"\xf4\x90\x80\x80"')
write("fuzz-json", b'"\xc0\xaf"')

# --- Article texts: the seed documents and the extraction fixtures.
for d in (os.path.join(repo, "seeds"), os.path.join(repo, "Tests", "ExtractionTests", "Fixtures")):
    for name in sorted(os.listdir(d)):
        if name.endswith(".txt"):
            with open(os.path.join(d, name), "rb") as f:
                write("fuzz-ingest", f.read())
for t in [
    "Headline\n\nBody paragraph.", "", "\n\n\n", "---\nsource: Reuters\npublished: 2024-02-30\n---\nBody.",
    "WASHINGTON, March 3 (AP) — Officials said on Tuesday.\n\n\"We will,\" said Minister Kim.",
    "Home | News | Contact\n\nSkip to content\n\nA story.\n\nMedia contact: Jane Doe, +41 22 917 9000, jane@example.org",
    "\u00a0\u2028\u2029\u0085\x0b\x0c\r\n\tText\u200b",
]:
    write("fuzz-ingest", t)
