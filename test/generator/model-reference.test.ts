import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ModelReferenceError, parseModelReference, type ReferenceOptions } from "../../generator/sources/model-reference.js";

describe("parseModelReference", () => {
  const cases: [given: string, options: ReferenceOptions, want: object][] = [
    ["me/my-app/my-model", {}, { userId: "me", appId: "my-app", modelId: "my-model" }],
    ["me/my-app/my-model", { version: "v1" }, { userId: "me", appId: "my-app", modelId: "my-model", versionId: "v1" }],
    ["https://clarifai.com/me/app/models/m", {}, { userId: "me", appId: "app", modelId: "m" }],
    ["https://clarifai.com/me/app/models/m/versions/abc", {}, { userId: "me", appId: "app", modelId: "m", versionId: "abc" }],
    ["https://clarifai.com/me/app/models/m/model_version/abc/", {}, { userId: "me", appId: "app", modelId: "m", versionId: "abc" }],
    ["clarifai.com/me/app/models/m", {}, { userId: "me", appId: "app", modelId: "m" }],
    ["https://clarifai.com/me/app/models/m/versions/abc", { version: "zz" }, { userId: "me", appId: "app", modelId: "m", versionId: "zz" }],
    ["my-model", { user: "me", app: "app" }, { userId: "me", appId: "app", modelId: "my-model" }],
  ];
  for (const [given, options, want] of cases) {
    it(`${given} ${JSON.stringify(options)}`, () => assert.deepEqual(parseModelReference(given, options), want));
  }

  const rejected: [given: string, options: ReferenceOptions, message: RegExp][] = [
    ["my-model", {}, /"my-model" does not say which user and app it belongs to: give user\/app\/model/u],
    ["a/b", {}, /"a\/b" is not a model reference/u],
    ["a//c", {}, /"a\/\/c" has an empty part/u],
    ["https://example.com/me/app/models/m", {}, /not a Clarifai model URL/u],
    ["https://clarifai.com/me/app/workflows/m", {}, /not a Clarifai model URL/u],
    ["https://clarifai.com/me/app/models/m/versions", {}, /not a Clarifai model URL/u],
  ];
  for (const [given, options, message] of rejected) {
    it(`rejects ${given}`, () => {
      assert.throws(() => parseModelReference(given, options), (e: unknown) => e instanceof ModelReferenceError && message.test(e.message));
    });
  }
});
