"""Story writer: a tiny, deterministic stand-in for a text-generation model.

It follows the shape of Clarifai's LLM templates (a one-shot `predict`, a token-streaming `generate`
and a bidirectional `stream`) without loading any weights, so it runs anywhere and always answers the
same way. The TypeScript port used by the demo lives in ../handlers.ts.
"""
from typing import Iterator, List

from clarifai.runners.models.model_class import ModelClass
from clarifai.runners.utils.data_utils import Param

DEFAULT_MAX_TOKENS = 48


def _story(prompt: str, history_turns: int) -> List[str]:
    """The story for a prompt, as a list of words (the model's "tokens")."""
    topic = prompt.strip().rstrip("?.!") or "nothing in particular"
    opening = "Once again" if history_turns else "Once upon a time"
    sentences = [
        f"{opening}, {topic} woke up early.",
        f"It had {len(topic.split())} big ideas and one small plan.",
        "By evening the plan had worked, and everyone cheered.",
        "The end.",
    ]
    return " ".join(sentences).split(" ")


def _styled(words: List[str], style: str) -> List[str]:
    if style == "shout":
        return [w.upper() for w in words]
    if style == "whisper":
        return [w.lower() for w in words]
    return words


class StoryWriter(ModelClass):
    """Writes very short stories about whatever it is given."""

    def load_model(self):
        # A real model would load weights here; this one has nothing to load.
        self.ready = True

    @ModelClass.method
    def predict(
        self,
        prompt: str,
        chat_history: List[dict] = None,
        max_tokens: int = Param(
            default=DEFAULT_MAX_TOKENS, description="Maximum number of words to write", min_value=1, max_value=512
        ),
        temperature: float = Param(
            default=0.7, description="Accepted for API parity; this model is deterministic", min_value=0.0, max_value=2.0
        ),
        style: str = Param(default="plain", description="Tone of the story", choices=["plain", "shout", "whisper"]),
    ) -> str:
        """Write a whole story about `prompt` and return it at once."""
        words = _styled(_story(prompt, len(chat_history or [])), style)
        return " ".join(words[: int(max_tokens)])

    @ModelClass.method
    def generate(
        self,
        prompt: str,
        max_tokens: int = Param(
            default=DEFAULT_MAX_TOKENS, description="Maximum number of words to write", min_value=1, max_value=512
        ),
        style: str = Param(default="plain", description="Tone of the story", choices=["plain", "shout", "whisper"]),
    ) -> Iterator[str]:
        """Stream the story about `prompt` one token (word) at a time."""
        words = _styled(_story(prompt, 0), style)[: int(max_tokens)]
        for i, word in enumerate(words):
            yield word if i == 0 else " " + word

    @ModelClass.method
    def stream(
        self,
        input_iterator: Iterator[str],
        max_tokens: int = Param(default=8, description="Maximum number of words per reply", min_value=1, max_value=64),
    ) -> Iterator[str]:
        """Chat: answer every incoming message with the opening of its story, as the messages arrive."""
        for turn, message in enumerate(input_iterator):
            yield " ".join(_story(message, turn)[: int(max_tokens)])
