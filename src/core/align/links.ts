/**
 * Links between segments (a < b) with their scores, as parallel typed arrays: at 2,000
 * reports the alignment makes over a million of them, and as many small objects they cost
 * the garbage collector more than the alignment's own arithmetic.
 */
export class Links {
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  score = new Float64Array(1024);
  length = 0;

  push(a: number, b: number, score: number): void {
    if (this.length === this.a.length) this.grow();
    this.a[this.length] = a;
    this.b[this.length] = b;
    this.score[this.length++] = score;
  }

  /** The links' indexes strongest first, then by `a`, then by `b`: the order they are merged in. */
  strongestFirst(): Uint32Array {
    const { a, b, score } = this;
    const order = new Uint32Array(this.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    return order.sort((x, y) => score[y] - score[x] || a[x] - a[y] || b[x] - b[y]);
  }

  private grow(): void {
    const size = this.a.length * 2;
    const a = new Int32Array(size);
    const b = new Int32Array(size);
    const score = new Float64Array(size);
    a.set(this.a);
    b.set(this.b);
    score.set(this.score);
    this.a = a;
    this.b = b;
    this.score = score;
  }
}
