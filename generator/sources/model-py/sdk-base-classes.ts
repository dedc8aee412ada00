/**
 * The Clarifai SDK's own ModelClass subclasses and the methods they contribute, written as model.py-like
 * Python that the reader parses like any user file (one code path). Transcribed from clarifai-python
 * (clarifai/runners/models/*.py, package 12.x): signatures and docstrings exactly, bodies elided.
 * A user's base `clarifai.<...>.<Name>` resolves to the class of the same name here.
 */
export const SDK_BASE_CLASSES_FILE = "<clarifai SDK base classes>";

export const SDK_BASE_CLASSES_SOURCE = String.raw`
from typing import Iterator


class ModelClass:
    """clarifai/runners/models/model_class.py: the root; contributes no methods."""


class OpenAIModelClass(ModelClass):
    """clarifai/runners/models/openai_class.py"""

    @ModelClass.method
    def openai_transport(self, msg: str) -> str:
        """Process an OpenAI-compatible request and send it to the appropriate OpenAI endpoint.

        Args:
            msg: JSON string containing the request parameters including 'openai_endpoint'

        Returns:
            JSON string containing the response or error
        """

    @ModelClass.method
    def openai_stream_transport(self, msg: str) -> Iterator[str]:
        """Process an OpenAI-compatible request and return a streaming response iterator.
        This method is used when stream=True and returns an iterator of strings directly,
        without converting to a list or JSON serializing. Supports chat completions and responses endpoints.

        Args:
            msg: The request as a JSON string.

        Returns:
            Iterator[str]: An iterator yielding text chunks from the streaming response.
        """


class AgenticModelClass(OpenAIModelClass):
    """clarifai/runners/models/agentic_class.py: re-decorates both transports with its own docstrings."""

    @ModelClass.method
    def openai_transport(self, msg: str) -> str:
        """Handle non-streaming OpenAI requests."""

    @ModelClass.method
    def openai_stream_transport(self, msg: str) -> Iterator[str]:
        """Handle streaming OpenAI requests."""


class VLLMOpenAIModelClass(OpenAIModelClass):
    """clarifai/runners/models/vllm_openai_class.py: re-decorates the stream transport, without a docstring."""

    @OpenAIModelClass.method
    def openai_stream_transport(self, msg: str) -> Iterator[str]:
        pass


class SGLangOpenAIModelClass(OpenAIModelClass):
    """clarifai/runners/models/sglang_openai_class.py: re-decorates the stream transport, without a docstring."""

    @OpenAIModelClass.method
    def openai_stream_transport(self, msg: str) -> Iterator[str]:
        pass


class MCPModelClass(ModelClass):
    """clarifai/runners/models/mcp_class.py"""

    @ModelClass.method
    def mcp_transport(self, msg: str) -> str:
        """The single model method to get the jsonrpc message and send it to the FastMCP server then
        return it's response.

        """


class StdioMCPModelClass(MCPModelClass):
    """clarifai/runners/models/stdio_mcp_class.py: inherits mcp_transport."""


class NodeJSMCPModelClass(MCPModelClass):
    """clarifai/runners/models/nodejs_mcp_class.py: inherits mcp_transport."""


class VisualClassifierClass(ModelClass):
    """clarifai/runners/models/visual_classifier_class.py: static helpers only."""


class VisualDetectorClass(ModelClass):
    """clarifai/runners/models/visual_detector_class.py: static helpers only."""
`;
