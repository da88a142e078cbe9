"""The editor's entry point: ``streamlit run ui/app.py`` from the repository root (or
``bash scripts/run.sh``). Three pages: Draft, Train and Case notes.

Privacy: served on 127.0.0.1 with usage statistics off (``.streamlit/config.toml``, and
``scripts/run.sh`` passes the same settings on the command line); drafts and uploads stay
in the server's memory for the session and are never written to disk or logged.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run ui/app.py` puts ui/, not the root, on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from ui import render  # noqa: E402

st.set_page_config(page_title="Drafting: statements and case notes", layout="wide",
                   initial_sidebar_state="collapsed")
st.html(render.CSS)
pages = [
    st.Page("views/draft.py", title="Draft", url_path="draft", default=True),
    st.Page("views/train.py", title="Train", url_path="train"),
    st.Page("views/notes.py", title="Case notes", url_path="notes"),
]
st.navigation(pages, position="top").run()
