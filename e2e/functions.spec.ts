import { expect, sendEvent, test, waitForRun } from "./fixtures";

test("the functions page lists each function with its failure handler and its failures", async ({ page, request }) => {
  const eventId = await sendEvent(request, "test/plug.retriable", { case: "functions" });
  await waitForRun(request, { eventId, functionId: "retriable-fn", status: "FAILED" });
  await page.goto("/functions");
  const row = page.locator('[data-function-id="retriable-fn"]');
  await expect(row).toContainText("test/plug.retriable");
  await expect(row).toContainText("retriable-fn-failure");
  const failed = row.getByRole("link", { name: /^\d+$/ });
  await expect(failed).toBeVisible();
  expect(Number(await failed.textContent())).toBeGreaterThanOrEqual(1);
  await expect(page.locator('[data-function-id="sleepy-fn"]')).toContainText("none");
  await page.screenshot({ path: test.info().outputPath("functions.png"), fullPage: true });
  await failed.click();
  await expect(page).toHaveURL(/function=retriable-fn&status=FAILED/);
});
