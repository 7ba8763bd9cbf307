import { expect, sendEvent, test, waitForRun } from "./fixtures";

const xssProbe = () => (window as unknown as { __xss?: number }).__xss;

test("an error message containing HTML is shown as text, and nothing is injected", async ({ page, request }) => {
  const message = `<img src=x onerror="window.__xss=1"><b id=injected>bold</b>`;
  const eventId = await sendEvent(request, "test/non-retriable", { message });
  const run = await waitForRun(request, { eventId, functionId: "non-retriable-fn", status: "FAILED" });

  await page.goto(`/runs/${run.id}`);
  const panel = page.getByRole("region", { name: "Run failed" });
  await expect(panel.getByTestId("error-name")).toHaveText("NonRetriableError");
  await expect(panel.getByTestId("error-message")).toHaveText(message);
  await expect(page.locator("#injected")).toHaveCount(0);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.evaluate(xssProbe)).toBeUndefined();
  await page.screenshot({ path: test.info().outputPath("run-html-message.png"), fullPage: true });

  // The raw view and the copied text are the same characters, still as text.
  await panel.getByRole("button", { name: "Raw" }).click();
  await expect(panel.getByTestId("raw-stack")).toContainText(`NonRetriableError: ${message}`);
  await expect(page.locator("#injected")).toHaveCount(0);

  // The failure event carries the same error; its page and the events list show it as text too.
  const detail = await (await request.get(`/api/runs/${run.id}`)).json();
  const failureEventId: string = detail.failureEvent.id;
  for (const [path, shot] of [[`/events/${failureEventId}`, "failure-event-html.png"], ["/events?name=inngest%2Ffunction.failed", "events-html.png"]] as const) {
    await page.goto(path);
    await expect(page.getByText(message, { exact: false }).first()).toBeVisible();
    await expect(page.locator("#injected")).toHaveCount(0);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(xssProbe)).toBeUndefined();
    await page.screenshot({ path: test.info().outputPath(shot), fullPage: true });
  }
});

test("a failed retriable-fn run shows name, message and where it was thrown, with other frames folded", async ({ page, request }) => {
  const eventId = await sendEvent(request, "test/plug.retriable", { case: "error-panel-folding" });
  const run = await waitForRun(request, { eventId, functionId: "retriable-fn", status: "FAILED" });
  await page.goto(`/runs/${run.id}`);

  const panel = page.getByRole("region", { name: "Run failed" });
  await expect(panel.getByTestId("error-name")).toHaveText("Error");
  await expect(panel.getByTestId("error-message")).toHaveText("YOLO!!!");
  await expect(panel.getByTestId("error-origin")).toContainText("retriable-fn.ts:16");

  // Application frames first: the function's own frame shows, the rest wait behind a button.
  await expect(panel.getByRole("button", { name: /Application frames/ })).toHaveAttribute("aria-pressed", "true");
  await expect(panel.locator('[data-frame-kind="app"]').first()).toContainText("retriable-fn.ts:16");
  await expect(panel.locator('[data-frame-kind="internal"], [data-frame-kind="dependency"]')).toHaveCount(0);
  const unfold = panel.getByRole("button", { name: /^▸?\s*Show \d+ dependency\/runtime frames?$/ });
  await expect(unfold).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("run-error-folded.png"), fullPage: true });

  await unfold.click();
  await expect(panel.getByRole("button", { name: /Full trace/ })).toHaveAttribute("aria-pressed", "true");
  await expect(panel.locator('[data-frame-kind="internal"]').first()).toBeVisible();
  await expect(panel.locator('[data-frame-kind="internal"]').first()).toContainText("node:internal");
  await page.screenshot({ path: test.info().outputPath("run-error-full-trace.png"), fullPage: true });

  await panel.getByRole("button", { name: /Hide \d+ dependency\/runtime frames?/ }).click();
  await expect(panel.locator('[data-frame-kind="internal"]')).toHaveCount(0);

  await panel.getByRole("button", { name: "Raw" }).click();
  const raw = panel.getByTestId("raw-stack");
  await expect(raw).toContainText("Error: YOLO!!!");
  await expect(raw).toContainText("at Object.handler (");
  await expect(raw).toContainText("node:internal/process/task_queues");
  await expect(panel.getByRole("button", { name: /Copy error/ })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("run-error-raw.png"), fullPage: true });
});

test("the failure event's page shows the error it carries, with the server's status, and links to the failed run", async ({ page, request }) => {
  const eventId = await sendEvent(request, "test/plug.retriable", { case: "failure-event-error" });
  const run = await waitForRun(request, { eventId, functionId: "retriable-fn", status: "FAILED" });
  const detail = await (await request.get(`/api/runs/${run.id}`)).json();

  await page.goto(`/events/${detail.failureEvent.id}`);
  const panel = page.getByRole("region", { name: "Error carried by this event" });
  await expect(panel.getByTestId("error-message")).toHaveText("YOLO!!!");
  await expect(panel.getByTestId("error-status")).toHaveText("invalid status code: 500");
  await expect(page.getByTestId("failed-run-link")).toContainText(`Failed run: ${run.id} of Retriable function`);
  await page.screenshot({ path: test.info().outputPath("failure-event.png"), fullPage: true });
});

test("event names and payloads containing HTML are shown as text on the events pages", async ({ page, request }) => {
  const name = `<b id=injected-name>shop</b>/order.created`;
  const res = await request.post("/api/events", { data: { name, data: { note: "<svg onload=\"window.__xss=3\"></svg>" } } });
  expect(res.status()).toBe(200);
  const eventId = (await res.json()).ids[0];
  for (const [path, shot] of [["/events", "events-html-name.png"], [`/events/${eventId}`, "event-html-name.png"]] as const) {
    await page.goto(path);
    await expect(page.getByText(name).first()).toBeVisible();
    await expect(page.locator("#injected-name")).toHaveCount(0);
    await expect(page.locator("svg[onload]")).toHaveCount(0);
    expect(await page.evaluate(xssProbe)).toBeUndefined();
    await page.screenshot({ path: test.info().outputPath(shot), fullPage: true });
  }
});
