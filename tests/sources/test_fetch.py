"""The polite fetcher against a loopback news site: robots, limits, retries, redirects, checks, cache."""

from __future__ import annotations

import gzip

import pytest
from support.loopback import LAST_MODIFIED, PORT_STORY, NewsSite, Response, article_page, no_proxy  # noqa: F401

from graphkit import __version__
from graphkit.sources.page_cache import CachedPage, DirCache
from graphkit.sources.fetch import Fetcher, FetchError, FetchOptions, _retry_after

PAGE = article_page("Harbour board fines freight company", PORT_STORY, date="2026-03-03", author="Ana Ruiz")


def options(tmp_path, **kw) -> FetchOptions:
    base = dict(cache_dir=tmp_path / "cache", timeout=0.5, retries=2, backoff=0.01, max_wait=0.5,
                min_interval=0.0, per_host=4, workers=4, max_bytes=200_000)
    return FetchOptions(**{**base, **kw})


@pytest.fixture()
def site():
    s = NewsSite({})
    s.routes = {
        "/robots.txt": Response(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"),
        "/story.html": Response(body=PAGE),
        "/private/secret.html": Response(body=PAGE),
        "/old.html": Response(301, headers=(("Location", "/story.html"),)),
        "/temp.html": Response(302, headers=(("Location", s.url("/story.html")),)),
        "/loop.html": Response(302, headers=(("Location", "/loop.html"),)),
        "/busy.html": [Response(429, headers=(("Retry-After", "0"),)), Response(body=PAGE)],
        "/down.html": Response(503, headers=(("Retry-After", "3600"),)),
        "/flaky.html": [Response(500), Response(502), Response(body=PAGE)],
        "/slow.html": Response(body=PAGE, delay=1.5),
        "/huge.html": Response(body=b"<p>word</p>" * 40_000),
        "/huge-stream.html": Response(body=b"<p>word</p>" * 40_000, length=False),
        "/report.pdf": Response(body=b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", content_type="application/pdf"),
        "/photo.html": Response(body=b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)),
        "/data.json": Response(body=b'{"a": 1}', content_type="application/json"),
        "/gz.html": Response(body=gzip.compress(PAGE), headers=(("Content-Encoding", "gzip"),)),
        "/pause1.html": Response(body=PAGE, delay=0.1), "/pause2.html": Response(body=PAGE, delay=0.1),
        "/pause3.html": Response(body=PAGE, delay=0.1), "/pause4.html": Response(body=PAGE, delay=0.1),
    }
    with s:
        yield s


def fetch_error(fetcher: Fetcher, url: str, kind: str = "page") -> FetchError:
    with pytest.raises(FetchError) as info:
        fetcher.fetch(url, kind)
    return info.value


def test_user_agent_names_graphkit_and_version(site, tmp_path):
    with Fetcher(options(tmp_path)) as f:
        f.fetch(site.url("/story.html"))
    agents = {ua for _, _, ua, _ in site.log}
    assert agents == {f"graphkit/{__version__} (+news graph builder; honours robots.txt)"}


def test_robots_disallowed_path_is_never_requested(site, tmp_path):
    with Fetcher(options(tmp_path)) as f:
        err = fetch_error(f, site.url("/private/secret.html"))
        f.fetch(site.url("/story.html"))
    assert err.reason == "robots"
    assert not site.requests("/private/secret.html")
    assert len(site.requests("/robots.txt")) == 1  # robots.txt read once per host and run


@pytest.mark.parametrize(("robots", "allowed"), [(Response(404), True), (Response(503), False),
                                                 (Response(410), True)])
def test_robots_status_rules(tmp_path, robots, allowed):
    with NewsSite({"/robots.txt": robots, "/a.html": Response(body=PAGE)}) as s, \
            Fetcher(options(tmp_path, retries=0)) as f:
        assert f.allowed(s.url("/a.html")) is allowed


def test_unreachable_robots_allows_and_dead_host_fails_fast(tmp_path):
    with NewsSite({}) as s:
        url = s.url("/a.html")
    with Fetcher(options(tmp_path, retries=3, backoff=5.0)) as f:  # server gone: connection refused
        assert f.allowed(url)
        assert fetch_error(f, url).reason == "unreachable"  # refused connections are not retried
        assert "earlier connection" in fetch_error(f, s.url("/b.html")).message


def test_dropped_connection_is_retried(tmp_path):
    with NewsSite({"/a.html": [Response(body=PAGE, drop=True), Response(body=PAGE)]}) as s, \
            Fetcher(options(tmp_path, robots=False)) as f:
        assert f.fetch(s.url("/a.html")).page.body == PAGE
        assert len(s.requests("/a.html")) == 2


def test_redirects_followed_and_limited(site, tmp_path):
    with Fetcher(options(tmp_path, max_redirects=3)) as f:
        assert f.fetch(site.url("/old.html")).url == site.url("/story.html")
        assert f.fetch(site.url("/temp.html")).page.body == PAGE
        err = fetch_error(f, site.url("/loop.html"))
    assert err.reason == "too-many-redirects"
    assert len(site.requests("/loop.html")) == 4


def test_permanent_redirect_is_remembered(site, tmp_path):
    with Fetcher(options(tmp_path)) as f:
        f.fetch(site.url("/old.html"))
    site.log.clear()
    with Fetcher(options(tmp_path)) as f:
        again = f.fetch(site.url("/old.html"))
    assert not again.changed
    assert [p for p, *_ in site.log if p != "/robots.txt"] == ["/story.html"]
    assert all(cond for _, cond, *_ in site.log)


def test_temporary_redirect_is_asked_again(site, tmp_path):
    for _ in range(2):
        with Fetcher(options(tmp_path)) as f:
            f.fetch(site.url("/temp.html"))
    assert len(site.requests("/temp.html")) == 2
    assert [cond for _, cond, *_ in site.requests("/story.html")] == [False, True]


def test_http_errors_are_reported(site, tmp_path):
    with Fetcher(options(tmp_path)) as f:
        err = fetch_error(f, site.url("/missing.html"))
    assert (err.reason, err.status) == ("http-404", 404)
    assert "gone" in err.message
    assert len(site.requests("/missing.html")) == 1  # 404 is not retried


def test_429_then_200_is_retried(site, tmp_path):
    with Fetcher(options(tmp_path)) as f:
        assert f.fetch(site.url("/busy.html")).page.body == PAGE
    assert len(site.requests("/busy.html")) == 2


def test_5xx_retried_with_backoff_until_success(site, tmp_path):
    with Fetcher(options(tmp_path, retries=2)) as f:
        assert f.fetch(site.url("/flaky.html")).page.body == PAGE
    times = [t for *_, t in site.requests("/flaky.html")]
    assert len(times) == 3
    assert times[2] - times[1] >= times[1] - times[0] >= 0.009  # exponential: 0.01s then 0.02s


def test_retry_after_beyond_max_wait_gives_up(site, tmp_path):
    with Fetcher(options(tmp_path, retries=3, max_wait=1.0)) as f:
        err = fetch_error(f, site.url("/down.html"))
    assert err.reason == "http-503"
    assert "wait 3600s" in err.message
    assert len(site.requests("/down.html")) == 1


def test_retry_after_forms():
    assert _retry_after("7") == 7.0
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert _retry_after("soon") is None


def test_slow_page_times_out(site, tmp_path):
    with Fetcher(options(tmp_path, timeout=0.2)) as f:
        err = fetch_error(f, site.url("/slow.html"))
    assert err.reason == "timeout"
    assert len(site.requests("/slow.html")) == 1  # a timeout is not retried


@pytest.mark.parametrize("path", ["/huge.html", "/huge-stream.html"])
def test_huge_page_is_refused(site, tmp_path, path):
    with Fetcher(options(tmp_path, max_bytes=100_000)) as f:
        err = fetch_error(f, site.url(path))
    assert err.reason == "too-large"


@pytest.mark.parametrize("path", ["/report.pdf", "/photo.html", "/data.json"])
def test_non_html_is_refused(site, tmp_path, path):
    with Fetcher(options(tmp_path)) as f:
        err = fetch_error(f, site.url(path))
    assert err.reason == "not-html"
    assert "graphkit reads HTML articles" in err.message


def test_gzip_encoding_is_decoded(site, tmp_path):
    with Fetcher(options(tmp_path)) as f:
        assert f.fetch(site.url("/gz.html")).page.body == PAGE


def test_bad_url(tmp_path):
    with Fetcher(options(tmp_path)) as f:
        assert fetch_error(f, "ftp://example.invalid/a").reason == "bad-url"


def test_per_host_rate_limit_spaces_requests(site, tmp_path):
    urls = [site.url(f"/story.html?{i}") for i in range(4)]
    with Fetcher(options(tmp_path, min_interval=0.05, use_cache=False)) as f:
        list(f.map(f.fetch, urls))
    times = sorted(t for p, *_, t in site.log if p.startswith("/story.html"))
    assert len(times) == 4
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.04


@pytest.mark.parametrize("per_host", [1, 2])
def test_per_host_concurrency_limit(site, tmp_path, per_host):
    urls = [site.url(f"/pause{i}.html") for i in range(1, 5)]
    with Fetcher(options(tmp_path, per_host=per_host, workers=4)) as f:
        list(f.map(f.fetch, urls))
    assert site.peak == per_host


@pytest.mark.parametrize(("robots_ttl", "robots_requests"), [(86400, 0), (0, 1)])
def test_rerun_is_conditional_and_unchanged(site, tmp_path, robots_ttl, robots_requests):
    with Fetcher(options(tmp_path)) as f:
        first = f.fetch(site.url("/story.html"))
    site.log.clear()
    with Fetcher(options(tmp_path, robots_ttl=robots_ttl)) as f:
        second = f.fetch(site.url("/story.html"))
        assert not f.allowed(site.url("/private/x.html"))
    assert first.changed and not second.changed
    assert second.page.body == PAGE
    assert len(site.requests("/robots.txt")) == robots_requests  # robots.txt trusted for robots_ttl seconds
    assert site.log and all(cond for _, cond, *_ in site.log)


def test_missing_robots_is_remembered(tmp_path):
    with NewsSite({"/a.html": Response(body=PAGE)}) as s:
        for _ in range(2):
            with Fetcher(options(tmp_path)) as f:
                f.fetch(s.url("/a.html"))
        assert len(s.requests("/robots.txt")) == 1
        assert [cond for _, cond, *_ in s.requests("/a.html")] == [False, True]


def test_offline_uses_only_the_cache(site, tmp_path):
    with Fetcher(options(tmp_path)) as f:
        f.fetch(site.url("/story.html"))
    site.log.clear()
    with Fetcher(options(tmp_path, offline=True)) as f:
        assert f.fetch(site.url("/story.html")).page.body == PAGE
        assert fetch_error(f, site.url("/other.html")).reason == "not-cached"
    assert site.log == []


def test_dir_cache_round_trip_and_aliases(tmp_path):
    cache = DirCache(tmp_path)
    page = CachedPage("https://a.test/x", b"<p>x</p>", "text/html", '"e1"', LAST_MODIFIED,
                      extracted={"skipped": {"source": "s", "reason": "r", "message": "m", "fatal": False}})
    cache.put(page, ("https://a.test/x?utm=1", "https://a.test/canonical"))
    assert cache.get("https://a.test/x") == page
    assert cache.get("https://a.test/canonical") == page
    assert cache.get("https://a.test/y") is None
    assert page.conditional_headers() == {"If-None-Match": '"e1"', "If-Modified-Since": LAST_MODIFIED}
    (tmp_path / "pages").joinpath(next(p.name for p in (tmp_path / "pages").glob("*.body"))).write_bytes(b"torn")
    assert cache.get("https://a.test/x") is None  # a body that does not match its metadata is ignored


def test_crawl_delay_is_honoured_up_to_the_cap(tmp_path):
    robots = Response(body=b"User-agent: *\nCrawl-delay: 30\n", content_type="text/plain")
    with NewsSite({"/robots.txt": robots, "/a.html": Response(body=PAGE)}) as s, \
            Fetcher(options(tmp_path, max_crawl_delay=0.1, use_cache=False)) as f:
        list(f.map(f.fetch, [s.url(f"/a.html?{i}") for i in range(3)]))
        times = [t for p, *_, t in s.log if p.startswith("/a.html")]
    assert len(times) == 3
    assert min(b - a for a, b in zip(times, times[1:])) >= 0.09
