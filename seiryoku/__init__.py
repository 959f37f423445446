"""Seiryoku (勢力図): a knowledge graph of AI-policy actors from Japanese text. The CLI lives in seiryoku.cli."""

__version__ = "0.1.0"
