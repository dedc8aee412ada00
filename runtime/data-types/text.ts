/** TEXT values: a string, optionally with the URL it came from (`clarifai.api.Text` raw/url). */
export class Text {
  constructor(
    readonly text: string,
    readonly url?: string,
  ) {}

  static fromUrl(url: string): Text {
    return new Text("", url);
  }

  toString(): string {
    return this.text;
  }
}
