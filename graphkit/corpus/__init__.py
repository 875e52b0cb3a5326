"""Whole corpora: worker engines, the run bookkeeping, the corpus store and progress."""
