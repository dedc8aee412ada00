/** Why a model.py cannot be turned into signatures, positioned so an editor can jump to it. */
export interface ModelPyErrorDetails {
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  readonly method?: string;
  readonly parameter?: string;
  /** The reason and what to write instead, already naming the method and parameter. */
  readonly message: string;
}

export class ModelPyError extends Error implements ModelPyErrorDetails {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly method?: string;
  readonly parameter?: string;

  constructor(details: ModelPyErrorDetails) {
    super(details.message);
    this.name = "ModelPyError";
    this.file = details.file;
    this.line = details.line;
    this.column = details.column;
    if (details.method !== undefined) this.method = details.method;
    if (details.parameter !== undefined) this.parameter = details.parameter;
  }

  /** `file:line:col: message`, the form compilers use. */
  format(): string {
    return `${this.file}:${this.line}:${this.column}: ${this.message}`;
  }
}
