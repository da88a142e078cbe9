"""The editor end to end in a real browser: Debian's Chromium driven by Playwright against
the app started here, on a free loopback port, from the repository root.

It types a poor danger statement and sees the criteria fail, accepts the suggestions and
answers the question they leave, and sees every criterion pass; checks a danger statement
and its safety goal as a pair; opens the Train page; uploads case notes (one file broken)
and downloads the CSV. Along the way: markup in a draft runs nothing, the keyboard alone
works, the page reads at 200% zoom, and every request the page makes stays on this machine.
Afterwards the server's output and temporary folder hold none of the text. Screenshots of
each page are saved as test artefacts in tests/artifacts/screenshots/ (git-ignored); with
DRAFTING_UPDATE_SCREENSHOTS=1 they refresh the committed copies in docs/screenshots/ that
the README links to.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import docx_bytes

ROOT = Path(__file__).resolve().parent.parent
SHOTS = (ROOT / "docs" / "screenshots" if os.environ.get("DRAFTING_UPDATE_SCREENSHOTS") == "1"
         else ROOT / "tests" / "artifacts" / "screenshots")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]
MARKER = "Zebedee"  # a name in every text this test enters, looked for on disk and in logs
POOR = (f"Concerns have been raised that Dad hits {MARKER}, who is 4, when he is drunk, and "
        f"{MARKER} could be badly hurt.")
HOSTILE = (f'<script>alert("x")</script> <img src=x onerror=alert(2)> {MARKER} '
           "[a link](http://example.com/a) ![pic](http://example.com/p.png)")
DANGER = f"Nan is worried that Dad hits {MARKER}, 4, when he has been drinking."
GOAL = f"{MARKER} will go to school every day, which her teacher will see, for a term."
TIMEOUT = 30_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(port: int, env_tmp: Path, app: str = "ui/app.py") -> subprocess.Popen[bytes]:
    """``streamlit run`` on 127.0.0.1 from the repository root, waiting until healthy."""
    env = {**os.environ, "TMPDIR": str(env_tmp), "TEMP": str(env_tmp), "TMP": str(env_tmp)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", app, "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("the app stopped: " + proc.stdout.read().decode(errors="replace"))
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                        timeout=2) as r:
                if r.read().decode().strip() == "ok":
                    return proc
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise RuntimeError("the app did not become healthy in 60 s")


def stop_app(proc: subprocess.Popen[bytes]) -> str:
    proc.terminate()
    try:
        out, _ = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
    return out.decode(errors="replace")


def launch(p: Any) -> Any:
    return p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)


class Session:
    """One browser page on the app, recording every request and dialog."""

    def __init__(self, browser: Any, base: str, **context: Any) -> None:
        self.base = base
        self.context = browser.new_context(accept_downloads=True, **context)
        self.page = self.context.new_page()
        self.page.set_default_timeout(TIMEOUT)
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("websocket", lambda ws: self.requests.append(ws.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def open(self) -> Any:
        self.page.goto(self.base)
        self.draft().wait_for()
        return self.page

    def draft(self) -> Any:
        return self.page.get_by_label("Your statement")

    def commit(self, box: Any, text: str) -> None:
        box.click()
        box.press("Control+a")
        box.press("Delete")
        box.press_sequentially(text, delay=0)
        box.press("Control+Enter")

    def verdicts(self, length: int) -> dict[str, bool]:
        box = self.page.locator(f'.checklist-box[data-length="{length}"]')
        box.wait_for()
        items = box.locator("li[data-criterion]")
        return {items.nth(i).get_attribute("data-criterion"):
                items.nth(i).get_attribute("data-passed") == "true"
                for i in range(items.count())}


@pytest.fixture(scope="module")
def app() -> Iterator[dict[str, Any]]:
    if not os.path.exists(CHROMIUM):
        pytest.fail("Chromium is missing: run `bash scripts/test.sh`, which installs it")
    tmp = Path(tempfile.mkdtemp(prefix="editor-test-"))
    port = _free_port()
    started = time.time()
    proc = start_app(port, tmp)
    info: dict[str, Any] = {"base": f"http://127.0.0.1:{port}/", "port": port, "tmp": tmp,
                            "started": started}
    try:
        yield info
    finally:
        info["log"] = stop_app(proc)
        _assert_nothing_kept(info)
        shutil.rmtree(tmp, ignore_errors=True)


def _assert_nothing_kept(info: dict[str, Any]) -> None:
    """No draft, upload or report in the server's output, its temp folder, or the repo."""
    assert MARKER not in info["log"], "the server logged a draft or an upload"
    for path in info["tmp"].rglob("*"):
        if path.is_file():
            assert MARKER.encode() not in path.read_bytes(), path
    for path in ROOT.rglob("*"):
        rel = path.relative_to(ROOT).parts
        if rel[0] in (".git", ".venv", "docs") or "__pycache__" in rel or not path.is_file() \
                or path == Path(__file__).resolve():
            continue
        try:
            if path.stat().st_mtime < info["started"] or path.stat().st_size > 5_000_000:
                continue
            assert MARKER.encode() not in path.read_bytes(), path
        except OSError:
            continue  # another process's file came and went


