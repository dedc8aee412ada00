"""Colour tagger: a small vision model that names the colours of an image.

`predict` classifies the whole image into colour concepts, `detect` finds the dominant colour of each
quadrant as a region, and `thumbnail` returns a resized copy. It uses numpy and Pillow only, so it
runs on CPU in milliseconds. The TypeScript port used by the demo lives in ../handlers.ts.
"""
from typing import List

import numpy as np
from PIL import Image as PILImage

from clarifai.runners.models.model_class import ModelClass
from clarifai.runners.utils.data_types import Concept, Image, Region
from clarifai.runners.utils.data_utils import Param

PALETTE = {
    "red": (220, 40, 40),
    "green": (40, 170, 70),
    "blue": (40, 90, 220),
    "yellow": (240, 210, 40),
    "white": (245, 245, 245),
    "black": (15, 15, 15),
    "gray": (128, 128, 128),
}
NAMES = list(PALETTE)
COLORS = np.array(list(PALETTE.values()), dtype=np.int32)


def _color_shares(pixels: np.ndarray) -> List[Concept]:
    """Share of the pixels nearest to each palette colour, largest first (ties by palette order)."""
    flat = pixels.reshape(-1, 3).astype(np.int32)
    distances = ((flat[:, None, :] - COLORS[None, :, :]) ** 2).sum(axis=2)
    counts = np.bincount(distances.argmin(axis=1), minlength=len(NAMES))
    order = sorted(range(len(NAMES)), key=lambda i: (-counts[i], i))
    return [Concept(name=NAMES[i], value=round(counts[i] / len(flat), 4)) for i in order if counts[i] > 0]


class ColorTagger(ModelClass):
    """Names the colours in an image."""

    def load_model(self):
        self.palette = PALETTE

    @ModelClass.method
    def predict(
        self,
        image: Image,
        top_k: int = Param(default=3, description="How many colour concepts to return", min_value=1, max_value=7),
    ) -> List[Concept]:
        """Colour concepts of the whole image, with the share of pixels of each colour as the value."""
        pixels = np.asarray(image.to_pil().convert("RGB"))
        return _color_shares(pixels)[: int(top_k)]

    @ModelClass.method
    def detect(
        self,
        image: Image,
        threshold: float = Param(
            default=0.5, description="Minimum share of a quadrant its colour must cover", min_value=0.0, max_value=1.0
        ),
    ) -> List[Region]:
        """One region per image quadrant whose dominant colour covers at least `threshold` of it."""
        pixels = np.asarray(image.to_pil().convert("RGB"))
        height, width = pixels.shape[:2]
        regions = []
        for row in range(2):
            for col in range(2):
                top, bottom = row * height // 2, (row + 1) * height // 2
                left, right = col * width // 2, (col + 1) * width // 2
                best = _color_shares(pixels[top:bottom, left:right])[0]
                if best.value >= threshold:
                    regions.append(
                        Region(
                            id=f"quadrant-{row}{col}",
                            box=[left / width, top / height, right / width, bottom / height],
                            concepts=[best],
                        )
                    )
        return regions

    @ModelClass.method
    def thumbnail(
        self,
        image: Image,
        size: int = Param(default=32, description="Width of the thumbnail in pixels", min_value=4, max_value=512),
    ) -> Image:
        """A PNG copy of the image, `size` pixels wide, aspect ratio kept (nearest-neighbour scaling)."""
        pil = image.to_pil().convert("RGB")
        height = max(1, round(pil.height * int(size) / pil.width))
        return Image.from_pil(pil.resize((int(size), height), PILImage.NEAREST))
