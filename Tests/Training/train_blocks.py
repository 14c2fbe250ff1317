#!/usr/bin/env python3
"""Trains Dossier's body/chrome line classifier on the evaluation pages (standard library only).

    python3 Tests/Training/train_blocks.py --eval ../shared/eval --out Tests/Training/block-weights.tsv
    python3 Tests/Training/train_blocks.py --eval ../shared/eval --cv-only        # figures, no file
    python3 Tests/Training/train_blocks.py --vectors Tests/Training/block-vectors.json \
        --weights Tests/Training/block-weights.tsv                              # Swift test vectors

Steps:
 1. labels: every non-blank line of pages/pNNN.txt is labelled body / not body by aligning it
    with bodies.json's articleBody (see `label_page`).
 2. features: blocks_reference.features (specified in FEATURES.md).
 3. model: L2-regularised logistic regression, averaged SGD, fixed seed and order.
 4. decoder: single-region Viterbi (blocks_reference.decode); its four parameters are chosen
    on the training pages only, from out-of-fold scores (inner cross-validation), on a grid.
 5. evaluation: 5-fold cross-validation by page (fold = page number mod 5), scored with the
    scorer's own body measure (score.py's body_counts / body_f1).  Train-set figures are
    printed as well, to show overfitting.
 6. the final model is trained on all pages; its decoder parameters are chosen by
    cross-validation over all pages; weights go to --out as `name<TAB>weight` lines.

Deterministic: same inputs, same output file, on any python3 >= 3.8.
"""
import argparse
import json
import math
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import blocks_reference as ref  # noqa: E402

WORD = re.compile(r"\w+")       # the scorer's tokeniser (used for labels and scoring only)

# ---------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------


def label_page(lines, body):
    """Per non-blank line: 1 if it belongs to the article body, else 0.

    Long lines (>= 4 scorer tokens): their 4-token shingles are matched against the body's
    shingles, each body shingle occurrence usable once, first come first served in page
    order (so a second copy of the body, e.g. in a page's metadata, is not body).  A line
    is body when at least half of its shingles find an unused occurrence.
    Short lines (< 4 tokens): the body positions claimed by the long body lines before and
    after them bound a gap in the body's token stream; a short line is body when its tokens
    occur in that gap, in order (monotonic alignment), so that a word such as "News" counts
    only where the body has it between its neighbours."""
    B = WORD.findall(body)
    occ = defaultdict(list)
    for i in range(len(B) - 3):
        occ[tuple(B[i:i + 4])].append(i)
    toks = [WORD.findall(ln.text) for ln in lines]
    lab = [0] * len(lines)
    span = {}
    used = set()
    for i, t in enumerate(toks):
        if len(t) < 4:
            continue
        sh = [tuple(t[j:j + 4]) for j in range(len(t) - 3)]
        got = []
        for j, s in enumerate(sh):
            for p in occ.get(s, ()):
                if p not in used:
                    got.append((j, p))
                    break
        if 2 * len(got) < len(sh):
            continue
        lab[i] = 1
        for _, p in got:
            used.add(p)
        span[i] = (max(0, min(p - j for j, p in got)), max(p - j for j, p in got) + len(t))
    longs = sorted(span)
    for k in range(len(longs) + 1):
        a = longs[k - 1] if k > 0 else -1
        b = longs[k] if k < len(longs) else len(lines)
        lo = span[a][1] if k > 0 else 0
        hi = span[b][0] if k < len(longs) else len(B)
        gap = B[max(0, lo - 1):max(lo, hi) + 1]
        c = 0
        for i in range(a + 1, b):
            t = toks[i]
            if not t or len(t) >= 4:
                continue
            for s in range(c, len(gap) - len(t) + 1):
                if gap[s:s + len(t)] == t:
                    lab[i] = 1
                    c = s + len(t)
                    break
    return lab


# ---------------------------------------------------------------------------
# Scoring (the scorer's measure, imported from score.py)
# ---------------------------------------------------------------------------


def load_scorer(eval_dir):
    sys.path.insert(0, eval_dir)
    import score  # noqa: E402
    return score


