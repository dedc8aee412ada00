/** Codec behaviour beyond the vectors: files, zero copy, JSON mirror, ids, defensive decoding, server side. */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import Long from "long";
import type { Data, Init } from "../../runtime/wire/index.js";
import { ArgumentError, ClarifaiError } from "../../runtime/errors.js";
import { decodeArguments, decodeResult, encodeArguments, encodeResult, encodeStreamItem } from "../../runtime/codec/index.js";
import { structToJson } from "../../runtime/codec/json-value.js";
import { Image, Text, conceptIdFromName } from "../../runtime/data-types/index.js";
import { comparable, loadSignature, throughWire } from "./vector-support.js";

/** The part `id` of encoded arguments, as the server decodes it. */
const part = (data: Init.Data, id: string) => throughWire(data).parts.find((p) => p.id === id)!.data!;

describe("media files", () => {
  let dir = "";
  before(async () => (dir = await mkdtemp(path.join(tmpdir(), "codec-"))));
  after(() => rm(dir, { recursive: true, force: true }));

  it("Image.fromFile is read when the call is encoded", async () => {
    const file = path.join(dir, "a.png");
    await writeFile(file, new Uint8Array([9, 8, 7]));
    const data = await encodeArguments(loadSignature("peer", "image_gray"), { image: Image.fromFile(file) });
    assert.deepEqual([...part(data, "image").image!.base64], [9, 8, 7]);
  });

  it("a region mask from a file is read too", async () => {
    const file = path.join(dir, "mask.png");
    await writeFile(file, new Uint8Array([5]));
    const data = await encodeArguments(loadSignature("m3", "region_area"), { region: { id: "r", mask: Image.fromFile(file) } });
    assert.deepEqual([...part(data, "region").regions[0]!.regionInfo!.mask!.image!.base64], [5]);
  });

  it("a missing file is an ArgumentError naming the parameter and the path", async () => {
    const file = path.join(dir, "nope.png");
    await assert.rejects(
      encodeArguments(loadSignature("peer", "list_mix"), { texts: [], images: [Image.fromFile(file)] }),
      (error: unknown) =>
        error instanceof ArgumentError && error.parameter === "images[0]" && error.received === `missing file "${file}"`,
    );
  });

  it("toFile writes the bytes; fromUrl sends only the url", async () => {
    const file = path.join(dir, "out.bin");
    await Image.fromBytes(new Uint8Array([1, 2])).toFile(file);
    assert.deepEqual([...(await readFile(file))], [1, 2]);
    const data = await encodeArguments(loadSignature("peer", "image_gray"), { image: Image.fromUrl("https://x/y.png") });
    assert.deepEqual({ url: part(data, "image").image!.url, bytes: part(data, "image").image!.base64.length }, { url: "https://x/y.png", bytes: 0 });
  });
});

describe("encoding details", () => {
  it("image bytes are referenced, not copied", async () => {
    const bytes = new Uint8Array(1024);
    const data = await encodeArguments(loadSignature("peer", "image_gray"), { image: Image.fromBytes(bytes) });
    assert.equal(data.parts!.find((p) => p.id === "image")!.data!.image!.base64, bytes);
  });

  it("JSON string mirror is off by default and opt-in", async () => {
    const method = loadSignature("m3", "pluck");
    const plain = await encodeArguments(method, { records: [{ a: 1 }] });
    const mirrored = await encodeArguments(method, { records: [{ a: 1 }] }, { jsonStringMirror: true });
    assert.deepEqual(
      [part(plain, "records").parts[0]!.data!.stringValue, part(mirrored, "records").parts[0]!.data!.stringValue],
      ["", '{"a":1}'],
    );
  });

  it("a FLOAT of -0 is sent and read back as -0 (proto3 writes -0.0; only +0 is the default)", async () => {
    const scalars = loadSignature("peer", "scalars");
    const args = decodeArguments(scalars, throughWire(await encodeArguments(scalars, { s: "", i: 0, f: -0, b: false, raw: new Uint8Array(0) })));
    assert.ok(Object.is(args["f"], -0), `got ${String(args["f"])}`);
    const zero = decodeArguments(scalars, throughWire(await encodeArguments(scalars, { s: "", i: 0, f: 0, b: false, raw: new Uint8Array(0) })));
    assert.ok(Object.is(zero["f"], 0));
  });

  it("a JSON key named __proto__ is data both ways, not a prototype", () => {
    const method = loadSignature("peer", "json_echo");
    const value = JSON.parse('{"__proto__": {"x": 1}, "a": [null, true, "s", 1.5]}') as object;
    const decoded = decodeResult(method, throughWire(encodeResult(method, value))) as Record<string, unknown>;
    assert.deepEqual(Object.keys(decoded), ["__proto__", "a"]);
    assert.equal(Object.getPrototypeOf(decoded), Object.prototype);
    assert.equal(JSON.stringify(decoded), JSON.stringify(value));
  });

  it("a top-level JSON array travels wrapped in _list; undefined object properties are dropped", async () => {
    const data = await encodeArguments(loadSignature("peer", "json_echo"), { data: [1, { a: undefined, b: 2 }] });
    const struct = part(data, "data").structValue!;
    assert.deepEqual(Object.keys(struct.fields), ["_list"]);
    assert.deepEqual(structToJson(struct), [1, { b: 2 }]);
  });

  const conceptIds = [
    { name: "Big Cat!", want: "Big-Cat" },
    { name: "dog-0", want: "dog0" },
    { name: "a  b", want: "a--b" },
    { name: "émile", want: "mile" },
  ];
  for (const c of conceptIds) {
    it(`concept id of "${c.name}" is "${c.want}" as Python derives it`, () => assert.equal(conceptIdFromName(c.name), c.want));
  }

  it("a region without id gets a random dash-less uuid; frame time is truncated to ms", async () => {
    const data = await encodeArguments(loadSignature("m3", "frame_info"), { frame: { time: 1.0019, regions: [{ text: "t" }] } });
    const frame = part(data, "frame").frames[0]!;
    assert.match(frame.data!.regions[0]!.id, /^[0-9a-f]{32}$/);
    assert.deepEqual({ time: Number(frame.frameInfo!.time), text: frame.data!.regions[0]!.data!.text!.raw }, { time: 1001, text: "t" });
  });

  it("a later bidi message carries only the stream part and the method name", async () => {
    const data = throughWire(await encodeStreamItem(loadSignature("peer", "stream"), "z"));
    assert.deepEqual(
      { metadata: Object.keys(data.metadata!.fields), method: data.metadata!.fields["_method_name"]!.stringValue,
        parts: data.parts.map((p) => [p.id, p.data!.stringValue]) },
      { metadata: ["_method_name"], method: "stream", parts: [["input_iterator", "z"]] },
    );
  });
});

