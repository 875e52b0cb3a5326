"""Helpers shared by the tests: hand-built records, Docs and graphs, fakes and a loopback site."""
