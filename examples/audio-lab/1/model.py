"""Audio lab: a toolkit model whose methods have their own names.

It reads and writes 16-bit PCM WAV files with the standard library's `wave` module and numpy, and shows
every structured type the method interface supports: NamedFields with an NDArray inside, a Tuple, JSON
in and out, and Audio in and out. The TypeScript port used by the demo lives in ../handlers.ts.
"""
import io
import wave
from typing import List, Tuple

import numpy as np

from clarifai.runners.models.model_class import ModelClass
from clarifai.runners.utils.data_types import Audio, NamedFields
from clarifai.runners.utils.data_utils import Param

FULL_SCALE = 32768.0


def _read_wav(audio: Audio) -> Tuple[np.ndarray, int, int]:
    """Samples as float32 in [-1, 1] (shape frames x channels), the sample rate and the channel count."""
    with wave.open(io.BytesIO(audio.bytes), "rb") as wav:
        if wav.getsampwidth() != 2:
            raise ValueError("only 16-bit PCM WAV is supported")
        channels, rate = wav.getnchannels(), wav.getframerate()
        raw = wav.readframes(wav.getnframes())
    samples = np.frombuffer(raw, dtype="<i2").astype(np.float32) / FULL_SCALE
    return samples.reshape(-1, channels), rate, channels


def _write_wav(samples: np.ndarray, rate: int) -> Audio:
    pcm = np.clip(np.round(samples * FULL_SCALE), -32768, 32767).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(samples.shape[1])
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(pcm.tobytes())
    return Audio(bytes=buffer.getvalue())


class AudioLab(ModelClass):
    """Measures and transforms short WAV recordings."""

    def load_model(self):
        self.effects = {"gain", "reverse", "normalize"}

    @ModelClass.method
    def analyze_audio(
        self,
        audio: Audio,
        window_ms: int = Param(default=100, description="Length of each loudness window", min_value=10, max_value=1000),
    ) -> NamedFields(sample_rate=int, channels=int, duration_s=float, peak=float, loudness=np.ndarray):
        """Format, duration, peak level and the RMS loudness of every window (a float32 array)."""
        samples, rate, channels = _read_wav(audio)
        mono = samples.mean(axis=1)
        window = max(1, rate * int(window_ms) // 1000)
        count = len(mono) // window
        frames = mono[: count * window].reshape(count, window)
        loudness = np.sqrt((frames**2).mean(axis=1)).astype(np.float32)
        return NamedFields(
            sample_rate=rate,
            channels=channels,
            duration_s=len(mono) / rate,
            peak=float(np.abs(samples).max(initial=0.0)),
            loudness=loudness,
        )

    @ModelClass.method
    def apply_effects(self, audio: Audio, effects: List[dict]) -> Audio:
        """Apply effects in order: {"type": "gain", "db": -6}, {"type": "reverse"}, {"type": "normalize", "peak": 0.9}."""
        samples, rate, _ = _read_wav(audio)
        for effect in effects:
            kind = effect.get("type")
            if kind == "gain":
                samples = samples * 10 ** (float(effect.get("db", 0)) / 20)
            elif kind == "reverse":
                samples = samples[::-1]
            elif kind == "normalize":
                peak = np.abs(samples).max(initial=0.0)
                if peak > 0:
                    samples = samples * (float(effect.get("peak", 1.0)) / peak)
            else:
                raise ValueError(f"unknown effect {kind!r}; use one of {sorted(self.effects)}")
        return _write_wav(samples, rate)

    @ModelClass.method
    def find_onsets(
        self,
        samples: np.ndarray,
        sample_rate: int = 16000,
        threshold: float = Param(default=0.5, description="Level a sound must rise above", min_value=0.0, max_value=1.0),
    ) -> Tuple[int, List[float]]:
        """Count the sounds in a mono signal: how many times |x| rises above `threshold`, and when (seconds)."""
        loud = np.abs(np.asarray(samples, dtype=np.float64).ravel()) > threshold
        starts = np.flatnonzero(loud & ~np.concatenate(([False], loud[:-1])))
        return len(starts), [round(int(i) / sample_rate, 4) for i in starts]

    @ModelClass.method
    def describe_audio(self, audio: Audio) -> dict:
        """The recording's format as JSON, the way a media pipeline would log it."""
        samples, rate, channels = _read_wav(audio)
        return {
            "container": "wav",
            "codec": "pcm_s16le",
            "sample_rate": rate,
            "channels": channels,
            "frames": len(samples),
            "silent": bool(np.abs(samples).max(initial=0.0) == 0),
        }
