#!/usr/bin/env python3
"""Reference inference for Dossier's learned body/chrome line classifier.

This file is the executable specification that the Swift port must reproduce
(see FEATURES.md for the same thing in prose).  Standard library only.

    from blocks_reference import load_model, classify
    model = load_model("Tests/Training/block-weights.tsv")
    for line_index, is_body, score in classify(page_text, model):
        ...

    python3 Tests/Training/blocks_reference.py --weights Tests/Training/block-weights.tsv page.txt
        prints the page's body lines (the extracted article body)

`classify` returns one tuple per NON-BLANK line of the page, in page order:
(line_index, is_body, score) where line_index is the index of the line in
split_lines(page_text), score is the model's log-odds (w . x + bias) and
is_body is the decoder's decision.  Everything is linear in the page length.
"""
import math
import sys
import unicodedata

# ---------------------------------------------------------------------------
# Character classes (explicit, so that Swift can reproduce them exactly)
# ---------------------------------------------------------------------------

# Whitespace: exactly these code points (the set Python's str.isspace() accepts).
WHITESPACE = frozenset([
    0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0,
    0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
    0x2008, 0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
])

# Characters skipped at the end of a line before looking at its last "real" character.
CLOSERS = frozenset("\"'\u201d\u2019\u00bb\u203a)]}\u300d\u300f*")
# A line "ends like a sentence" when its last real character is one of these.
SENTENCE_END = frozenset(".!?\u2026\u3002\uff01\uff1f")
# Quotation marks anywhere in the line.
QUOTES = frozenset("\"\u201c\u201d\u201e\u00ab\u00bb\u300c\u300d")
# Separators typical of menus, breadcrumbs and share bars.
SEPARATORS = frozenset("|\u2022\u00b7\u00bb\u203a\u2192")
# Bullet characters at the start of a line.
BULLETS = frozenset("\u2022\u25aa\u25cf\u25e6\u25ba\u25b6*\u2023\u2043")


def is_space(c):
    return ord(c) in WHITESPACE


def is_letter(c):
    return unicodedata.category(c)[0] == "L"          # Lu Ll Lt Lm Lo


def is_upper(c):
    return unicodedata.category(c) == "Lu"


def is_digit(c):
    return unicodedata.category(c) == "Nd"


def ascii_lower(s):
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in s)


# ---------------------------------------------------------------------------
# Word lists: general English function words and general web-boilerplate words.
# Written from general knowledge, not taken from any evaluation page.
# ---------------------------------------------------------------------------

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each
few for from further had has have having he her here hers herself him himself his how
i if in into is it its itself just me more most my myself no nor not now of off on
once only or other our ours ourselves out over own same she should so some such than
that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves said says
""".split())

CHROME = frozenset("""
subscribe subscribed subscriber subscribers subscription subscriptions newsletter
newsletters sign login logout register registration account cookie cookies privacy
policy terms conditions advertisement advertising advertise ad ads sponsored share
shares shared tweet email print comments comment reply replies related recommended
popular trending menu search home contact copyright rights reserved follow download
app apps click loading skip navigation previous next tags topics accept consent
settings premium feedback faq help careers sitemap rss permalink javascript browser
facebook twitter instagram linkedin whatsapp pinterest youtube reddit
""".split())

MONTHS = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())

# ---------------------------------------------------------------------------
# Lines, words, per-line raw measures
# ---------------------------------------------------------------------------


def split_lines(text):
    """CRLF and CR become LF; the text is split on LF (a trailing LF gives a last empty line)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def trim(s):
    a, b = 0, len(s)
    while a < b and is_space(s[a]):
        a += 1
    while b > a and is_space(s[b - 1]):
        b -= 1
    return s[a:b]


def split_words(s):
    out, cur = [], []
    for c in s:
        if is_space(c):
            if cur:
                out.append("".join(cur))
                cur = []
        else:
            cur.append(c)
    if cur:
        out.append("".join(cur))
    return out


def core(w):
    """The word without leading and trailing characters that are neither letters nor digits."""
    a, b = 0, len(w)
    while a < b and not (is_letter(w[a]) or is_digit(w[a])):
        a += 1
    while b > a and not (is_letter(w[b - 1]) or is_digit(w[b - 1])):
        b -= 1
    return w[a:b]


def last_real_char(s):
    b = len(s)
    while b > 0 and s[b - 1] in CLOSERS:
        b -= 1
    return s[b - 1] if b > 0 else ""


