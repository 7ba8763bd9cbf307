import { createFunction } from "@/lib/engine/sdk";

/** The seed's "some job": returns "hello world", or throws when event.data.fail is true. */
export const myFunc = createFunction(
  {
    id: "my-func",
    name: "some job",
    onFailure: async ({ step }) => step.run("handle-failure", () => "error handled"),
  },
  { event: "job/foobar" },
  async ({ event }) => {
    if (event.data.fail === true) throw new Error("job/foobar was asked to fail (data.fail = true)");
    return "hello world";
  },
);
