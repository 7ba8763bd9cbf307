import { expect, sendEvent, test, waitForRun } from "./fixtures";

test("an error message containing HTML is shown as text, and nothing is injected", async ({ page, request }) => {
  const message = `<img src=x onerror="window.__xss=1"><b id=injected>bold</b><script>window.__xss=2</script>`;
  const eventId = await sendEvent(request, "test/non-retriable", { message });
  const run = await waitForRun(request, { eventId, functionId: "non-retriable-fn", status: "FAILED" });

  for (const path of ["/", `/runs/${run.id}`, `/events/${eventId}`]) {
    await page.goto(path);
    await expect(page.getByText(message).first()).toBeVisible();
    await expect(page.locator("#injected")).toHaveCount(0);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  }
  await page.screenshot({ path: test.info().outputPath("run-html-message.png"), fullPage: true });
});

test("event names and payloads containing HTML are shown as text on the events pages", async ({ page, request }) => {
  const name = `<b id=injected-name>shop</b>/order.created`;
  const res = await request.post("/api/events", { data: { name, data: { note: "<svg onload=\"window.__xss=3\"></svg>" } } });
  expect(res.status()).toBe(200);
  const eventId = (await res.json()).ids[0];
  for (const path of ["/events", `/events/${eventId}`]) {
    await page.goto(path);
    await expect(page.getByText(name).first()).toBeVisible();
    await expect(page.locator("#injected-name")).toHaveCount(0);
    await expect(page.locator("svg[onload]")).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  }
  await page.screenshot({ path: test.info().outputPath("event-html-name.png"), fullPage: true });
});
