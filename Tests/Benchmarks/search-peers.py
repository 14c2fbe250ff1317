#!/usr/bin/env python3
"""Runs the search benchmark's corpus and queries through SQLite FTS5 and tantivy.

    search-peers.py DIR [--rounds R] [--no-snippets] [--only sqlite|tantivy]

DIR holds what `search-benchmark N SEED --export DIR` wrote: corpus.jsonl, queries.jsonl and
dossier.json. Each peer indexes the same documents (title + body) on one core, answers the same
60 queries (translated from Dossier's query language) with two warm-up passes and R timed passes
round robin, top 10 by BM25 with a snippet per hit, and writes DIR/<peer>.json. Then one table
compares Dossier, SQLite FTS5 and tantivy side by side.

SQLite comes with Python; tantivy is the PyPI package `tantivy` (search-compare.sh installs a
pinned version into .build-bench-venv/). Without tantivy the table shows only SQLite.
"""

import argparse
import ctypes
import datetime
import gc
import json
import os
import re
import sqlite3
import sys
import time

CATEGORIES = ["one-word", "two-words", "phrase", "prefix", "typo", "filtered"]
# Dossier's field weights (SearchSegment.Field): the peers boost titles the same way.
TITLE_WEIGHT = 2.5


# ---------------------------------------------------------------------------------------------
# Measuring


def pin_to_one_core():
    """Runs this process on CPU 1 (or the only CPU there is), as the Swift benchmark runs."""
    cpus = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {1} if 1 in cpus or len(cpus) > 1 else {min(cpus)})


