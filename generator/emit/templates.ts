/**
 * The handlebars templates of the generated file (templates/ at the package root), compiled once per process.
 * Templates insert view-model strings as they are (`noEscape`): the view model has already escaped them for
 * TypeScript, which HTML escaping would only corrupt. `strict` turns a misspelt field into an error.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import Handlebars from "handlebars";
import type { ClientView } from "./view-model.js";

/** templates/ sits two levels above this file in the sources and three above it in dist/. */
const CANDIDATE_DIRS = ["../../templates/", "../../../templates/"];

let compiled: Handlebars.TemplateDelegate<ClientView> | undefined;

export function renderClient(view: ClientView): string {
  compiled ??= compileClientTemplate();
  return compiled(view);
}

function compileClientTemplate(): Handlebars.TemplateDelegate<ClientView> {
  const dir = templatesDir();
  const env = Handlebars.create();
  env.registerHelper("isSingleLine", (lines: readonly string[]) => lines.length === 1);
  const options = { noEscape: true, strict: true } as const;
  env.registerPartial("doc", env.compile(readFileSync(new URL("doc-comment.hbs", dir), "utf8"), options));
  return env.compile<ClientView>(readFileSync(new URL("client.ts.hbs", dir), "utf8"), options);
}

function templatesDir(): URL {
  const dirs = CANDIDATE_DIRS.map((d) => new URL(d, import.meta.url));
  const found = dirs.find((d) => existsSync(new URL("client.ts.hbs", d)));
  if (!found) {
    const tried = dirs.map((d) => fileURLToPath(d)).join(", ");
    throw new Error(`gen-client cannot find its templates (tried ${tried}); reinstall the package`);
  }
  return found;
}
