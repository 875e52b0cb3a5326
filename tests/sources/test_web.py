"""Feeds, sitemaps, URL lists and the web reader against two loopback outlets."""

from __future__ import annotations

import gzip
import json

import pytest
from support.loopback import (BUDGET_STORY, COUNCIL_STORY, PORT_STORY, STRIKE_STORY, NewsSite, Response, article_page,
                      atom, news_sitemap, no_proxy, rss, sitemap_index)  # noqa: F401 (no_proxy: autouse fixture)
from typer.testing import CliRunner

import graphkit
from graphkit.sources import read_sources
from graphkit.sources import web
from graphkit.sources.feeds import Feed, Sitemap, UrlList, parse_feed, parse_sitemap, read_url_file
from graphkit.sources.fetch import FetchError, FetchOptions
from graphkit.records import Article, Skipped
from graphkit.sources.web import WebReader

WIRE_NOTE = "<p>Reporting by the Northern Wire.</p>"


def options(tmp_path, **kw) -> FetchOptions:
    base = dict(cache_dir=tmp_path / "cache", timeout=0.4, retries=1, backoff=0.01, max_wait=0.5,
                min_interval=0.0, per_host=4, workers=6, max_bytes=100_000)
    return FetchOptions(**{**base, **kw})


def page(title: str, story: list[str], date: str, **kw) -> Response:
    return Response(body=article_page(title, story, date=date, author="Ana Ruiz", **kw))