def _local_only(requests: list[str], port: int) -> None:
    allowed = (f"http://127.0.0.1:{port}/", f"ws://127.0.0.1:{port}/", "data:", "blob:")
    outside = [u for u in requests if not u.startswith(allowed)]
    assert not outside, outside
    assert requests, "requests were recorded"


def shot(page: Any, name: str) -> None:
    """A screenshot of the whole page from the top. Streamlit scrolls an inner container,
    so the window is made as tall as the content for the picture, then put back."""
    size = page.viewport_size
    height = page.evaluate("""() => {
        const main = document.querySelector('[data-testid="stMain"]') ||
                     document.querySelector('section.main');
        if (main) main.scrollTop = 0;
        return Math.max(document.body.scrollHeight, main ? main.scrollHeight : 0);
    }""")
    page.set_viewport_size({"width": size["width"], "height": min(max(height, 600), 6000)})
    page.wait_for_timeout(300)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=True)
    page.set_viewport_size(size)


def test_write_check_accept_pair_train_and_notes(app: dict[str, Any]) -> None:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = launch(p)
        s = Session(browser, app["base"], viewport={"width": 1400, "height": 1000})
        page = s.open()
        # a poor danger statement: criteria fail, each with its reason
        s.commit(s.draft(), POOR)
        verdicts = s.verdicts(len(POOR))
        assert verdicts["worried_person_attribution"] is False
        assert verdicts["plain_language"] is False
        assert page.locator('li.fail[data-criterion="worried_person_attribution"] .why') \
            .inner_text().startswith("The worry is stated without anyone holding it")
        # a marked word shows its reason on hover
        mark = page.locator("mark.hl").first
        mark.hover()
        assert page.locator("mark.hl .tip").first.is_visible()
        page.locator(".st-key-accept_all").wait_for()  # the suggestions have arrived
        shot(page, "draft-poor.png")
        # accept every suggestion: the diff shows what changed, then answer the question
        page.get_by_role("button", name="Accept all").click()
        page.locator(".diff del").first.wait_for()
        assert "removed:" in page.locator(".diff").inner_text()
        fixed = re.sub(r"\[[^\]]+\]", "Nan and the school", s.draft().input_value(), count=1)
        questions = page.locator(".st-key-draft_questions")
        questions.locator("input[type=text]").first.fill("Nan and the school")
        page.get_by_role("button", name="Put the answers in my draft").click()
        assert s.verdicts(len(fixed)) == dict.fromkeys(verdicts, True)
        assert s.draft().input_value() == fixed
        assert page.get_by_role("button", name="Undo the last change").is_visible()
        shot(page, "draft.png")

        # markup in a draft is text: nothing runs, no image loads
        s.commit(s.draft(), HOSTILE)
        s.verdicts(len(HOSTILE))
        shown = page.locator(".dv").first.inner_text()
        assert "<script>" in shown and "<img src=x onerror=alert(2)>" in shown
        assert page.locator('img[src="x"]').count() == 0
        assert page.locator('a[href^="http://example.com"]').count() == 0

        # a danger statement and its goal as a pair
        page.get_by_role("tab", name="Check a pair").click()
        s.commit(page.get_by_label("Danger statement"), DANGER)
        s.commit(page.get_by_label("Safety goal"), GOAL)
        page.locator('.pair .aspect[data-aspect="behaviour"]').wait_for()
        assert page.locator('.pair .aspect[data-aspect="people"]').get_attribute(
            "data-status") == "partial"
        assert "does not mention Dad" in page.locator(".pair").inner_text()
        shot(page, "pair.png")

        # the Train page
        page.get_by_role("link", name="Train").click()
        page.wait_for_function("document.querySelectorAll('.card').length === 8")
        shot(page, "train.png")

        # case notes: upload four files, one broken; the others are checked
        page.get_by_role("link", name="Case notes").click()
        page.locator('input[type="file"]').set_input_files([
            {"name": "notes.csv", "mimeType": "text/csv",
             "buffer": (f'id,text\nn1,"Mum presents as hostile. DV is ongoing with {MARKER}."\n'
                        'n2,"Nan visited on Tuesday. The children had eaten."\n').encode()},
            {"name": "broken.docx", "mimeType": "application/octet-stream",
             "buffer": b"not a zip"},
            {"name": "visit.docx", "mimeType": "application/octet-stream",
             "buffer": docx_bytes(f"{MARKER} was seen at school. CSC have safeguarding concerns.")},
            {"name": "plain.txt", "mimeType": "text/plain",
             "buffer": f"Dad shouted at {MARKER}. They hid upstairs.".encode()},
        ])
        page.get_by_text("could not be checked", exact=False).first.wait_for()
        summary = page.get_by_text("notes checked from", exact=False).first.inner_text()
        assert "4 notes checked from 4 files; 1 could not be checked" in summary
        page.wait_for_function("document.querySelectorAll('figure.chart').length === 2")
        assert page.evaluate("Math.max(...[...document.querySelectorAll('figure.chart .b')]"
                             ".map(b => b.getBoundingClientRect().width))") > 20
        with page.expect_download() as dl:
            page.get_by_role("button", name="Download the results (CSV)").click()
        rows = list(csv.DictReader(io.StringIO(Path(dl.value.path()).read_text("utf-8"))))
        assert [r["id"] for r in rows] == ["n1", "n2", "visit", "plain"]
        assert "hardest_sentence" not in rows[0]  # figures only, unless asked
        shot(page, "notes.png")
        browser.close()
    assert s.dialogs == []
    _local_only(s.requests, app["port"])


