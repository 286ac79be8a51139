#!/usr/bin/env python3
"""Build a line-labelled holdout set in the pages-dev format from PyPI
test fixtures.  Extraction and labelling are ../pages-dev/make_pages_dev.py's
own (imported unchanged: html_to_lines, label_page, norm, tokens); only the
input reading differs.  scripts/make_holdout.sh downloads the fixtures and
runs this (README.md beside it says what the sets are).

Usage:
    python build_holdout.py SOURCE FIXTURE_DIR OUT_DIR --dev DEV_TEXTS_DIR

SOURCE:
  article-extractor  FIXTURE_DIR = <sdist>/tests/fixtures/fullpage_to_article_html
                     (per case raw.html + expected.html + meta.json); the
                     ground truth is the visible text of expected.html.
  newspaper4k        FIXTURE_DIR = <sdist>/tests/data (html/X.html, txt/X.txt,
                     metadata/X.json); the ground truth is txt/X.txt.

Pages whose ground truth is under 300 characters, that
are not articles, whose HTML repeats another fixture, that match a pages-dev
page, or whose content lines cover < 50% of the body (make_pages_dev's
filter) are skipped and listed in pages.tsv.

Writes OUT_DIR/texts/<sha256(html)[:16]>.txt, OUT_DIR/labels.tsv (same format
as pages-dev) and OUT_DIR/pages.tsv (file, source id, url, body chars,
coverage, script, status) for provenance; skipped pages are listed there too.
"""
import argparse
import collections
import hashlib
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / 'pages-dev'))
import make_pages_dev as M  # noqa: E402

MIN_BODY_CHARS = 300


# article-extractor cases whose expected.html is not a usable article body
# (checked by reading every case's expected text, 2026 fixtures v0.5.9).
# Skipped unless --keep-noisy.
AE_NOISY = {
    'leaddev.com': 'expected text has login/register modal, newsletter and '
                   'event promos, paywall notice',
    'www.infoworld.com': 'expected text has related-content list, tags, '
                         'section menu',
    'hannahritchie.github.io': 'interactive tool page; expected text is only '
                               'its methodology section',
}


def read_article_extractor(root, keep_noisy=False):
    for meta_path in sorted(root.glob('*/*/meta.json')):
        case = meta_path.parent
        meta = json.loads(meta_path.read_text(encoding='utf-8'))
        host = case.parent.name
        if host in AE_NOISY and not keep_noisy:
            yield ('%s/%s' % (host, case.name), None, None,
                   meta.get('url', ''), 'noisy ground truth: ' + AE_NOISY[host])
            continue
        html = (case / 'raw.html').read_text(encoding='utf-8')
        exp_lines, _ = M.html_to_lines(
            (case / 'expected.html').read_text(encoding='utf-8'))
        body = '\n'.join(exp_lines)
        if not body.strip():
            yield ('%s/%s' % (host, case.name), None, None,
                   meta.get('url', ''), 'expected article element is inline '
                   'display:none in the capture (no visible text)')
            continue
        body = deglue(body, '\n'.join(M.html_to_lines(html)[0]))
        yield ('%s/%s' % (host, case.name), html, body,
               meta.get('url', ''), '')


_WORD = re.compile(r'[^\W\d_]+')


def deglue(body, page_text):
    """expected.html lost the whitespace after some inline elements
    ('reportedly <a>used</a> in' -> 'usedin').  Split a body word that never
    occurs on the page when its two halves occur there as adjacent words
    (70 words in the 28 cases; without this such paragraphs fall from
    content to ambiguous)."""
    pt = M.tokens(M.norm(page_text))
    words, pairs = set(pt), set(zip(pt, pt[1:]))
    out, last = [], 0
    for m in _WORD.finditer(body):
        w = m.group()
        lw = M.norm(w)
        if len(lw) < 3 or lw in words or len(lw) != len(w):
            continue
        for i in range(1, len(lw)):
            if (lw[:i], lw[i:]) in pairs:
                out.append(body[last:m.start() + i] + ' ')
                last = m.start() + i
                break
    out.append(body[last:])
    return ''.join(out)


# newspaper4k fixture pages that are not single articles (or have no
# expected text): listed for the record, skipped.
NP_NOT_ARTICLE = {'cnn_main_site', 'wired_main_site', 'yahoo_main_site',
                  'sample_rss', 'google_meta_refresh', 'ap_meta_refresh',
                  'autoindustria'}


def read_newspaper4k(root, keep_noisy=False):
    seen = {}
    for hp in sorted((root / 'html').glob('*.html')):
        name = hp.stem
        tp = root / 'txt' / (name + '.txt')
        if name in NP_NOT_ARTICLE or not tp.exists():
            yield (name, None, None, '', 'not an article / no expected text')
            continue
        raw = hp.read_bytes()
        h = hashlib.sha256(raw).hexdigest()
        if h in seen:
            yield (name, None, None, '', 'same HTML as %s' % seen[h])
            continue
        seen[h] = name
        mp = root / 'metadata' / (name + '.json')
        url = ''
        if mp.exists():
            url = json.loads(mp.read_text(encoding='utf-8')).get('url', '') or ''
        yield (name, raw.decode('utf-8'), tp.read_text(encoding='utf-8'),
               url, '')


READERS = {'article-extractor': read_article_extractor,
           'newspaper4k': read_newspaper4k}


SCRIPTS = ((0, 0x250, 'Latin'), (0x600, 0x700, 'Arabic'), (0x1000, 0x10a0, 'Myanmar'),
           (0x0e00, 0x0e80, 'Thai'), (0x3040, 0x3100, 'Kana'), (0xac00, 0xd7b0, 'Hangul'),
           (0x4e00, 0xa000, 'Han'))