describe("defensive decoding", () => {
  const returnOf = (data: Init.Data) => throughWire({ parts: [{ id: "return", data }] });
  const cases: { name: string; method: [string, "peer" | "m3"]; data: Data; want: string }[] = [
    {
      name: "tuple with the wrong part count",
      method: ["pair", "peer"],
      data: returnOf(throughWire({ parts: [{ id: "0", data: { stringValue: "a" } }] })),
      want: 'pair: malformed response at "return": a tuple of 2 needs 2 parts, got 1',
    },
    {
      name: "missing named field",
      method: ["scene", "m3"],
      data: returnOf(throughWire({ parts: [{ id: "note", data: { stringValue: "n" } }] })),
      want: 'scene: malformed response at "return.preview": the named field is missing',
    },
    {
      name: "missing return",
      method: ["image_gray", "peer"],
      data: throughWire({}),
      want: 'image_gray: malformed response at "return": the output has no "return" part and no inline value',
    },
    {
      name: "int64 beyond the safe range",
      method: ["checksum", "m3"],
      data: returnOf(throughWire({ intValue: Long.fromString(String(2n ** 60n)) })),
      want: 'checksum: malformed response at "return": int64 1152921504606846976 does not fit a JS number without losing precision (results beyond ±2^53 need the model to return them as str)',
    },
    {
      name: "JSON text that does not parse",
      method: ["json_echo", "peer"],
      data: returnOf(throughWire({ stringValue: "{oops" })),
      want: 'json_echo: malformed response at "return": string_value is not valid JSON',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.throws(
        () => decodeResult(loadSignature(c.method[1], c.method[0]), c.data),
        (error: unknown) => error instanceof ClarifaiError && !(error instanceof ArgumentError) && error.message === c.want,
      );
    });
  }

  it("JSON from an older model's string_value is parsed", () => {
    const data = returnOf(throughWire({ stringValue: '{"a":[1]}' }));
    assert.deepEqual(decodeResult(loadSignature("peer", "json_echo"), data), { a: [1] });
  });

  it("an old-format answer of a zero INT decodes as 0", () => {
    assert.equal(decodeResult(loadSignature("m3", "checksum"), throughWire({})), 0);
  });
});

describe("server side", () => {
  it("encodeResult and decodeArguments round-trip through the client functions", async () => {
    const scene = loadSignature("m3", "scene");
    const value = { preview: Image.fromBytes(new Uint8Array([1])), concepts: [{ id: "c", name: "c", value: 0.5 }], note: "n" };
    assert.deepEqual(comparable(decodeResult(scene, throughWire(encodeResult(scene, value)))), comparable(value));
    const args = decodeArguments(loadSignature("m3", "shout"), throughWire(await encodeArguments(loadSignature("m3", "shout"), { text: "hi", times: 2 })));
    assert.deepEqual(comparable(args), comparable({ text: new Text("hi"), times: 2 }));
  });

  it("old-format input (text.raw, no parts) reaches the first STR parameter", () => {
    const data = throughWire({ text: { raw: "legacy" } });
    assert.deepEqual(decodeArguments(loadSignature("peer", "predict"), data), { prompt: "legacy" });
  });

  it("a missing required argument is a FAILURE naming it", () => {
    assert.throws(
      () => decodeArguments(loadSignature("peer", "predict"), throughWire({ parts: [{ id: "temperature", data: {} }] })),
      (error: unknown) => error instanceof ClarifaiError && error.code === 10020 && error.details === "Missing required argument: prompt",
    );
  });
});
