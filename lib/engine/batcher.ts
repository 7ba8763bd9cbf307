/**
 * Collects calls made while a flush is under way (or within the same tick) and hands them to
 * `flush` together, so concurrent runs share one statement and one commit instead of one each.
 * The cost of a run is its round trips, not the work inside them.
 */
export class Batcher<In, Out> {
  private pending: Array<{ item: In; resolve: (out: Out) => void; reject: (err: unknown) => void }> = [];
  private flushing = false;
  private scheduled = false;

  constructor(
    private readonly flush: (items: In[]) => Promise<Out[]>,
    private readonly maxBatch = 500,
  ) {}

  add(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.flushing || this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.run();
    });
  }

  private async run(): Promise<void> {
    if (this.flushing || this.pending.length === 0) return;
    this.flushing = true;
    const batch = this.pending.splice(0, this.maxBatch);
    try {
      const results = await this.flush(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(results[i]));
    } catch (err) {
      for (const b of batch) b.reject(err);
    } finally {
      this.flushing = false;
      if (this.pending.length > 0) this.schedule();
    }
  }
}