class Page:
    def __init__(self, name, text, body):
        self.name = name
        self.body = body
        self.lines = ref.page_lines(text)
        self.X = ref.features(self.lines)
        self.y = label_page(self.lines, body)
        self.ntok = [len(WORD.findall(ln.text)) for ln in self.lines]

    def predicted_text(self, states):
        return "\n".join(ln.text for ln, s in zip(self.lines, states) if s)


def load_pages(eval_dir):
    bodies = json.load(open(os.path.join(eval_dir, "bodies.json"), encoding="utf-8"))
    pages = []
    for name in sorted(bodies):
        with open(os.path.join(eval_dir, "pages", name + ".txt"), encoding="utf-8") as f:
            pages.append(Page(name, f.read(), bodies[name]["articleBody"]))
    return pages


# ---------------------------------------------------------------------------
# Model: logistic regression, averaged SGD
# ---------------------------------------------------------------------------


class LCG:
    """Deterministic pseudo-random numbers (64-bit LCG, Knuth's MMIX constants)."""

    def __init__(self, seed):
        self.s = seed & 0xFFFFFFFFFFFFFFFF

    def below(self, n):
        self.s = (self.s * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.s >> 33) % n

    def shuffle(self, xs):
        for i in range(len(xs) - 1, 0, -1):
            j = self.below(i + 1)
            xs[i], xs[j] = xs[j], xs[i]


EPOCHS = 8
AVERAGE_FROM = 2
LR0 = 0.05
L2 = 1e-4
SEED = 20191120


def sample_weights(page):
    """Each line weighs 1 + ln(1 + its scorer tokens); each page's lines sum to the same total."""
    w = [1.0 + math.log(1.0 + t) for t in page.ntok]
    s = sum(w)
    return [x / s for x in w] if s else w


def train(pages):
    """Averaged SGD on standardised features; the result is mapped back to raw features."""
    d = len(ref.FEATURES)
    data = []
    for p in pages:
        for x, y, sw in zip(p.X, p.y, sample_weights(p)):
            data.append((x, y, sw))
    n = len(data)
    total_w = sum(sw for _, _, sw in data)
    mean = [sum(x[k] for x, _, _ in data) / n for k in range(d)]
    std = []
    for k in range(d):
        v = sum((x[k] - mean[k]) ** 2 for x, _, _ in data) / n
        std.append(math.sqrt(v) if v > 1e-12 else 1.0)
    data = [([(x[k] - mean[k]) / std[k] for k in range(d)], y, sw * n / total_w) for x, y, sw in data]
    order = list(range(n))
    rng = LCG(SEED)
    w = [0.0] * d
    b = 0.0
    aw = [0.0] * d
    ab = 0.0
    t = 0
    na = 0
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            x, y, sw = data[i]
            z = b
            for k in range(d):
                z += w[k] * x[k]
            if z >= 0:
                pz = 1.0 / (1.0 + math.exp(-z))
            else:
                ez = math.exp(z)
                pz = ez / (1.0 + ez)
            g = (pz - y) * sw
            lr = LR0 / (1.0 + t / n)
            for k in range(d):
                w[k] -= lr * (g * x[k] + L2 * w[k])
            b -= lr * g
            t += 1
            if epoch >= AVERAGE_FROM:
                na += 1
                for k in range(d):
                    aw[k] += (w[k] - aw[k]) / na
                ab += (b - ab) / na
    raw = [aw[k] / std[k] for k in range(d)]
    rb = ab - sum(aw[k] * mean[k] / std[k] for k in range(d))
    return raw, rb


def page_scores(page, w, b):
    out = []
    for x in page.X:
        s = b
        for xi, wi in zip(x, w):
            s += xi * wi
        out.append(s)
    return out


# ---------------------------------------------------------------------------
# Decoder tuning and evaluation
# ---------------------------------------------------------------------------

THRESHOLDS = [-1.5, -1.0, -0.5]
SWITCH_BLOCK = [0.0, 1.0, 2.0]
SWITCH_INLINE = [0.0, 2.0, 5.0]
GAP_LINE = [1.0, 2.0, 4.0]


def decode(page, sc, params):
    m = ref.Model(None, 0.0, *params)
    return ref.decode(page.lines, sc, m)


