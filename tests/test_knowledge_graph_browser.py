"""The inline display really draws the graph (headless Chromium)."""

from __future__ import annotations

import pytest

from graphkit.knowledge_graph import KnowledgeGraph
from support.sample_graphs import contract_graph

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


@pytest.mark.browser
def test_repr_html_draws_a_canvas_inside_the_iframe(tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    page_file = tmp_path / "cell.html"
    page_file.write_text(f"<!DOCTYPE html><html><body>{KnowledgeGraph(contract_graph())._repr_html_()}</body></html>",
                         encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        try:
            page = browser.new_page()
            errors = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto(page_file.as_uri())
            frame = page.frame_locator("iframe")
            frame.locator("canvas").first.wait_for(timeout=15000)
            box = page.locator("iframe").bounding_box()
        finally:
            browser.close()
    assert not errors
    assert box["height"] >= 500 and box["width"] > 100
