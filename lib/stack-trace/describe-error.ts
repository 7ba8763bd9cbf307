// A SerializedError -> what an error panel shows: headline, stack frames, the one frame to look at
// first, and the exact text for copying. Pure, so the rules are tested without a browser.
import type { SerializedError } from "@/lib/api-types";
import { allFrames, parseStack, splitMessage, type ParsedStack, type StackFrame } from "./parse";

export interface ErrorDescription {
  name: string;
  /** The message without any stack it carried (Elixir errors put theirs in the message). */
  message: string;
  /** The server's status text ("invalid status code: 500"), when it says more than the name. */
  status: string | null;
  /** The frames, with the "Name: message" line a V8 stack opens with removed (the headline shows it). */
  stack: ParsedStack;
  /** The first of the application's own frames: where to look first. */
  origin: StackFrame | null;
  /** Name, message and stack as plain text: what the raw view shows and the Copy button copies. */
  text: string;
}

/**
 * The "Name: message" opening of a V8 stack, if the stack has one. The name in a stack is the one
 * the error had when it was created, which subclasses often change afterwards, so any name matches.
 */
function stackHeadline(stack: string, name: string, message: string): string | null {
  if (message === "") {
    const first = stack.split("\n", 1)[0];
    return first.trim() === name || /^[\w$.]+:?\s*$/.test(first) ? first : null;
  }
  const prefix = stack.match(/^[\w$.]+: /)?.[0] ?? "";
  if (stack.startsWith(message, prefix.length)) return stack.slice(0, prefix.length + message.length);
  return stack.startsWith(message) ? message : null;
}

export function describeError(error: SerializedError): ErrorDescription {
  const name = (typeof error.name === "string" && error.name.trim()) || "Error";
  const fullMessage = typeof error.message === "string" ? error.message.replace(/\r\n?/g, "\n") : "";
  const ownStack = typeof error.stack === "string" ? error.stack.replace(/\r\n?/g, "\n") : "";
  const { message, embeddedStack } = splitMessage(fullMessage);

  const headline = ownStack ? stackHeadline(ownStack, name, fullMessage) : null;
  const stackBody = headline !== null ? ownStack.slice(headline.length) : ownStack;
  const stack = parseStack([embeddedStack, stackBody].filter((part) => part && part.trim() !== "").join("\n"));

  const status = typeof error.error === "string" && error.error.trim() && error.error !== name && error.error !== fullMessage ? error.error : null;
  const origin = allFrames(stack).find((frame) => frame.kind === "app") ?? null;
  const text = headline !== null ? ownStack : [`${name}: ${fullMessage}`, ownStack].filter(Boolean).join("\n");

  return { name, message, status, stack, origin, text };
}
