// Every function this server runs, registered here. Add yours to the list.
import type { DurableFunction } from "@/lib/engine/sdk";
import { myFunc } from "./my-func";
import { nonRetriableFn } from "./non-retriable-fn";
import { retriableFn } from "./retriable-fn";
import { sleepyFn } from "./sleepy-fn";

export const functions: DurableFunction[] = [retriableFn, myFunc, nonRetriableFn, sleepyFn];
