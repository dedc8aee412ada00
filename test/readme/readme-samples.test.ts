/**
 * Every ```ts block of README.md type-checks against the runtime and the committed example clients, as a
 * module at the repository root (so samples import from "clarifai-typed" and "./examples/…").
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { markdownCodeBlocks } from "./markdown-code-blocks.js";
import { typeCheckSnippets } from "./type-check-snippets.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

describe("markdownCodeBlocks", () => {
  const cases = [
    { given: "text\n```ts\nconst a = 1;\n```\n", want: [{ lang: "ts", code: "const a = 1;", line: 2 }] },
    {
      given: "```sh\nnpm test\n```\n\n```TS title\nx\ny\n```",
      want: [
        { lang: "sh", code: "npm test", line: 1 },
        { lang: "ts", code: "x\ny", line: 5 },
      ],
    },
    { given: "````md\n```ts\ninner\n```\n````", want: [{ lang: "md", code: "```ts\ninner\n```", line: 1 }] },
    { given: "- item\n  ```ts\n  indented();\n  ```", want: [{ lang: "ts", code: "indented();", line: 2 }] },
    { given: "```\nplain\n```", want: [{ lang: "", code: "plain", line: 1 }] },
    { given: "no code at all", want: [] },
  ];
  for (const { given, want } of cases) {
    test(JSON.stringify(given), () => assert.deepEqual(markdownCodeBlocks(given), want));
  }
});

describe("typeCheckSnippets", () => {
  test("reports a wrong call with the snippet name and its line; accepts a right one", () => {
    const given = [
      {
        name: "good",
        code: 'import { Text } from "clarifai-typed";\nconst t: Text = new Text("hi");\nconsole.log(t.text);',
      },
      { name: "bad", code: 'import { Text } from "clarifai-typed";\n\nconst n: number = new Text("hi");' },
    ];
    const got = typeCheckSnippets(repoRoot, given);
    assert.deepEqual(
      got.map(({ snippet, line }) => ({ snippet, line })),
      [{ snippet: "bad", line: 3 }],
    );
    assert.match(got[0]!.message, /Type 'Text' is not assignable to type 'number'/);
  });
});

describe("README.md", () => {
  const readme = readFileSync(path.join(repoRoot, "README.md"), "utf8");
  const blocks = markdownCodeBlocks(readme).filter((b) => b.lang === "ts" || b.lang === "typescript");

  test("has TypeScript samples to check", () => assert.ok(blocks.length >= 10, `found ${blocks.length} ts blocks`));

  test("every ```ts sample type-checks", () => {
    const snippets = blocks.map((b) => ({ name: `README.md:${b.line}`, code: b.code }));
    const problems = typeCheckSnippets(repoRoot, snippets).map((d) => {
      const [, fenceLine] = d.snippet.split(":");
      return `README.md:${Number(fenceLine) + d.line}: ${d.message}`;
    });
    assert.deepEqual(problems, []);
  });
});
