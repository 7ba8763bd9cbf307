import type { DurableFunction } from "./sdk/create-function";
import { FUNCTION_FAILED_EVENT } from "./sdk/create-function";

/** The functions this server runs, with each failure handler as a function of its own. */
export class FunctionRegistry {
  private readonly byId = new Map<string, DurableFunction>();
  private readonly byEvent = new Map<string, DurableFunction[]>();

  constructor(functions: DurableFunction[]) {
    for (const fn of functions.flatMap((f) => (f.failureHandler ? [f, f.failureHandler] : [f]))) {
      if (this.byId.has(fn.id)) throw new Error(`two functions have the id "${fn.id}"`);
      this.byId.set(fn.id, fn);
      const list = this.byEvent.get(fn.triggerEvent) ?? [];
      list.push(fn);
      this.byEvent.set(fn.triggerEvent, list);
    }
  }

  get(id: string): DurableFunction | undefined {
    return this.byId.get(id);
  }

  all(): DurableFunction[] {
    return [...this.byId.values()];
  }

  /** The functions an event starts. A failure handler matches only its own function's failures. */
  triggeredBy(name: string, data: unknown): DurableFunction[] {
    const candidates = this.byEvent.get(name);
    if (!candidates) return [];
    if (name !== FUNCTION_FAILED_EVENT) return candidates;
    const failedFunction = (data as { function_id?: unknown } | null)?.function_id;
    return candidates.filter((fn) => !fn.handlesFunctionId || fn.handlesFunctionId === failedFunction);
  }
}
