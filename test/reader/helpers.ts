/** Builds small model.py sources for table tests: one method with the given parameters and return. */
export const HEADER = `from typing import Any, Dict, Generator, Iterable, Iterator, List, Optional, Tuple, Union
import collections.abc
import numpy as np
from PIL import Image as PILImage
import PIL.Image
from clarifai.runners.models.model_class import ModelClass
from clarifai.runners.utils import data_types as dt
from clarifai.runners.utils.data_types import Audio, Concept, Frame, Image, NamedFields, Region, Text, Video
from clarifai.runners.utils.data_utils import Param
`;

export function oneMethod(params: string, returns = "str", prelude = ""): string {
  return `${HEADER}${prelude}
class M(ModelClass):
    @ModelClass.method
    def f(self, ${params}) -> ${returns}:
        return ""
`;
}
