"""The case-notes HTML report in a real browser: charts render and no request leaves the file.

Runs Debian's Chromium (installed by scripts/test.sh) through Playwright, with networking
switches off; a screenshot is saved under artifacts/ for people to look at.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from drafting.cli import main

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("notes")
    (d / "notes.csv").write_text(
        "id,text,date,team\n"
        'n1,"Mum presents as hostile. DV is ongoing and it is felt the children are at risk.",'
        "2024-03-02,North\n"
        'n2,"Nan visited on Tuesday. The children had eaten and were playing.",2024-04-10,South\n'
        'n3,"<script>alert(1)</script> Concerns were raised by school.",2024-04-11,South\n',
        encoding="utf-8")
    out = d / "report.html"
    code = main(["notes", str(d / "notes.csv"), "--out", str(d / "r.csv"), "--id-column", "id",
                 "--date-column", "date", "--group-column", "team", "--report", str(out)])
    assert code == 0
    return out


def test_report_renders_charts_offline(report: Path) -> None:
    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: run `bash scripts/test.sh`, which installs it")
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    dialogs: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(report.as_uri())
        charts = page.locator("svg[role=img]")
        assert charts.count() == 4  # grade, categories, by month, by team
        for i in range(charts.count()):
            box = charts.nth(i).bounding_box()
            assert box is not None and box["width"] > 100 and box["height"] > 20
        assert page.locator("rect").count() >= 10
        assert "Case notes" in page.title()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "notes-report.png"), full_page=True)
        browser.close()
    assert dialogs == []  # nothing from the notes ran
    assert all(u.startswith(("file:", "data:")) for u in requests), requests