@pytest.fixture()
def outlets():
    """Outlet A (feed, sitemap, stories and every failure) and outlet B (a wire copy, no robots.txt)."""
    a, b = NewsSite({}), NewsSite({})
    a.routes = {
        "/robots.txt": Response(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
        "/feed.xml": Response(body=rss([(a.url("/news/port.html?utm_source=rss"), "Port fine"),
                                        (a.url("/old/council.html"), "Council plan"),
                                        (a.url("/missing.html"), "Gone"),
                                        (a.url("/busy.html"), "Budget"),
                                        (a.url("/private/secret.html"), "Secret"),
                                        (a.url("/slow.html"), "Slow")]),
                              content_type="application/rss+xml"),
        "/good.xml": Response(body=rss([(a.url("/news/port.html"), "Port fine"),
                                        (a.url("/news/council.html"), "Council plan")])),
        "/atom.xml": Response(body=atom([("/news/port.html", "Port fine"), ("/news/strike.html", "Strike")]),
                              content_type="application/atom+xml"),
        "/news-sitemap.xml": Response(body=news_sitemap([(a.url("/news/strike.html"), "Strike"),
                                                         (a.url("/huge.html"), "Huge"),
                                                         (a.url("/report.pdf"), "Report")]),
                                      content_type="application/xml"),
        "/news/port.html": page("Harbour board fines freight company", PORT_STORY, "2026-02-27",
                                canonical="/news/port.html"),
        "/old/council.html": Response(301, headers=(("Location", "/news/council.html"),)),
        "/news/council.html": page("Council approves transport plan", COUNCIL_STORY, "2026-02-26"),
        "/news/strike.html": page("Steel workers strike", STRIKE_STORY, "2026-02-25"),
        "/busy.html": [Response(429, headers=(("Retry-After", "0"),)), page("Budget", BUDGET_STORY, "2026-02-24")],
        "/private/secret.html": page("Secret", STRIKE_STORY, "2026-02-23"),
        "/slow.html": Response(body=b"<p>late</p>", delay=1.0),
        "/huge.html": Response(body=b"<p>word</p>" * 20_000, length=False),
        "/report.pdf": Response(body=b"%PDF-1.7\n1 0 obj", content_type="application/pdf"),
    }
    b.routes = {"/wire/port.html": page("Harbour board fines freight firm", PORT_STORY, "2026-02-27",
                                        extra=WIRE_NOTE, site="Valley Post")}
    with a, b:
        yield a, b


def read(tmp_path, items, **kw) -> tuple[list[Article], list[Skipped], WebReader]:
    reader = WebReader(options(tmp_path, **kw))
    try:
        out = list(reader.read(items))
    finally:
        reader.close()
    return [x for x in out if isinstance(x, Article)], [x for x in out if isinstance(x, Skipped)], reader


def test_parse_feed_rss_and_atom_resolve_links():
    links = parse_feed(atom([("/a.html", "A"), ("https://b.test/b", "B")]), base="https://a.test/feed")
    assert [(lk.url, lk.title, lk.date) for lk in links] == [
        ("https://a.test/a.html", "A", "2026-03-03"), ("https://b.test/b", "B", "2026-03-03")]
    assert [lk.url for lk in parse_feed(rss([("https://a.test/x", "X")]), base="https://a.test/")] == [
        "https://a.test/x"]
    with pytest.raises(FetchError, match="not a readable RSS/Atom feed"):
        parse_feed(b"\x00\x01 not xml at all", base="https://a.test/")


def test_parse_sitemaps_news_index_gzip_and_text():
    links, children = parse_sitemap(news_sitemap([("https://a.test/n1", "Title one")]), base="https://a.test/s")
    assert [(lk.url, lk.title, lk.date) for lk in links] == [("https://a.test/n1", "Title one", "2026-03-04")]
    assert children == []
    links, children = parse_sitemap(sitemap_index(["https://a.test/s1.xml"], gz=True), base="https://a.test/")
    assert (links, children) == ([], ["https://a.test/s1.xml"])
    links, _ = parse_sitemap(b"https://a.test/1\nhttps://a.test/2\n", base="https://a.test/s.txt")
    assert [lk.url for lk in links] == ["https://a.test/1", "https://a.test/2"]
    for bad in (b"<html><body>no</body></html>", b"<urlset><url>", b'<!DOCTYPE x [<!ENTITY a "b">]><urlset/>'):
        with pytest.raises(FetchError):
            parse_sitemap(bad, base="https://a.test/")


def test_url_file_reports_bad_lines(tmp_path):
    f = tmp_path / "urls.txt"
    f.write_text("# my outlets\nhttps://a.test/1\n\n  http://b.test/2#frag  \nnot a url\n", encoding="utf-8")
    out = list(read_url_file(f))
    assert [x.url for x in out if not isinstance(x, Skipped)] == ["https://a.test/1", "http://b.test/2#frag"]
    assert [(s.source, s.reason) for s in out if isinstance(s, Skipped)] == [(f"{f}:5", "bad-url")]
    assert [s.reason for s in read_url_file(tmp_path / "none.txt")] == ["unreadable"]


def test_web_reader_reads_feed_sitemap_and_reports_each_failure(outlets, tmp_path):
    a, b = outlets
    arts, skips, reader = read(tmp_path, [Feed(a.url("/feed.xml")), Sitemap(a.url("/news-sitemap.xml")),
                                          b.url("/wire/port.html")])
    by_id = {x.id: x for x in arts}
    assert sorted(by_id) == sorted([a.url("/news/port.html"), a.url("/news/council.html"),
                                    a.url("/news/strike.html"), a.url("/busy.html")])
    port = by_id[a.url("/news/port.html")]
    assert (port.title, port.date, port.authors) == ("Harbour board fines freight company", "2026-02-27",
                                                     ("Ana Ruiz",))
    assert port.source == a.url("/news/port.html?utm_source=rss")
    assert "Northwind Freight" in port.text and "All rights reserved" not in port.text
    assert by_id[a.url("/news/council.html")].source == a.url("/old/council.html")
    assert {(s.source, s.reason) for s in skips} == {
        (a.url("/missing.html"), "http-404"), (a.url("/private/secret.html"), "robots"),
        (a.url("/slow.html"), "timeout"), (a.url("/huge.html"), "too-large"), (a.url("/report.pdf"), "not-html")}
    assert not a.requests("/private/secret.html")
    assert reader.sources[a.url("/news/port.html")] == (a.url("/news/port.html"), b.url("/wire/port.html"))
    assert reader.duplicates == 1


def test_feed_failures_are_skips_not_errors(outlets, tmp_path):
    a, _ = outlets
    arts, skips, _ = read(tmp_path, [Feed(a.url("/nofeed.xml")), Sitemap(a.url("/report.pdf")),
                                     a.url("/news/strike.html")])
    assert [x.id for x in arts] == [a.url("/news/strike.html")]
    assert sorted(s.reason for s in skips) == ["http-404", "wrong-type"]


def test_rerun_is_conditional_and_extracts_nothing(outlets, tmp_path, monkeypatch):
    a, b = outlets
    items = [Feed(a.url("/feed.xml")), Feed(a.url("/atom.xml")), b.url("/wire/port.html")]
    first, _, _ = read(tmp_path, items)
    ok = {p for p, *_ in a.log + b.log} - {"/missing.html", "/slow.html", "/old/council.html"}
    a.log.clear(), b.log.clear()
    calls = []
    monkeypatch.setattr(web, "extract_page", lambda *args, **kw: calls.append(args) or None)
    second, _, _ = read(tmp_path, items)
    assert second == first
    assert calls == []
    revisited = [r for r in a.log + b.log if r[0] in ok]
    assert revisited and [r[0] for r in revisited if not r[1]] == []
    assert not any(p == "/old/council.html" for p, *_ in a.log)  # the 301 is remembered


def test_changed_page_is_extracted_again(outlets, tmp_path):
    a, _ = outlets
    read(tmp_path, [a.url("/news/strike.html")])
    a.routes["/news/strike.html"] = page("Steel strike ends", STRIKE_STORY[:2], "2026-02-28")
    arts, _, _ = read(tmp_path, [a.url("/news/strike.html")])
    assert (arts[0].title, arts[0].date) == ("Steel strike ends", "2026-02-28")


def test_offline_reads_only_the_cache(outlets, tmp_path):
    a, b = outlets
    items = [Feed(a.url("/good.xml")), a.url("/news/strike.html")]
    online, _, _ = read(tmp_path, items)
    a.log.clear()
    offline, skips, _ = read(tmp_path, items + [b.url("/wire/port.html")], offline=True)
    assert offline == online
    assert [(s.source, s.reason) for s in skips] == [(b.url("/wire/port.html"), "not-cached")]
    assert a.log == [] and b.log == []


def blank_nlp():
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": n} for n in
                        ("Northwind Freight", "Harbour Board", "Fishermen's Union", "Civic Party")])
    return nlp


