"""The ONNX model: manifest and verification, tokenizers, the session, batched prediction, decoding."""
