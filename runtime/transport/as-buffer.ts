/** grpc-js wants a Buffer; a view over the same memory, not `Buffer.from(bytes)`, which would copy a large payload. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
