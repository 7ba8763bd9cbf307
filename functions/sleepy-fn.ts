import { createFunction } from "@/lib/engine/sdk";

/** Several steps around a sleep: the run holds no worker while it sleeps, then carries on. */
export const sleepyFn = createFunction(
  { id: "sleepy-fn", name: "Sleepy function" },
  { event: "test/sleepy" },
  async ({ event, step }) => {
    const order = await step.run("create-order", () => ({ orderId: `ord_${event.id.slice(-6)}` }));
    await step.sleep("wait-for-warehouse", typeof event.data.sleep === "string" ? event.data.sleep : "2s");
    const shipment = await step.run("ship-order", () => ({ ...order, shipped: true }));
    await step.sendEvent("notify", { name: "app/order.shipped", data: shipment });
    return shipment;
  },
);