def evaluate(scorer, pages, scores_by_page, params):
    counts = []
    per = {}
    for p in pages:
        st = decode(p, scores_by_page[p.name], params)
        c = scorer.body_counts(p.body, p.predicted_text(st))
        counts.append(c)
        per[p.name] = scorer.body_f1([c])[0]
    f1, pr, rc = scorer.body_f1(counts)
    return f1, pr, rc, per


def tune(scorer, pages, scores_by_page):
    best = None
    for th in THRESHOLDS:
        for sb in SWITCH_BLOCK:
            for si in SWITCH_INLINE:
                for g in GAP_LINE:
                    f1 = evaluate(scorer, pages, scores_by_page, (th, sb, si, g))[0]
                    if best is None or f1 > best[0] + 1e-12:
                        best = (f1, (th, sb, si, g))
    return best[1]


def folds_of(pages, k):
    return [[p for i, p in enumerate(pages) if i % k == f] for f in range(k)]


def oof_scores(pages, k):
    """Out-of-fold scores for every page (k-fold by page)."""
    out = {}
    for fold in folds_of(pages, k):
        names = {p.name for p in fold}
        w, b = train([p for p in pages if p.name not in names])
        for p in fold:
            out[p.name] = page_scores(p, w, b)
    return out


def cross_validate(scorer, pages, k=5, inner=4, log=print):
    test_scores, params_used, train_figs = {}, {}, []
    for f, fold in enumerate(folds_of(pages, k)):
        names = {p.name for p in fold}
        tr = [p for p in pages if p.name not in names]
        params = tune(scorer, tr, oof_scores(tr, inner))
        w, b = train(tr)
        trs = {p.name: page_scores(p, w, b) for p in tr}
        train_figs.append(evaluate(scorer, tr, trs, params)[:3])
        for p in fold:
            test_scores[p.name] = page_scores(p, w, b)
            params_used[p.name] = params
        log("fold %d: decoder %s, train F1 %.3f" % (f, params, train_figs[-1][0]))
    counts, per = [], {}
    for p in pages:
        st = decode(p, test_scores[p.name], params_used[p.name])
        c = scorer.body_counts(p.body, p.predicted_text(st))
        counts.append(c)
        per[p.name] = (scorer.body_f1([c]), c)
    return scorer.body_f1(counts), per, train_figs


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------


def write_weights(path, w, b, params, note):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Dossier body/chrome line classifier: logistic regression weights and decoder.\n")
        f.write("# Generated by Tests/Training/train_blocks.py; see Tests/Training/FEATURES.md.\n")
        f.write("# %s\n" % note)
        f.write("bias\t%r\n" % b)
        for name, x in zip(ref.FEATURES, w):
            f.write("%s\t%r\n" % (name, x))
        for name, x in zip(ref.DECODER_PARAMS, params):
            f.write("decoder.%s\t%r\n" % (name, x))


VECTOR_TEXTS = {
    "article_with_menu": (
        "Home\nWorld\nBusiness\nSport\n\nSubscribe | Sign in\n\n"
        "Town council approves new river bridge\n\nBy Jane Example\nMarch 4, 2021\n\n"
        "The town council voted on Tuesday to approve a new footbridge across the river, ending "
        "a debate that has lasted almost ten years.\n\n"
        "\u201cThis is a good day for everyone who walks to work,\u201d the mayor said after the vote, "
        "adding that construction could begin in the spring.\n\n"
        "Advertisement\n\n"
        "The bridge will cost about 4 million dollars, most of it paid by a regional grant, and "
        "is expected to open to the public late next year.\n\n"
        "Opponents said the money would be better spent on repairing roads, but the motion "
        "passed by seven votes to two.\n\n"
        "Related stories\nCouncil debates parking fees\nNew library opens downtown\n\n"
        "Share this article\nFacebook\nTwitter\nEmail\n\n"
        "\u00a9 2021 Example Media. All rights reserved.\nPrivacy Policy | Terms of Use\n"),
    "cookie_banner_and_footer": (
        "We use cookies to improve your experience. By continuing you accept our cookie policy.\n"
        "Accept\n\nMenu\nSearch\n\n"
        "Scientists report that a small songbird can remember the location of thousands of "
        "hidden seeds for months, according to a study published this week.\n"
        "The researchers followed the birds through two winters and recorded where they stored "
        "and later recovered their food.\n"
        "Results\n"
        "They found that the birds returned to more than eight in ten of their hiding places, "
        "far more than chance would predict.\n\n"
        "Sign up for our newsletter\nEnter your email\nSubscribe\n\n"
        "Contact us\nAbout\nCareers\n"),
    "crlf_and_unicode": (
        "  \u00a0Menu\u00a0 \r\n\r\n"
        "\u00c9t\u00e9 chaud \u00e0 Paris : la ville ouvre ses fontaines au public pendant la canicule.\r\n"
        "\u2022 Les parcs restent ouverts la nuit\u2026\r\n\r\n"
        "\u65e5\u672c\u8a9e\u306e\u6587\u3082\u542b\u307e\u308c\u307e\u3059\u3002\r\n"
        "Page 1 \u00b7 Page 2 \u00b7 Next \u203a\r\n"),
    "empty": "",
    "blank_only": "\n \n\t\n",
}


