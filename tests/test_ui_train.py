"""The Train page under AppTest: the gallery, its filters, and the quiz."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

APP = ROOT / "ui" / "app.py"


@pytest.fixture()
def at() -> AppTest:
    app = AppTest.from_file(str(APP), default_timeout=60)
    app.run()
    app.switch_page("views/train.py").run()
    assert not app.exception
    return app


def _cards(at: AppTest) -> list[str]:
    return [h.value for h in at.html if 'class="card"' in h.value]


def test_gallery_pairs_poor_and_better_statements_of_one_kind() -> None:
    from ui.views.train import gallery

    pairs = gallery()
    assert set(pairs) == {"danger", "safety_goal", "harm"}
    for kind, items in pairs.items():
        assert len(items) > 20, kind
        for poor, good in items:
            assert poor.kind == good.kind == kind
            assert len(poor.misses) >= 2 and good.misses == []


def test_cards_show_text_and_verdicts_side_by_side(at: AppTest) -> None:
    cards = _cards(at)
    assert len(cards) == 8  # four pairs a page
    assert cards[0].count("Poor (") == 1 and cards[1].count("Better (") == 1
    assert "✗</span><strong>Misses:</strong>" in cards[0]
    assert "Misses:" not in cards[1] and "Meets:" in cards[1]
    assert at.number_input(key="train_page").value == 1


def test_filters_by_kind_and_criterion(at: AppTest) -> None:
    at.selectbox(key="train_kind").set_value("safety_goal").run()
    assert all("Safety goal" in m.value for m in at.markdown if m.value.startswith("**"))
    at.selectbox(key="train_criterion").set_value("timeframe").run()
    cards = _cards(at)
    assert cards
    for poor in cards[::2]:
        assert "<strong>Misses:</strong> Says for how long or by when" in poor
    at.number_input(key="train_page").set_value(2).run()
    assert not at.exception and _cards(at) != cards
    # a new kind starts again at page one with any criterion
    at.selectbox(key="train_kind").set_value("harm").run()
    assert at.number_input(key="train_page").value == 1
    assert at.selectbox(key="train_criterion").value == "any"


def test_quiz_hides_verdicts_until_revealed(at: AppTest) -> None:
    at.toggle(key="train_quiz").set_value(True).run()
    cards = _cards(at)
    assert cards and all("Misses:" not in c and "Meets:" not in c for c in cards)
    quiz = at.multiselect[0]
    assert quiz.label == "Which criteria does this one miss?"
    quiz.set_value([quiz.options[0]]).run()
    at.button[0].click().run()
    assert "Misses:" in _cards(at)[0] or "Meets:" in _cards(at)[0]
    feedback = [*(s.value for s in at.success), *(w.value for w in at.warning)]
    assert any("You found" in f or "Right:" in f for f in feedback)
    assert at.multiselect[0].disabled
