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
