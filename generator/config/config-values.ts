/** Checked reads of config values: each failure names the file, the key and what to write instead. */

export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

type Fields = Readonly<Record<string, unknown>>;

export function expectObject(value: unknown, where: string, allowed: readonly string[]): Fields {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigError(`${where} must be an object (keys: ${allowed.join(", ")})`);
  }
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) {
    throw new ConfigError(`${where} has unknown key ${JSON.stringify(unknown[0])}; allowed keys: ${allowed.join(", ")}`);
  }
  return value as Fields;
}

export function optionalString(fields: Fields, key: string, where: string): string | undefined {
  const value = fields[key];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "") throw new ConfigError(`${where}: "${key}" must be a non-empty string`);
  return value;
}

export function requiredString(fields: Fields, key: string, where: string): string {
  const value = optionalString(fields, key, where);
  if (value === undefined) throw new ConfigError(`${where}: "${key}" is required`);
  return value;
}

export function optionalBoolean(fields: Fields, key: string, where: string): boolean | undefined {
  const value = fields[key];
  if (value !== undefined && typeof value !== "boolean") throw new ConfigError(`${where}: "${key}" must be true or false`);
  return value;
}

export function optionalNumber(fields: Fields, key: string, where: string): number | undefined {
  const value = fields[key];
  if (value !== undefined && (typeof value !== "number" || !(value > 0))) {
    throw new ConfigError(`${where}: "${key}" must be a positive number`);
  }
  return value;
}