def test_keyboard_alone_and_200_percent_zoom(app: dict[str, Any]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch(p)
        # 200% zoom of a 1280-pixel-wide window: the page lays out in 640 CSS pixels
        s = Session(browser, app["base"], viewport={"width": 640, "height": 900},
                    device_scale_factor=2)
        page = s.open()
        for _ in range(40):  # Tab until the statement box has focus
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.tagName") == "TEXTAREA":
                break
        assert page.evaluate("document.activeElement.getAttribute('aria-label') || "
                             "document.activeElement.labels[0].innerText") \
            .startswith("Your statement")
        page.keyboard.type(POOR)
        page.keyboard.press("Control+Enter")
        s.verdicts(len(POOR))
        # tab on to a marked word: its reason shows on focus
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.classList.contains('hl')"):
                break
        assert page.locator(":focus .tip").is_visible()
        # and on to "Accept all", which Enter presses
        for _ in range(60):
            page.keyboard.press("Tab")
            if (page.evaluate("document.activeElement.innerText") or "").startswith(
                    "Accept all"):
                break
        page.keyboard.press("Enter")
        page.locator(".diff").wait_for()
        assert s.draft().input_value().startswith("[")  # the question it left
        # nothing is cut off sideways at this width
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        shot(page, "draft-200-percent.png")
        browser.close()
    assert s.dialogs == []
    _local_only(s.requests, app["port"])
