// Lint rules for the project's own sources. Generated protobuf code and generated clients are excluded:
// the first is never edited by hand, the second is checked by the golden tests and `tsc --strict`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/**",
      "dist/**",
      "scratch/**",
      "runtime/gen/**",
      "test/golden/**/expected/**",
      "test/**/fixtures/**",
      "examples/*/client/**",
      "examples/**/*.client.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Escaping and sanitising model-provided text matches control characters on purpose.
      "no-control-regex": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
);