def test_build_from_feed_twice_gives_same_graph_with_only_conditional_requests(outlets, tmp_path):
    a, b = outlets
    sources = [Feed(a.url("/good.xml")), b.url("/wire/port.html")]
    kg1 = graphkit.build(sources, nlp=blank_nlp(), keep_isolated=True, fetch=options(tmp_path))
    a.log.clear(), b.log.clear()
    kg2 = graphkit.build(sources, nlp=blank_nlp(), keep_isolated=True, fetch=options(tmp_path))
    kg1.to_json(tmp_path / "1.json"), kg2.to_json(tmp_path / "2.json")
    assert (tmp_path / "1.json").read_bytes() == (tmp_path / "2.json").read_bytes()
    assert "northwind-freight" in kg1.G and len(kg1.G.graph["articles"]) == 2
    assert a.log and all(cond for _, cond, *_ in a.log + b.log)
    assert kg2.report.sources[a.url("/news/port.html")][1] == b.url("/wire/port.html")
    port = next(x for x in kg1.G.graph["articles"] if x["id"] == a.url("/news/port.html"))
    assert port["sources"] == [a.url("/news/port.html"), b.url("/wire/port.html")]


@pytest.mark.model
def test_edge_counts_distinct_outlets(outlets, tmp_path, nlp):
    a, b = outlets
    kg = graphkit.build([a.url("/news/port.html"), b.url("/wire/port.html")], nlp=nlp, fetch=options(tmp_path))
    assert len(kg.G.graph["articles"]) == 1
    assert {d["outlets"] for *_, d in kg.G.edges(data=True)} == {2}


def test_read_sources_routes_urls_and_keeps_paths(outlets, tmp_path):
    a, b = outlets
    f, urls = tmp_path / "local.txt", tmp_path / "urls.txt"
    f.write_text(" ".join(BUDGET_STORY), encoding="utf-8")
    urls.write_text(b.url("/wire/port.html") + "\n", encoding="utf-8")
    out = list(read_sources([a.url("/news/strike.html"), str(f), UrlList(str(urls))],
                                web=WebReader(options(tmp_path))))
    assert [x.source for x in out] == [str(f), a.url("/news/strike.html"), b.url("/wire/port.html")]