class Line:
    """Raw measures of one non-blank (trimmed) line."""
    __slots__ = ("index", "text", "nw", "nc", "units", "endsent", "ellipsis", "colon", "stop",
                 "cap", "digit", "chrome", "alpha", "copyright", "sep", "url", "bullet", "quote",
                 "comma", "byline", "date", "block", "repeat", "lead_caps", "lower_start")

    def __init__(self, index, text):
        self.index = index
        self.text = text
        ws = split_words(text)
        nw = len(ws)
        nc = len(text)
        self.nw = nw
        self.nc = nc
        self.units = max(float(nw), nc / 6.0)
        last = last_real_char(text)
        self.endsent = 1.0 if last in SENTENCE_END else 0.0
        self.ellipsis = 1.0 if (text.endswith("...") or text.endswith("\u2026")) else 0.0
        self.colon = 1.0 if last == ":" else 0.0
        cores = [ascii_lower(core(w)) for w in ws]
        stop = chrome = cap = 0
        for w, c in zip(ws, cores):
            if c in STOPWORDS:
                stop += 1
            if c in CHROME:
                chrome += 1
            k = core(w)
            if k and is_upper(k[0]):
                cap += 1
        self.stop = stop / nw
        self.chrome = chrome / nw
        self.cap = cap / nw
        letters = digits = nonspace = commas = 0
        quote = sep = copyright = 0
        for c in text:
            if is_space(c):
                continue
            nonspace += 1
            if is_letter(c):
                letters += 1
            elif is_digit(c):
                digits += 1
            if c == ",":
                commas += 1
            if c in QUOTES:
                quote = 1
            if c in SEPARATORS:
                sep = 1
            if c == "\u00a9":
                copyright = 1
        self.digit = digits / nonspace
        self.alpha = letters / nonspace
        self.comma = min(1.0, commas / nw)
        self.quote = float(quote)
        self.sep = float(sep)
        self.copyright = float(copyright)
        low = ascii_lower(text)
        self.url = 1.0 if ("http:" in low or "https:" in low or "www." in low or "@" in low) else 0.0
        self.bullet = 1.0 if text[0] in BULLETS else 0.0
        self.byline = 1.0 if (cores[0] == "by" and nw <= 10) else 0.0
        has_month = any(c in MONTHS for c in cores)
        has_year = any(len(c) == 4 and c.isascii() and c.isdigit() and c[:2] in ("19", "20") for c in cores)
        self.date = 1.0 if (nw <= 12 and (has_month or has_year) and digits > 0) else 0.0
        lead = 0
        for w in ws:
            k = core(w)
            if k and is_upper(k[0]):
                lead += 1
            else:
                break
        self.lead_caps = lead
        k0 = core(ws[0])
        self.lower_start = 1.0 if (k0 and is_letter(k0[0]) and unicodedata.category(k0[0]) == "Ll") else 0.0
        self.block = 0
        self.repeat = 0.0


# ---------------------------------------------------------------------------
# Features
# ---------------------------------------------------------------------------

FEATURES = [
    # the line itself
    "len_units", "len_chars", "units_le2", "units_2_5", "units_5_10", "units_10_20",
    "end_sentence", "end_ellipsis", "end_colon", "stopword_share", "capital_share",
    "digit_share", "letter_share", "chrome_share", "chrome_any", "comma_rate", "quote",
    "separator", "url", "bullet", "copyright", "byline", "date", "repeated",
    "lead_capitals", "lower_start", "rel_len_page",
    # its block (run of non-blank lines between blank lines)
    "block_lines", "block_mean_units", "block_end_sentence",
    # its neighbours (non-blank lines, the line itself excluded)
    "prev3_units", "next3_units", "near3_end_sentence", "near3_stopword", "near3_chrome",
    "near10_units", "prev_end_sentence", "next_end_sentence",
    # its place in the page
    "position", "in_main_run", "dist_main_run", "before_main_run", "after_main_run",
    "in_strict_run", "dist_strict_run", "run_position",
]

WINDOW = 3
WIDE_WINDOW = 10
RUN_PROSE_MIN_UNITS = 8.0     # a line counts as prose with >= 8 units and a sentence end
RUN_PENALTY = 3.0             # cost of a non-prose line inside the main run
STRICT_RUN_PENALTY = 12.0     # the same for the strict (tighter) run


def page_lines(text):
    """Non-blank lines of the page with their raw measures, block ids and repeat flags."""
    raw = split_lines(text)
    lines = []
    block = 0
    prev_blank = True
    for i, r in enumerate(raw):
        t = trim(r)
        if not t:
            prev_blank = True
            continue
        if prev_blank and lines:
            block += 1
        prev_blank = False
        ln = Line(i, t)
        ln.block = block
        lines.append(ln)
    counts = {}
    for ln in lines:
        counts[ln.text] = counts.get(ln.text, 0) + 1
    for ln in lines:
        ln.repeat = 1.0 if counts[ln.text] > 1 else 0.0
    return lines


