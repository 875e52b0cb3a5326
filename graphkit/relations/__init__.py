"""Relation extraction: who acts on whom, read from the dependency parse of one article."""