@pytest.mark.parametrize(("declared", "expected"), [
    ("/news/a.html", "https://x.test/news/a.html"), ("https://y.test/orig.html", "https://y.test/orig.html"),
    ("/", "https://x.test/news/a.html?utm=1"), ("", "https://x.test/news/a.html?utm=1"),
    ("javascript:void(0)", "https://x.test/news/a.html?utm=1")])
def test_canonical_url_rules(declared, expected):
    from graphkit.sources.page_cache import CachedPage

    html = article_page("Steel workers strike", STRIKE_STORY, date="2026-02-25", author="Ana Ruiz",
                        canonical=declared)
    got = web.extract_page(CachedPage("https://x.test/news/a.html?utm=1", html, "text/html"), source="s")
    assert (got.id, got.url, got.date) == (expected, expected, "2026-02-25")
    # the headline is its own paragraph (a sentence of its own), never glued to sentence one
    assert got.title == "Steel workers strike"
    assert got.text.startswith("Steel workers strike\n\nWorkers at the Lindholm")


def test_page_without_article_and_plain_text_page():
    from graphkit.sources.page_cache import CachedPage

    nav = b"<html><body><nav><a href='/a'>A</a> <a href='/b'>B</a></nav><script>x()</script></body></html>"
    assert web.extract_page(CachedPage("https://x.test/", nav, "text/html"), source="s").reason == "no-article"
    txt = " ".join(BUDGET_STORY).encode("utf-8")
    got = web.extract_page(CachedPage("https://x.test/a.txt", txt, "text/plain; charset=utf-8"), source="s",
                           link=web.Link("https://x.test/a.txt", "Budget", "2026-02-24"))
    assert (got.id, got.title, got.date) == ("https://x.test/a.txt", "Budget", "2026-02-24")


def test_cli_build_with_feed_urls_file_and_offline(outlets, tmp_path, monkeypatch):
    from graphkit import cli, nlp as nlp_mod

    a, b = outlets
    monkeypatch.setattr(nlp_mod, "load_model", lambda name=None: blank_nlp())
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{b.url('/wire/port.html')}\n{a.url('/missing.html')}\n", encoding="utf-8")
    args = ["build", "--feed", a.url("/good.xml"), "--urls", str(urls), a.url("/news/strike.html"),
            "--cache", str(tmp_path / "c"), "--delay", "0", "--keep-isolated", "--out", str(tmp_path / "out")]
    res = CliRunner().invoke(cli.app, args)
    assert res.exit_code == 0, res.output
    assert "3 articles read" in res.output and "skipped 1 × http-404" in res.output
    assert "merged 1 copy of stories" in res.output
    first = json.loads((tmp_path / "out" / "graph.json").read_text())
    a.log.clear(), b.log.clear()
    res = CliRunner().invoke(cli.app, args + ["--offline"])
    assert res.exit_code == 0, res.output
    assert a.log == [] and b.log == []
    assert json.loads((tmp_path / "out" / "graph.json").read_text()) == first


def test_cli_needs_some_input(tmp_path):
    from graphkit import cli

    res = CliRunner().invoke(cli.app, ["build", "--out", str(tmp_path / "o")])
    assert res.exit_code == 1 and "nothing to read" in res.output
    res = CliRunner().invoke(cli.app, ["build", "--urls", str(tmp_path / "none.txt"), "--out", str(tmp_path / "o")])
    assert res.exit_code == 1 and "URL list" in res.output


@pytest.mark.model
def test_real_model_rerun_gives_same_graph(outlets, tmp_path, nlp):
    a, _ = outlets
    sources = [Feed(a.url("/good.xml"))]
    kg1 = graphkit.build(sources, nlp=nlp, fetch=options(tmp_path))
    a.log.clear()
    kg2 = graphkit.build(sources, nlp=nlp, fetch=options(tmp_path))
    kg1.to_json(tmp_path / "1.json"), kg2.to_json(tmp_path / "2.json")
    assert kg1.G.number_of_edges() > 0
    assert (tmp_path / "1.json").read_bytes() == (tmp_path / "2.json").read_bytes()
    assert all(cond for _, cond, *_ in a.log)