def resident_bytes():
    """VmRSS after a garbage collection and malloc_trim, so freed memory is not counted."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except OSError:
        pass
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def percentile(sorted_values, p):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[min(len(sorted_values), int(rank)) - 1]


def summarize(samples_by_query, queries, totals):
    """Per-category and overall p50/p99/mean in ms, and mean hits per query."""
    result = {}
    for name in CATEGORIES + ["overall"]:
        positions = [i for i, q in enumerate(queries) if name in ("overall", q["category"])]
        values = sorted(s * 1000 for i in positions for s in samples_by_query[i])
        result[name] = {
            "p50_ms": percentile(values, 50),
            "p99_ms": percentile(values, 99),
            "mean_ms": sum(values) / len(values) if values else float("nan"),
            "mean_hits": sum(totals[i] for i in positions) / max(1, len(positions)),
        }
    return result


def run_queries(answer, queries, rounds):
    """Times `answer(query)` for every query: two warm-up passes, then `rounds` passes."""
    for _ in range(2):
        for query in queries:
            answer(query)
    samples = [[] for _ in queries]
    clock = time.perf_counter
    for _ in range(rounds):
        for position, query in enumerate(queries):
            start = clock()
            answer(query)
            samples[position].append(clock() - start)
    return samples


# ---------------------------------------------------------------------------------------------
# Dossier's query language


CLAUSE = re.compile(r'(-?)(?:"([^"]*)"|(\S+))')
WORD = re.compile(r"\w+", re.UNICODE)


def parse_query(text):
    """Dossier's query language as (required, excluded) lists of (kind, words) clauses, kind
    being "word", "phrase" or "prefix"; words lower-cased, split as Dossier splits them."""
    required, excluded = [], []
    for negated, quoted, bare in CLAUSE.findall(text):
        if bare and bare.endswith("*"):
            clause = ("prefix", [bare[:-1].lower()])
        else:
            words = WORD.findall((quoted or bare).lower())
            if not words:
                continue
            clause = ("word", words) if len(words) == 1 else ("phrase", words)
        (excluded if negated else required).append(clause)
    return required, excluded


# ---------------------------------------------------------------------------------------------
# SQLite FTS5


class SQLitePeer:
    """SQLite FTS5, in memory: porter + unicode61 tokenizer, bm25 with the title boosted,
    filters through a join with an ordinary table. FTS5 has no typo tolerance: misspelled
    words run as written."""

    name = "sqlite"

    def __init__(self, snippets):
        """An empty in-memory database; `snippets` adds snippet() to every answer."""
        self.snippets = snippets
        self.db = sqlite3.connect(":memory:")
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")

    def build(self, documents):
        """Indexes the documents in one transaction, then merges the FTS5 b-trees (optimize)."""
        db = self.db
        db.execute(
            "CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='porter unicode61 remove_diacritics 2')")
        db.execute(
            "CREATE TABLE docs (rowid INTEGER PRIMARY KEY, id TEXT, source TEXT, kind TEXT, published TEXT, year INTEGER)")
        with db:
            db.executemany("INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)",
                           ((n, d["title"], d["body"]) for n, d in enumerate(documents, 1)))
            db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?, ?)",
                           ((n, d["id"], d.get("source"), d["kind"], d.get("published"), d.get("year"))
                            for n, d in enumerate(documents, 1)))
            db.execute("INSERT INTO fts (fts) VALUES ('optimize')")

    def database_bytes(self):
        """The database's size: pages times page size."""
        page_count = self.db.execute("PRAGMA page_count").fetchone()[0]
        page_size = self.db.execute("PRAGMA page_size").fetchone()[0]
        return page_count * page_size

    @staticmethod
    def match_expression(text):
        """The FTS5 MATCH expression: every term quoted (so no word is an operator)."""
        def render(clause):
            """One clause in FTS5 syntax: `"word"`, `"a phrase"` or `"prefix"*`."""
            kind, words = clause
            if kind == "prefix":
                return '"%s"*' % words[0]
            return '"%s"' % " ".join(words)
        required, excluded = parse_query(text)
        expression = " AND ".join(render(c) for c in required)
        for clause in excluded:
            expression += " NOT " + render(clause)
        return expression

    def statement(self, query, columns, tail):
        """SQL and parameters for `query` with its filters."""
        sql = "SELECT %s FROM fts JOIN docs d ON d.rowid = fts.rowid WHERE fts MATCH ?" % columns
        parameters = [self.match_expression(query["text"])]
        for column, key in (("source", "source"), ("kind", "kind")):
            if query.get(key):
                sql += " AND d.%s = ?" % column
                parameters.append(query[key])
        if query.get("from"):
            sql += " AND d.published >= ?"
            parameters.append(query["from"])
        if query.get("to"):
            sql += " AND d.published <= ?"
            parameters.append(query["to"])
        return sql + tail, parameters

    def answer(self, query):
        """The top 10 by bm25 (title boosted as Dossier boosts it), with a snippet each."""
        columns = "d.id" + (", snippet(fts, 1, '<mark>', '</mark>', '…', 16)" if self.snippets else "")
        sql, parameters = self.statement(query, columns, " ORDER BY bm25(fts, %s, 1.0) LIMIT 10" % TITLE_WEIGHT)
        return self.db.execute(sql, parameters).fetchall()

    def total(self, query):
        """How many documents match (not timed: FTS5 needs a second query for it)."""
        sql, parameters = self.statement(query, "count(*)", "")
        return self.db.execute(sql, parameters).fetchone()[0]


# ---------------------------------------------------------------------------------------------
# tantivy