def main_run(lines, penalty):
    """Maximum-sum contiguous run of non-blank lines (Kadane; first maximum wins).

    Gain of a line: its units when it is prose (sentence end and >= RUN_PROSE_MIN_UNITS
    units), else -penalty.  Returns (start, end) inclusive, or (-1, -1) when every
    gain is negative."""
    best, best_s, best_e = 0.0, -1, -1
    cur, cur_s = 0.0, 0
    for j, ln in enumerate(lines):
        g = ln.units if (ln.endsent == 1.0 and ln.units >= RUN_PROSE_MIN_UNITS) else -penalty
        if cur <= 0.0:
            cur, cur_s = g, j
        else:
            cur += g
        if cur > best:
            best, best_s, best_e = cur, cur_s, j
    return best_s, best_e


def features(lines):
    """One feature vector (list of floats, in FEATURES order) per non-blank line."""
    n = len(lines)
    if n == 0:
        return []
    # block aggregates
    blines, bwords, bend = {}, {}, {}
    max_u = 0.0
    for ln in lines:
        blines[ln.block] = blines.get(ln.block, 0) + 1
        bwords[ln.block] = bwords.get(ln.block, 0.0) + ln.units
        bend[ln.block] = bend.get(ln.block, 0.0) + ln.endsent
        max_u = max(max_u, ln.units)
    log_max = math.log(1.0 + max_u)
    # prefix sums for windows
    def prefix(vals):
        p = [0.0]
        for v in vals:
            p.append(p[-1] + v)
        return p
    p_u = prefix([ln.units for ln in lines])
    p_end = prefix([ln.endsent for ln in lines])
    p_stop = prefix([ln.stop for ln in lines])
    p_chr = prefix([ln.chrome for ln in lines])

    def mean_excl(p, j, k):
        a, b = max(0, j - k), min(n - 1, j + k)
        cnt = b - a                     # lines in [a, b] minus the line itself
        if cnt == 0:
            return 0.0
        return (p[b + 1] - p[a] - (p[j + 1] - p[j])) / cnt

    def mean_range(p, a, b):            # mean over [a, b] inclusive, 0 when empty
        a, b = max(0, a), min(n - 1, b)
        if b < a:
            return 0.0
        return (p[b + 1] - p[a]) / (b - a + 1)

    rs, re_ = main_run(lines, RUN_PENALTY)
    ss, se = main_run(lines, STRICT_RUN_PENALTY)
    out = []
    for j, ln in enumerate(lines):
        u = ln.units
        if rs < 0:
            inr, dist, before, after = 0.0, math.log(1.0 + n), 0.0, 0.0
        elif j < rs:
            inr, dist, before, after = 0.0, math.log(1.0 + (rs - j)), 1.0, 0.0
        elif j > re_:
            inr, dist, before, after = 0.0, math.log(1.0 + (j - re_)), 0.0, 1.0
        else:
            inr, dist, before, after = 1.0, 0.0, 0.0, 0.0
        if ss < 0:
            ins, dists = 0.0, math.log(1.0 + n)
        elif j < ss:
            ins, dists = 0.0, math.log(1.0 + (ss - j))
        elif j > se:
            ins, dists = 0.0, math.log(1.0 + (j - se))
        else:
            ins, dists = 1.0, 0.0
        runpos = (j - rs) / (re_ - rs + 1) if (rs >= 0 and rs <= j <= re_) else 0.0
        v = [
            math.log(1.0 + u),
            math.log(1.0 + ln.nc),
            1.0 if u <= 2.0 else 0.0,
            1.0 if 2.0 < u <= 5.0 else 0.0,
            1.0 if 5.0 < u <= 10.0 else 0.0,
            1.0 if 10.0 < u <= 20.0 else 0.0,
            ln.endsent, ln.ellipsis, ln.colon, ln.stop, ln.cap,
            ln.digit, ln.alpha, ln.chrome, 1.0 if ln.chrome > 0 else 0.0, ln.comma, ln.quote,
            ln.sep, ln.url, ln.bullet, ln.copyright, ln.byline, ln.date, ln.repeat,
            math.log(1.0 + ln.lead_caps), ln.lower_start, math.log(1.0 + u) - log_max,
            math.log(1.0 + blines[ln.block]),
            math.log(1.0 + bwords[ln.block] / blines[ln.block]),
            bend[ln.block] / blines[ln.block],
            math.log(1.0 + mean_range(p_u, j - WINDOW, j - 1)),
            math.log(1.0 + mean_range(p_u, j + 1, j + WINDOW)),
            mean_excl(p_end, j, WINDOW),
            mean_excl(p_stop, j, WINDOW),
            mean_excl(p_chr, j, WINDOW),
            math.log(1.0 + mean_excl(p_u, j, WIDE_WINDOW)),
            lines[j - 1].endsent if j > 0 else 0.0,
            lines[j + 1].endsent if j + 1 < n else 0.0,
            j / n,
            inr, dist, before, after,
            ins, dists, runpos,
        ]
        out.append(v)
    return out


