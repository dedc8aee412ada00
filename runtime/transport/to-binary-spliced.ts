/**
 * `toBinary` for messages carrying large `bytes` fields (images, audio, video, ndarrays), byte-identical to it but
 * copying each large payload once, into an exactly sized result.
 *
 * protobuf-es's BinaryWriter writes every byte into a doubling buffer and `finish()` slices it: an 8 MiB image costs
 * a 16 MiB buffer plus an 8 MiB copy. Here the message is serialized with each large value swapped for a one-byte
 * stand-in (a small buffer), then the output is assembled from views of that buffer and the payloads themselves,
 * with the length prefixes of the enclosing messages recomputed.
 */
import { isMessage, ScalarType, toBinary, type DescField, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import { BinaryReader, BinaryWriter, WireType } from "@bufbuild/protobuf/wire";

/** Below this size a payload is cheaper to copy than to splice. */
export const MIN_SPLICED_BYTES = 64 * 1024;

/** Where large payloads sit: field number → occurrence (list index, or 0) → the payload or a nested tree. */
type Splices = Map<number, Map<number, Uint8Array | Splices>>;

export function toBinarySpliced<Desc extends DescMessage>(
  schema: Desc,
  message: MessageShape<Desc>,
  minSplicedBytes = MIN_SPLICED_BYTES,
): Uint8Array {
  const found = withStandIns(schema, message, minSplicedBytes);
  if (!found) return toBinary(schema, message);
  const chunks = splice(toBinary(schema, found.message as MessageShape<Desc>), found.splices);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

const STAND_IN = new Uint8Array([0]); // non-empty, so that the field is written even with implicit presence

type Message = Record<string, unknown>;

/**
 * A shallow copy of `message` (copy-on-write along the paths to large values) with every large `bytes` value
 * replaced by the stand-in, and where they were; undefined when there is none. Written without per-field
 * closures: it runs for every request, most of which have nothing to splice.
 */
function withStandIns(desc: DescMessage, message: Message, min: number): { message: Message; splices: Splices } | undefined {
  let found: { message: Message; splices: Splices } | undefined;
  for (const field of fieldsHoldingBytes(desc)) {
    const holder = field.oneof ? (message[field.oneof.localName] as { case?: string; value?: unknown }) : undefined;
    if (holder && holder.case !== field.localName) continue;
    const value = holder ? holder.value : message[field.localName];
    let standIn: unknown;
    if (field.fieldKind === "scalar" && field.scalar === ScalarType.BYTES && isLarge(value, min)) {
      found = record(found, message, field.number, 0, value);
      standIn = STAND_IN;
    } else if (field.fieldKind === "message" && isMessage(value, field.message)) {
      const inner = withStandIns(field.message, value as Message, min);
      if (inner) found = record(found, message, field.number, 0, inner.splices);
      standIn = inner?.message;
    } else if (field.fieldKind === "list" && Array.isArray(value)) {
      let list: unknown[] | undefined;
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index];
        let itemStandIn: unknown;
        if (field.listKind === "scalar" && field.scalar === ScalarType.BYTES && isLarge(item, min)) {
          found = record(found, message, field.number, index, item);
          itemStandIn = STAND_IN;
        } else if (field.listKind === "message" && isMessage(item, field.message)) {
          const inner = withStandIns(field.message, item as Message, min);
          if (inner) found = record(found, message, field.number, index, inner.splices);
          itemStandIn = inner?.message;
        }
        if (itemStandIn !== undefined) (list ??= [...value])[index] = itemStandIn;
      }
      standIn = list;
    }
    if (standIn === undefined) continue;
    if (holder) found!.message[field.oneof!.localName] = { case: field.localName, value: standIn };
    else found!.message[field.localName] = standIn;
  }
  return found;
}

const holdingBytes = new WeakMap<DescMessage, readonly DescField[]>();

/**
 * The fields of `desc` that can hold a `bytes` value, directly or through nested messages: the only ones the walk
 * needs to visit (a Data has 24 fields, of which ten can). Computed once per message type, as a fixpoint over the
 * types reachable from it, since messages nest recursively (Data → Part → Data).
 */
function fieldsHoldingBytes(desc: DescMessage): readonly DescField[] {
  const cached = holdingBytes.get(desc);
  if (cached) return cached;
  const reachable = new Set<DescMessage>();
  for (const stack = [desc]; stack.length > 0; ) {
    const next = stack.pop()!;
    if (reachable.has(next)) continue;
    reachable.add(next);
    for (const field of next.fields) {
      const nested = nestedMessage(field);
      if (nested) stack.push(nested);
    }
  }
  const holders = new Set<DescMessage>();
  const holds = (field: DescField) => isBytesField(field) || holders.has(nestedMessage(field)!);
  for (let changed = true; changed; ) {
    changed = false;
    for (const type of reachable) {
      if (!holders.has(type) && type.fields.some(holds)) {
        holders.add(type);
        changed = true;
      }
    }
  }
  for (const type of reachable) holdingBytes.set(type, type.fields.filter(holds));
  return holdingBytes.get(desc)!;
}

function nestedMessage(field: DescField): DescMessage | undefined {
  if (field.fieldKind === "message" || (field.fieldKind === "list" && field.listKind === "message")) return field.message;
  return undefined;
}

function isBytesField(field: DescField): boolean {
  return (field.fieldKind === "scalar" || (field.fieldKind === "list" && field.listKind === "scalar")) && field.scalar === ScalarType.BYTES;
}

/** Notes a splice, making the copy of `message` on the first one. */
function record(
  found: { message: Message; splices: Splices } | undefined,
  message: Message,
  number: number,
  occurrence: number,
  what: Uint8Array | Splices,
): { message: Message; splices: Splices } {
  found ??= { message: Object.assign(Object.create(Object.getPrototypeOf(message) as object) as Message, message), splices: new Map() };
  let byOccurrence = found.splices.get(number);
  if (!byOccurrence) found.splices.set(number, (byOccurrence = new Map()));
  byOccurrence.set(occurrence, what);
  return found;
}

function isLarge(value: unknown, min: number): value is Uint8Array {
  return value instanceof Uint8Array && value.byteLength >= min;
}

/** The chunks of `bytes` with the stand-ins named in `splices` replaced, length prefixes recomputed. */
function splice(bytes: Uint8Array, splices: Splices): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const seen = new Map<number, number>();
  const reader = new BinaryReader(bytes);
  let copiedTo = 0;
  while (reader.pos < reader.len) {
    const [number, wireType] = reader.tag();
    const occurrence = seen.get(number) ?? 0;
    seen.set(number, occurrence + 1);
    const replacement = splices.get(number)?.get(occurrence);
    if (replacement === undefined || wireType !== WireType.LengthDelimited) {
      reader.skip(wireType, number);
      continue;
    }
    const tagEnd = reader.pos;
    const standIn = reader.bytes();
    const inner = replacement instanceof Uint8Array ? [replacement] : splice(standIn, replacement);
    const length = inner.reduce((n, c) => n + c.byteLength, 0);
    chunks.push(bytes.subarray(copiedTo, tagEnd), new BinaryWriter().uint32(length).finish(), ...inner);
    copiedTo = reader.pos;
  }
  chunks.push(bytes.subarray(copiedTo));
  return chunks;
}