class TantivyPeer:
    """tantivy in RAM, one writer thread: title and body with the en_stem tokenizer, source and
    kind as raw strings, published as an indexed fast date. Words of five letters or more also
    match their misspellings (fuzzy, one edit, two from nine letters, transpositions one), as
    in Dossier; prefixes expand to at most 50 terms (Dossier: 64)."""

    name = "tantivy"

    def __init__(self, snippets):
        """The schema and an empty index in RAM; `snippets` stores title and body for snippets."""
        import tantivy
        self.tantivy = tantivy
        self.snippets = snippets
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", stored=snippets, tokenizer_name="en_stem")
        builder.add_text_field("body", stored=snippets, tokenizer_name="en_stem")
        builder.add_text_field("source", tokenizer_name="raw")
        builder.add_text_field("kind", tokenizer_name="raw")
        builder.add_date_field("published", indexed=True, fast=True)
        builder.add_integer_field("year", indexed=True, fast=True)
        self.schema = builder.build()
        self.index = tantivy.Index(self.schema)
        self.stemmer = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                        .filter(tantivy.Filter.lowercase()).filter(tantivy.Filter.stemmer("english")).build())

    def build(self, documents):
        """Indexes the documents with one writer thread, commits and waits for merges."""
        tantivy = self.tantivy
        writer = self.index.writer(heap_size=256_000_000, num_threads=1)
        for d in documents:
            fields = {"id": [d["id"]], "title": [d["title"]], "body": [d["body"]], "kind": [d["kind"]]}
            if d.get("source"):
                fields["source"] = [d["source"]]
            if d.get("published"):
                fields["published"] = [datetime.datetime.fromisoformat(d["published"])]
                fields["year"] = [d["year"]]
            writer.add_document(tantivy.Document(**fields))
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        self.searcher = self.index.searcher()

    def clause_query(self, clause, fuzzy=True):
        """One clause over title and body; an excluded word is never fuzzy, as in Dossier."""
        tantivy = self.tantivy
        Occur, Query = tantivy.Occur, tantivy.Query
        kind, words = clause
        if kind == "prefix":
            return Query.boolean_query([(Occur.Should, Query.phrase_prefix_query(self.schema, field, words))
                                        for field in ("title", "body")])
        if kind == "phrase":
            return self.index.parse_query('"%s"' % " ".join(words), ["title", "body"], {"title": TITLE_WEIGHT})
        word = words[0]
        exact = self.index.parse_query(word, ["title", "body"], {"title": TITLE_WEIGHT})
        if not fuzzy or len(word) < 5 or word.isdigit():
            return exact
        stems = self.stemmer.analyze(word)
        if not stems:
            return exact
        distance = 2 if len(word) >= 9 else 1
        fuzzy = [(Occur.Should, Query.boost_query(Query.fuzzy_term_query(self.schema, field, stems[0], distance, True), 0.5))
                 for field in ("title", "body")]
        return Query.boolean_query([(Occur.Should, exact)] + fuzzy)

    def query(self, query):
        """The whole query: required clauses, excluded clauses, and the filter as term and range queries."""
        tantivy = self.tantivy
        Occur, Query = tantivy.Occur, tantivy.Query
        required, excluded = parse_query(query["text"])
        parts = [(Occur.Must, self.clause_query(c)) for c in required]
        parts += [(Occur.MustNot, self.clause_query(c, fuzzy=False)) for c in excluded]
        for key in ("source", "kind"):
            if query.get(key):
                parts.append((Occur.Must, Query.term_query(self.schema, key, query[key])))
        if query.get("from") or query.get("to"):
            lower = datetime.datetime.fromisoformat(query["from"]) if query.get("from") else None
            upper = datetime.datetime.fromisoformat(query["to"]) if query.get("to") else None
            parts.append((Occur.Must, Query.range_query(self.schema, "published", tantivy.FieldType.Date, lower, upper)))
        return Query.boolean_query(parts)

    def answer(self, query):
        """The top 10 by BM25 with the total count, and a body snippet for each hit."""
        parsed = self.query(query)
        result = self.searcher.search(parsed, 10)
        if not self.snippets:
            return result.hits
        generator = self.tantivy.SnippetGenerator.create(self.searcher, parsed, self.schema, "body")
        return [generator.snippet_from_doc(self.searcher.doc(address)).to_html() for _, address in result.hits]

    def total(self, query):
        """How many documents match."""
        return self.searcher.search(self.query(query), 1, count=True).count


# ---------------------------------------------------------------------------------------------
# Running and reporting


def load_jsonl(path):
    """The JSON values of a file with one per line."""
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def run_peer(peer, documents, queries, raw_bytes, rounds):
    """Builds `peer`'s index, runs the queries, and returns its results as a dict."""
    before = resident_bytes()
    start = time.perf_counter()
    peer.build(documents)
    build_seconds = time.perf_counter() - start
    after = resident_bytes()
    totals = [peer.total(q) for q in queries]
    samples = run_queries(peer.answer, queries, rounds)
    result = {
        "engine": peer.name, "documents": len(documents), "build_seconds": build_seconds,
        "rss_before_bytes": before, "rss_after_bytes": after, "index_bytes": after - before, "raw_bytes": raw_bytes,
        "categories": summarize(samples, queries, totals),
        "totals": totals,
    }
    if isinstance(peer, SQLitePeer):
        result["database_bytes"] = peer.database_bytes()
    return result