def script_of(text):
    """Dominant script of the letters in `text` (rough language hint)."""
    c = collections.Counter()
    for ch in text:
        if ch.isalpha():
            o = ord(ch)
            c[next((name for lo, hi, name in SCRIPTS if lo <= o < hi), 'other')] += 1
    if c.get('Kana', 0) > 0.05 * sum(c.values()):
        return 'Japanese'
    return c.most_common(1)[0][0] if c else '-'


def load_dev(dev_dir):
    texts = []
    for p in sorted(Path(dev_dir).glob('*.txt')):
        t = p.read_text(encoding='utf-8')
        texts.append((p.name, M.norm(t),
                      {M.norm(x) for x in t.split('\n') if len(x.split()) >= 6}))
    return texts


def dev_duplicate(body, page_lines, dev):
    """Name of a dev page that is the same article, else ''.  Same article =
    the body's first 200 normalised characters occur in the dev page's text,
    or half of the page's 6+-word lines are lines of one dev page."""
    head = M.norm(body)[:200]
    long_lines = {M.norm(x) for x in page_lines if len(x.split()) >= 6}
    for name, dev_norm, dev_lines in dev:
        if len(head) >= 50 and head in dev_norm:
            return name
        if long_lines and len(long_lines & dev_lines) >= 0.5 * len(long_lines):
            return name
    return ''


def main(argv):
    ap = argparse.ArgumentParser()
    ap.add_argument('source', choices=sorted(READERS))
    ap.add_argument('fixture_dir', type=Path)
    ap.add_argument('out_dir', type=Path)
    ap.add_argument('--dev', type=Path, required=True,
                    help='pages-dev/texts, for the overlap check')
    ap.add_argument('--reasons', type=Path)
    ap.add_argument('--keep-noisy', action='store_true',
                    help='keep article-extractor cases listed in AE_NOISY')
    args = ap.parse_args(argv[1:])
    dev = load_dev(args.dev)
    out = args.out_dir
    tdir = out / 'texts'
    tdir.mkdir(parents=True, exist_ok=True)
    for old in tdir.glob('*.txt'):
        old.unlink()

    manifest, all_rows = [], []
    for sid, html, body, url, skip in READERS[args.source](args.fixture_dir,
                                                             args.keep_noisy):
        if skip:
            manifest.append(('-', sid, url, 0, '-', '-', 'skipped: ' + skip))
            continue
        name = hashlib.sha256(html.encode('utf-8')).hexdigest()[:16] + '.txt'
        blen = len(body.strip())
        if blen < MIN_BODY_CHARS:
            manifest.append(('-', sid, url, blen, '-', script_of(body),
                             'skipped: body < %d chars' % MIN_BODY_CHARS))
            continue
        try:
            lines, doc = M.html_to_lines(html)
            if not lines:
                raise ValueError('no text')
            rows, cov = M.label_page(lines, body, doc, url)
        except Exception as e:  # noqa: BLE001
            manifest.append(('-', sid, url, blen, '-', script_of(body),
                             'skipped: extraction failed %r' % (e,)))
            continue
        dup = dev_duplicate(body, lines, dev)
        if dup:
            manifest.append(('-', sid, url, blen, '%.3f' % cov,
                             script_of(body), 'skipped: same as dev ' + dup))
            continue
        if cov < M.MIN_COVERAGE:
            manifest.append(('-', sid, url, blen, '%.3f' % cov,
                             script_of(body), 'skipped: coverage < 0.5'))
            continue
        (tdir / name).write_bytes(('\n'.join(lines) + '\n').encode('utf-8'))
        manifest.append((name, sid, url, blen, '%.3f' % cov, script_of(body),
                         'kept'))
        for lineno, lab, why, text in rows:
            all_rows.append((name, lineno, lab, text[:40].replace('\t', ' '), why))

    all_rows.sort(key=lambda r: (r[0], r[1]))
    with open(out / 'labels.tsv', 'w', encoding='utf-8', newline='\n') as f:
        f.write('file\tline\tlabel\ttext_start\n')
        for name, lineno, lab, start, _ in all_rows:
            f.write('%s\t%d\t%s\t%s\n' % (name, lineno, lab, start))
    if args.reasons:
        with open(args.reasons, 'w', encoding='utf-8', newline='\n') as f:
            f.write('file\tline\tlabel\trule\ttext_start\n')
            for name, lineno, lab, start, why in all_rows:
                f.write('%s\t%d\t%s\t%s\t%s\n' % (name, lineno, lab, why, start))
    manifest.sort(key=lambda r: (r[6] != 'kept', r[1]))
    with open(out / 'pages.tsv', 'w', encoding='utf-8', newline='\n') as f:
        f.write('file\tsource_id\turl\tbody_chars\tcoverage\tscript\tstatus\n')
        for r in manifest:
            f.write('\t'.join(str(x) for x in r) + '\n')

    kept = [r for r in manifest if r[6] == 'kept']
    counts = collections.Counter(r[2] for r in all_rows)
    print('%s: pages kept %d, skipped %d' % (args.source, len(kept),
                                             len(manifest) - len(kept)))
    for r in manifest:
        if r[6] != 'kept':
            print('  %-40s %s' % (r[1], r[6]))
    covs = sorted(float(r[4]) for r in kept)
    if covs:
        print('coverage min %.3f median %.3f' % (covs[0], covs[len(covs) // 2]))
    print('lines: %d  %s' % (len(all_rows), dict(sorted(counts.items()))))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
