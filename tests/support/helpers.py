"""Hand-built records for tests that need no model."""

from __future__ import annotations

import io
import random
import zipfile

from graphkit.records import Article, ArticleResult, Entity, Evidence, Relation


def result(article_id: str, text: str, ents: list[tuple[str, str, str]],
           rels: list[tuple[str, str, str]], *, date: str = "") -> ArticleResult:
    """An ArticleResult: ``ents`` as (key, label, type), ``rels`` as (source, relation, target).

    Each relation's evidence is the first sentence of ``text`` that holds both labels.
    """
    art = Article(id=article_id, text=text, title=f"Title {article_id}", date=date)
    labels = {k: label for k, label, _ in ents}
    out = []
    for s, rel, t in rels:
        start = 0
        for sent in text.split(". "):
            if labels[s] in sent and labels[t] in sent:
                start = text.index(sent)
                break
        sent_text = text[start:].split(". ")[0]
        ev = Evidence(article_id, sent_text, start, start + len(sent_text))
        out.append(Relation(s, t, rel, rel.split()[0], "action", "neutral", 0, ev))
    entities = tuple(Entity(k, label, typ, (label,), 1) for k, label, typ in ents)
    return ArticleResult(art, entities, (), tuple(out))


def _zip(name: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(name, "The ministry fined a company.")
    return buf.getvalue()


# One broken input of each kind in the bad-input table (docs/bad-input.md): (file name, bytes).
BROKEN = [
    ("empty.txt", b""),
    ("blank.md", b" \n\n\t "),
    ("noise.txt", random.Random(1).randbytes(3000)),
    ("scan.pdf", b"%PDF-1.7\n"),
    ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
    ("bundle.zip", _zip("x.txt")),
    ("letter.docx", _zip("word/document.xml")),
    ("rows.jsonl", b'{"text": "unterminated\n'),
    ("notext.jsonl", b'{"title": "a record without text"}\n'),
    ("table.csv", b"title,body\nx,y\n"),
    ("menu.html", b"<html><body><nav><a href='/'>Home</a><a href='/n'>News</a></nav></body></html>"),
]