def mib(value):
    """Bytes as MiB with one decimal."""
    return "%.1f MiB" % (value / 1048576)


def print_table(results):
    """One table: p50, p99 and mean hits per category for each engine, then build and memory."""
    cell = 26
    labels = {"dossier": "dossier", "sqlite": "sqlite fts5", "tantivy": "tantivy"}
    lines = ["%-12s" % ("N=%d" % results[0]["documents"]) + "".join(labels[r["engine"]].center(cell) for r in results),
             "%-12s" % "ms" + "".join("%8s%8s%10s" % ("p50", "p99", "hits") for _ in results)]
    rule = "-" * len(lines[0])
    lines.append(rule)
    for name in CATEGORIES + ["overall"]:
        row = "%-12s" % name
        for r in results:
            c = r["categories"][name]
            typo = r["engine"] == "sqlite" and name == "typo"
            row += "%8.3f%8.3f%10s" % (c["p50_ms"], c["p99_ms"], ("%.0f" % c["mean_hits"]) + ("*" if typo else " "))
        lines.append(row)
    lines.append(rule)
    lines.append("%-12s" % "build s" + "".join(("%.2f" % r["build_seconds"]).center(cell) for r in results))
    lines.append("%-12s" % "index RSS" + "".join(mib(r["index_bytes"]).center(cell) for r in results))
    lines.append("%-12s" % "x raw text" + "".join(("%.2f" % (r["index_bytes"] / r["raw_bytes"])).center(cell) for r in results))
    print("\n".join(lines))
    print()
    print("raw text (title + indexed paragraphs): %s. hits: mean total matches per query." % mib(results[0]["raw_bytes"]))
    print("index RSS: the growth of resident memory while indexing (after malloc_trim).")
    sqlite = next((r for r in results if r["engine"] == "sqlite"), None)
    if sqlite:
        print("* SQLite FTS5 has no typo tolerance: misspelled words run as written. SQLite database: %s."
              % mib(sqlite["database_bytes"]))


def main():
    """Runs the peers on DIR and prints the table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory")
    parser.add_argument("--rounds", type=int, default=20, help="timed passes over the query set (default 20)")
    parser.add_argument("--no-snippets", action="store_true", help="skip snippets (Dossier always makes them)")
    parser.add_argument("--only", choices=["sqlite", "tantivy"], help="run one peer")
    arguments = parser.parse_args()
    pin_to_one_core()

    directory = arguments.directory
    documents = load_jsonl(os.path.join(directory, "corpus.jsonl"))
    queries = load_jsonl(os.path.join(directory, "queries.jsonl"))
    raw_bytes = sum(len(d["title"].encode()) + len(d["body"].encode()) for d in documents)
    snippets = not arguments.no_snippets

    peers = []
    if arguments.only in (None, "sqlite"):
        peers.append(lambda: SQLitePeer(snippets))
    if arguments.only in (None, "tantivy"):
        try:
            import tantivy  # noqa: F401
            peers.append(lambda: TantivyPeer(snippets))
        except ImportError:
            print("tantivy is not installed (pip install tantivy): skipping it", file=sys.stderr)

    results = []
    for make in peers:
        peer = make()
        result = run_peer(peer, documents, queries, raw_bytes, arguments.rounds)
        with open(os.path.join(directory, peer.name + ".json"), "w") as out:
            json.dump(result, out)
        results.append(result)
        del peer
        gc.collect()

    dossier_path = os.path.join(directory, "dossier.json")
    dossier = json.load(open(dossier_path)) if os.path.exists(dossier_path) else None
    print_table([dossier] + results if dossier else results)


if __name__ == "__main__":
    main()
