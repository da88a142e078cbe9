"""The Streamlit editor: Draft, Train and Case notes pages over the engine in ``drafting``."""