def write_vectors(path, model):
    out = []
    for name, text in VECTOR_TEXTS.items():
        lines = ref.page_lines(text)
        X = ref.features(lines)
        res = ref.classify(text, model)
        out.append({
            "name": name,
            "text": text,
            "lines": [{
                "line_index": ln.index,
                "text": ln.text,
                "block": ln.block,
                "features": dict(zip(ref.FEATURES, x)),
                "score": s,
                "is_body": bool(b),
            } for ln, x, (_, b, s) in zip(lines, X, res)],
            "main_run": list(ref.main_run(lines, ref.RUN_PENALTY)),
            "strict_run": list(ref.main_run(lines, ref.STRICT_RUN_PENALTY)),
            "body": ref.extract_body(text, model),
        })
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"features": ref.FEATURES, "cases": out}, f, ensure_ascii=False, indent=1)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", default=os.path.join(HERE, "..", "..", "..", "shared", "eval"))
    ap.add_argument("--out", default=os.path.join(HERE, "block-weights.tsv"))
    ap.add_argument("--cv-only", action="store_true", help="cross-validate, write nothing")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--worst", type=int, default=12, help="how many worst CV pages to list")
    ap.add_argument("--vectors", help="write Swift test vectors (synthetic pages) to this JSON file")
    ap.add_argument("--weights", help="with --vectors: the weights file to use (default: --out)")
    a = ap.parse_args()

    if a.vectors:
        write_vectors(a.vectors, ref.load_model(a.weights or a.out))
        print("wrote %s" % a.vectors)
        return

    scorer = load_scorer(os.path.abspath(a.eval))
    pages = load_pages(a.eval)
    nlines = sum(len(p.lines) for p in pages)
    oracle = scorer.body_f1([scorer.body_counts(p.body, p.predicted_text(p.y)) for p in pages])
    print("%d pages, %d non-blank lines, %d labelled body; labels as extraction: F1 %.3f P %.3f R %.3f"
          % (len(pages), nlines, sum(sum(p.y) for p in pages), *oracle))

    (f1, pr, rc), per, train_figs = cross_validate(scorer, pages, a.folds)
    tf = [sum(x[i] for x in train_figs) / len(train_figs) for i in range(3)]
    print("CV (%d-fold by page): body F1 %.3f  precision %.3f  recall %.3f" % (a.folds, f1, pr, rc))
    print("train (mean over folds): body F1 %.3f  precision %.3f  recall %.3f" % tuple(tf))
    worst = sorted(per.items(), key=lambda kv: kv[1][0][0])[:a.worst]
    print("worst CV pages: " + ", ".join("%s %.2f (P %.2f R %.2f)" % (k, v[0][0], v[0][1], v[0][2])
                                         for k, v in worst))
    if a.cv_only:
        return

    params = tune(scorer, pages, oof_scores(pages, a.folds))
    w, b = train(pages)
    full = {p.name: page_scores(p, w, b) for p in pages}
    ff1, fp, fr, _ = evaluate(scorer, pages, full, params)
    print("final model on all pages: decoder %s, train F1 %.3f P %.3f R %.3f" % (params, ff1, fp, fr))
    write_weights(a.out, w, b, params,
                  "%d pages; %d-fold CV body F1 %.3f P %.3f R %.3f; train F1 %.3f"
                  % (len(pages), a.folds, f1, pr, rc, ff1))
    print("wrote %s" % a.out)


if __name__ == "__main__":
    main()
