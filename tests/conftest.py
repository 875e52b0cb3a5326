"""Shared fixtures: a blank English vocab for hand-built Docs, (marked) the real model, and headless
Chromium for the page tests (``browser``, ``open_page``).

Tests marked ``slow`` are skipped unless ``--runslow`` is given (as networkx does); CI passes it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import pytest

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", default=False,
                     help="also run the tests marked slow (SIGKILL restarts, hostile inputs, 1,000-file corpora)")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def vocab():
    import spacy

    return spacy.blank("en").vocab


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline (tests using it are marked ``model``)."""
    from graphkit.nlp import load_model

    return load_model()


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} not installed (Debian package 'chromium')")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@dataclass
class Opened:
    page: object
    url: str
    requests: list = field(default_factory=list)
    console: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def panel(self) -> str:
        return self.page.inner_text("#gk-panel")

    def click_at(self, point: dict) -> None:
        """Click at a point in the network canvas' own coordinates (as ``domPosition`` returns)."""
        box = self.page.locator("#gk-network").bounding_box()
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])

    def move_to(self, point: dict) -> None:
        box = self.page.locator("#gk-network").bounding_box()
        self.page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])


@pytest.fixture
def open_page(browser, tmp_path):
    pages = []

    def _open(G, name="graph.html", *, viewport=(1280, 800), hash="", path=None, **options) -> Opened:
        from graphkit import outputs

        path = path or outputs.write_html(G, tmp_path / name, **options)
        page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]}, accept_downloads=True)
        pages.append(page)
        o = Opened(page, path.resolve().as_uri())
        page.on("request", lambda r: o.requests.append(r.url))
        page.on("console", lambda m: o.console.append((m.type, m.text)))
        page.on("pageerror", lambda e: o.errors.append(str(e)))
        page.on("dialog", lambda d: (o.dialogs.append(d.message), d.dismiss()))
        page.goto(o.url + hash)
        page.wait_for_selector("body[data-ready=true]", state="attached", timeout=60_000)
        return o

    yield _open
    for p in pages:
        p.close()

