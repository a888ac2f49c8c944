"""Target sentiment: the tone of a news sentence toward a named target (negative, neutral
or positive), as NewsMTSC annotates it.

``model`` is the learned scorer (frozen MiniLM vectors pooled around the target and word
counts, into a softmax; weights in ``model.npz``), ``lexicon`` counts the word lists of
``vocab`` near the target and gives the rules-only tone. The caller passes the encoder (a
function from texts to ``TokenStates``), since the MiniLM forward pass lives in the align
stage.
"""

from storydiff.analyse.sentiment.lexicon import Mention, rule_tone
from storydiff.analyse.sentiment.model import LABELS, TokenEncoder, TokenStates, Tone, tones

__all__ = ["LABELS", "Mention", "TokenEncoder", "TokenStates", "Tone", "rule_tone", "tones"]