# ---------------------------------------------------------------------------
# Model and decoder
# ---------------------------------------------------------------------------


class Model:
    def __init__(self, weights, bias, threshold, switch_block, switch_inline, gap_line):
        self.weights = weights              # list in FEATURES order
        self.bias = bias
        self.threshold = threshold          # subtracted from every score in the decoder
        self.switch_block = switch_block    # cost of a state change across a blank line
        self.switch_inline = switch_inline  # cost of a state change between adjacent lines
        self.gap_line = gap_line            # cost of each line left out inside the body region


DECODER_PARAMS = ["threshold", "switch_block", "switch_inline", "gap_line"]


def load_model(path):
    w, extra = {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            name, value = line.split("\t")
            if name.startswith("decoder.") or name == "bias":
                extra[name] = float(value)
            else:
                w[name] = float(value)
    return Model([w[name] for name in FEATURES], extra["bias"],
                 *[extra["decoder." + k] for k in DECODER_PARAMS])


def scores(vectors, model):
    out = []
    for v in vectors:
        s = model.bias
        for x, wt in zip(v, model.weights):
            s += x * wt
        out.append(s)
    return out


PRE, BODY, GAP, POST = 0, 1, 2, 3
NEG_INF = float("-inf")


def decode(lines, sc, model):
    """Single-region Viterbi over the non-blank lines; returns 1 (body) / 0 per line.

    States: PRE (before the body region), BODY, GAP (a line left out inside the region),
    POST (after the region).  Allowed moves between consecutive lines: PRE->PRE, PRE->BODY,
    BODY->BODY, BODY->GAP, BODY->POST, GAP->GAP, GAP->BODY, POST->POST.  Every move that
    changes state costs switch_block when the two lines are in different blocks (a blank
    line between them), else switch_inline.  A BODY line earns
    ln(2 + units) * (score - threshold); a GAP line costs gap_line; PRE and POST earn 0.
    The first line may be PRE or BODY; the last line may be PRE, BODY or POST.
    Ties: the predecessor state listed first in PREDECESSORS wins; at the end, the state
    listed first in (PRE, POST, BODY) with the maximal value wins."""
    n = len(lines)
    if n == 0:
        return []
    v = [0.0, math.log(2.0 + lines[0].units) * (sc[0] - model.threshold), NEG_INF, NEG_INF]
    back = []
    for j in range(1, n):
        cost = model.switch_block if lines[j].block != lines[j - 1].block else model.switch_inline
        e = [0.0, math.log(2.0 + lines[j].units) * (sc[j] - model.threshold), -model.gap_line, 0.0]
        nv, nb = [0.0] * 4, [0] * 4
        for st in (PRE, BODY, GAP, POST):
            best, arg = NEG_INF, -1
            for prev in PREDECESSORS[st]:
                x = v[prev] - (0.0 if prev == st else cost)
                if x > best:
                    best, arg = x, prev
            nv[st] = best + e[st]
            nb[st] = arg
        back.append(nb)
        v = nv
    state, best = PRE, v[PRE]
    for st in (POST, BODY):
        if v[st] > best:
            state, best = st, v[st]
    states = [0] * n
    for j in range(n - 1, -1, -1):
        states[j] = 1 if state == BODY else 0
        if j > 0:
            state = back[j - 1][state]
    return states


PREDECESSORS = {PRE: (PRE,), BODY: (BODY, PRE, GAP), GAP: (GAP, BODY), POST: (POST, BODY)}


def classify(page_text, model):
    """[(line_index, is_body, score)] for every non-blank line of the page, in order."""
    lines = page_lines(page_text)
    vecs = features(lines)
    sc = scores(vecs, model)
    st = decode(lines, sc, model)
    return [(ln.index, bool(s), x) for ln, s, x in zip(lines, st, sc)]


def extract_body(page_text, model):
    """The body lines, trimmed, joined with LF."""
    lines = page_lines(page_text)
    res = classify(page_text, model)
    return "\n".join(ln.text for ln, (_, b, _) in zip(lines, res) if b)


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weights", required=True)
    ap.add_argument("page")
    a = ap.parse_args()
    m = load_model(a.weights)
    sys.stdout.write(extract_body(open(a.page, encoding="utf-8").read(), m) + "\n")