def test_gzipped_sitemap_index_is_followed(tmp_path):
    s = NewsSite({})
    s.routes = {"/index.xml.gz": Response(body=sitemap_index([s.url("/news.xml")], gz=True),
                                          content_type="application/x-gzip"),
                "/news.xml": Response(body=news_sitemap([(s.url("/a.html"), "A")]), content_type="text/xml"),
                "/a.html": page("Steel workers strike", STRIKE_STORY, "2026-02-25")}
    with s:
        arts, skips, _ = read(tmp_path, [Sitemap(s.url("/index.xml.gz"))])
    assert [x.id for x in arts] == [s.url("/a.html")] and skips == []
    assert gzip.decompress(s.routes["/index.xml.gz"].body).startswith(b"<?xml")


def test_latin1_page_and_page_without_date():
    from graphkit.sources.page_cache import CachedPage

    story = STRIKE_STORY[:1] + ["Le caf\u00e9 \u00fcber Stra\u00dfe: the workers met the owners in the old town hall."]
    html = article_page("Caf\u00e9 talks", story, date="2026-02-25", author="Ana Ruiz").decode()
    latin = html.replace('charset="utf-8"', 'charset="iso-8859-1"').encode("latin-1")
    got = web.extract_page(CachedPage("https://x.test/a", latin, "text/html"), source="s")
    assert got.title == "Caf\u00e9 talks" and "\u00fcber Stra\u00dfe" in got.text
    undated = article_page("Strike", STRIKE_STORY, date="", author="Ana Ruiz").replace(
        b'<meta property="article:published_time" content="">', b"")
    got = web.extract_page(CachedPage("https://x.test/b", undated, "text/html"), source="s")
    assert got.date == ""  # never the time of fetching


def test_extraction_by_another_version_is_redone(outlets, tmp_path, monkeypatch):
    a, _ = outlets
    read(tmp_path, [a.url("/news/strike.html")])
    web.extractor_version.cache_clear()
    monkeypatch.setattr(web, "EXTRACTION_VERSION", web.EXTRACTION_VERSION + 1)
    calls = []
    real = web.extract_page
    monkeypatch.setattr(web, "extract_page", lambda *args, **kw: calls.append(args) or real(*args, **kw))
    arts, _, _ = read(tmp_path, [a.url("/news/strike.html")])
    web.extractor_version.cache_clear()
    assert len(calls) == 1 and arts[0].title == "Steel workers strike"
    assert all(cond for p, cond, *_ in a.log[-1:])  # the page itself was only revalidated


def test_a_fetched_page_is_cleaned_like_the_same_page_saved_as_a_file(tmp_path):
    """One HTML-to-article path: the web reader sanitises and reports exactly as the file reader does."""
    from graphkit.sources import files
    from graphkit.sources.page_cache import CachedPage

    blob = "QmFzZTY0" * 400  # a run of 3,200 characters without a space: encoded data, not prose
    html = article_page("Steel workers strike", [*STRIKE_STORY, blob], date="2026-02-25", author="Ana Ruiz")
    saved = tmp_path / "strike.html"
    saved.write_bytes(html)
    file_notices, web_notices = [], []
    [from_file] = files.read_file(saved, on_warning=file_notices.append)
    from_web = web.extract_page(CachedPage("https://x.test/news/strike.html", html, "text/html"), source="s",
                                on_warning=web_notices.append)
    assert from_web.text == from_file.text and blob not in from_web.text
    assert [n.reason for n in web_notices] == [n.reason for n in file_notices] == ["long-run"]
    assert (from_web.title, from_web.authors) == (from_file.title, from_file.authors)


def test_notices_come_back_with_a_cached_extraction(tmp_path):
    blob = "QmFzZTY0" * 400
    page = article_page("Steel workers strike", [*STRIKE_STORY, blob], date="2026-02-25", author="Ana Ruiz")
    with NewsSite({"/news/strike.html": Response(body=page)}) as site:
        runs = []
        for _ in range(2):
            notices: list = []
            reader = WebReader(options(tmp_path))
            try:
                [art] = list(reader.read([site.url("/news/strike.html")], on_warning=notices.append))
            finally:
                reader.close()
            runs.append((art.text, [(n.source, n.reason) for n in notices]))
    assert runs[0] == runs[1] and runs[0][1] == [(site.url("/news/strike.html"), "long-run")]
