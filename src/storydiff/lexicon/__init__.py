"""Word lists every stage shares (numbers, stopwords), beneath the flow.

A stage's own heuristics stay in its ``*_vocab`` module; what two stages both read lives here,
once, so no stage imports another stage's vocabulary (ARCHITECTURE.md).
"""
